import Testing
@testable import Facts

/// The command line is split as the kernel's `next_arg` splits it.
@Suite struct KernelCommandLineTests {
    typealias P = KernelCommandLine.Parameter

    @Test func flagsValuesAndEmptyValues() {
        let line = KernelCommandLine(parsing: "ro quiet root=/dev/sda1 console=ttyS0,115200n8 ip= \n")
        #expect(line.raw == "ro quiet root=/dev/sda1 console=ttyS0,115200n8 ip= ")
        #expect(line.parameters == [
            P(name: "ro"), P(name: "quiet"), P(name: "root", value: "/dev/sda1"),
            P(name: "console", value: "ttyS0,115200n8"), P(name: "ip", value: ""),
        ])
        #expect(line.contains("quiet"))
        #expect(line.value(of: "quiet") == nil)
        #expect(line.value(of: "root") == "/dev/sda1")
        #expect(line.value(of: "absent") == nil)
    }

    @Test func quotedValues_keepTheirSpaces_andLoseTheQuotes() {
        let line = KernelCommandLine(parsing: #"a="one two" "b=three four" c="x=y" d="unterminated tail"#)
        #expect(line.parameters == [
            P(name: "a", value: "one two"), P(name: "b", value: "three four"), P(name: "c", value: "x=y"),
            P(name: "d", value: "unterminated tail"),
        ])
    }

    @Test func onlyTheFirstEqualsSplits_andInnerQuotesStay() {
        let line = KernelCommandLine(parsing: #"opts=a=b,c=d path=/x"y"z "flag""#)
        #expect(line.parameters == [P(name: "opts", value: "a=b,c=d"), P(name: "path", value: #"/x"y"z"#), P(name: "flag")])
    }

    @Test func repeatedNames_areAllKept_andTheLastWins() {
        let line = KernelCommandLine(parsing: "console=tty0 console=ttyS1,115200 console=ttyS0")
        #expect(line.values(of: "console") == ["tty0", "ttyS1,115200", "ttyS0"])
        #expect(line.value(of: "console") == "ttyS0")
    }

    @Test func argumentsAfterDoubleDash_areForInit() {
        let line = KernelCommandLine(parsing: #"quiet -- --init-flag x=1 "a b""#)
        #expect(line.parameters == [P(name: "quiet")])
        #expect(line.initArguments == ["--init-flag", "x=1", "a b"])
    }

    @Test func provisioningParameters_ofRackHDAndHanlon() {
        // The shapes the microkernels boot with: RackHD's iPXE script, Hanlon's boot template.
        let line = KernelCommandLine(parsing: """
            initrd=initrd.img BOOTIF=01-52-54-be-ef-00-01 API_CB=172.31.128.1:9080 \
            hanlon.ip=10.0.0.2 hanlon.port=8026 hanlon.base_uri="/hanlon/api/v1" smbios_uuid=4C4C4544-0044 \
            console=ttyS0 hanlon.ip=10.0.0.3
            """)
        #expect(line.value(of: "BOOTIF") == "01-52-54-be-ef-00-01")
        #expect(line.value(of: "API_CB") == "172.31.128.1:9080")
        #expect(line.value(of: "hanlon.base_uri") == "/hanlon/api/v1")
        #expect(line.value(of: "smbios_uuid") == "4C4C4544-0044")
        #expect(line.values(of: "hanlon.ip") == ["10.0.0.2", "10.0.0.3"])
    }

    @Test func emptyAndBlankLines_haveNoParameters() {
        #expect(KernelCommandLine(parsing: "").parameters.isEmpty)
        #expect(KernelCommandLine(parsing: "  \t \n").parameters.isEmpty)
        #expect(KernelCommandLine(parsing: "\"\"").parameters == [P(name: "")])
        #expect(KernelCommandLine(parsing: "a=\"").parameters == [P(name: "a", value: "")])
    }
}
