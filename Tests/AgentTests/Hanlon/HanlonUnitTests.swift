import Foundation
import Testing
@testable import Agent
@testable import Facts
import NIOCore

@Suite struct MkConfFileTests {
    /// The keys and layout the server's cloud-config writes (hickey/Hanlon:core/image_service/microkernel.rb).
    @Test func cloudConfigFile_parsesEveryKey() throws {
        let text = """
            ---
            mk_uri: http://1.1.1.6:8026
            mk_checkin_path: /hanlon/api/v1/node/checkin
            mk_register_path: "/hanlon/api/v1/node/register"
            mk_checkin_interval: 60
            mk_checkin_skew: 5   # seconds
            mk_log_level: Logger::ERROR
            mk_fact_excl_pattern: (^facter.*$)|(^id$)|(.*json_str$)
            'quoted key': 'it''s'
            """
        let conf = try MkConfFile(parsing: text)
        #expect(conf.values["mk_uri"] == "http://1.1.1.6:8026")
        #expect(conf.values["mk_register_path"] == "/hanlon/api/v1/node/register")
        #expect(conf.values["mk_checkin_skew"] == "5")
        #expect(conf.values["mk_log_level"] == "Logger::ERROR")
        #expect(conf.values["mk_fact_excl_pattern"] == "(^facter.*$)|(^id$)|(.*json_str$)")
        #expect(conf.values["quoted key"] == "it's")
    }

    @Test func outsideTheFlatSubset_isAnErrorWithItsLine() {
        #expect(throws: MkConfFile.ParseError(line: 2, reason: "indented line: only flat `key: value` lines are supported")) {
            try MkConfFile(parsing: "a: 1\n  b: 2\n")
        }
        #expect(throws: MkConfFile.ParseError.self) { try MkConfFile(parsing: "a: [1, 2]\n") }
        #expect(throws: MkConfFile.ParseError.self) { try MkConfFile(parsing: "just words\n") }
        #expect(throws: MkConfFile.ParseError.self) { try MkConfFile(parsing: "a: \"open\n") }
    }
}

@Suite struct HanlonSettingsTests {
    @Test func precedence_flags_environment_server_file_commandLine_defaults() throws {
        var sources = HanlonSettings.Sources()
        sources.commandLine = ["mk_uri": "http://cmdline:8026", "mk_checkin_path": "/old/node/checkin"]
        sources.file = ["mk_uri": "http://file:8026", "mk_checkin_interval": "30", "mk_log_level": "Logger::INFO"]
        sources.server = ["mk_checkin_interval": "20"]
        sources.environment = HanlonSettings.Sources.fromEnvironment(["MKAGENT_MK_CHECKIN_INTERVAL": "10", "PATH": "/bin"])
        var settings = try HanlonSettings(sources.merged)
        #expect(settings.uri == "http://file:8026")
        #expect(settings.checkinPath == "/old/node/checkin")
        #expect(settings.registerPath == "/hanlon/api/v1/node/register")
        #expect(settings.checkinInterval == 10)
        #expect(settings.logLevel == "Logger::INFO")
        sources.flags = ["mk_checkin_interval": "0.5", "mk_uri": "https://flag:8443/"]
        settings = try HanlonSettings(sources.merged)
        #expect(settings.checkinInterval == 0.5)
        #expect(settings.checkinURL == "https://flag:8443/old/node/checkin")
        #expect(settings.factExclusionPattern == HanlonSettings.defaultFactExclusionPattern)
    }

    @Test func kernelCommandLine_legacyDiscovery() {
        let line = KernelCommandLine(parsing: "hanlon.server=hnl.example hanlon.base_uri=/custom/api/ quiet")
        let keys = HanlonSettings.Sources.fromKernelCommandLine { line.value(of: $0) }
        #expect(keys["mk_uri"] == "http://hnl.example:8026")
        #expect(keys["mk_checkin_path"] == "/custom/api/node/checkin")
        let ip = KernelCommandLine(parsing: "hanlon.ip=10.0.0.5 hanlon.server=ignored hanlon.port=9000")
        #expect(HanlonSettings.Sources.fromKernelCommandLine { ip.value(of: $0) }["mk_uri"] == "http://10.0.0.5:9000")
        #expect(HanlonSettings.Sources.fromKernelCommandLine { KernelCommandLine(parsing: "quiet").value(of: $0) }.isEmpty)
    }

    @Test func invalidValues_areNamed() {
        #expect(throws: HanlonSettings.Invalid.self) { try HanlonSettings([:]) }
        #expect(throws: HanlonSettings.Invalid.self) { try HanlonSettings(["mk_uri": "ftp://x"]) }
        #expect(throws: HanlonSettings.Invalid.self) { try HanlonSettings(["mk_uri": "http://x", "mk_checkin_interval": "0"]) }
        #expect(throws: HanlonSettings.Invalid.self) { try HanlonSettings(["mk_uri": "http://x", "mk_fact_excl_pattern": "(unclosed"]) }
    }
}

@Suite struct NodeIdentityTests {
    static func nic(_ name: String, _ mac: String, bus: String? = "pci", virtual: Bool = false, kind: String? = nil) -> NetworkInterface {
        var i = NetworkInterface(name: name)
        i.macAddress = mac
        i.linkType = "ether"
        i.bus = bus
        i.virtual = virtual
        i.kind = kind
        return i
    }

    @Test func macID_physicalEthernetOnly_naturalOrder_lowerCase() {
        var bonded = Self.nic("eno2", "AA:BB:CC:00:00:99")
        bonded.permanentMacAddress = "AA:BB:CC:00:00:02"
        let interfaces = [
            Self.nic("eth10", "AA:BB:CC:00:00:10"), Self.nic("eth2", "AA:BB:CC:00:00:03"), bonded,
            Self.nic("bond0", "AA:BB:CC:00:00:99", bus: nil, virtual: true, kind: "bond"),
            Self.nic("wlp2s0", "AA:BB:CC:00:00:07", kind: "wlan"),
            Self.nic("veth1", "AA:BB:CC:00:00:08", bus: nil, virtual: true),
            Self.nic("enp3s0", "00:00:00:00:00:00"),
        ]
        var facts = Facts(metadata: FactsMetadata(mkagentVersion: "t", collectedAt: "", roots: HostRoot(under: "/"), rootOrigins: [:], collectors: []))
        facts.network = NetworkFacts(interfaces: interfaces)
        #expect(NodeIdentity(facts: facts).macID == "aabbcc000002_aabbcc000003_aabbcc000010")
    }

    @Test func uuid_commandLineFirst_upperCased() {
        var facts = Facts(metadata: FactsMetadata(mkagentVersion: "t", collectedAt: "", roots: HostRoot(under: "/"), rootOrigins: [:], collectors: []))
        var os = OSFacts()
        os.cmdline = KernelCommandLine(parsing: "smbios_uuid=abcd-ef")
        facts.os = os
        #expect(NodeIdentity(facts: facts).uuid == "ABCD-EF")
    }
}

@Suite struct HanlonFlatFactsTests {
    @Test func memorysize_asFacterPrintsIt() {
        #expect(HanlonFlatFacts.humanReadable(4_046_000 * 1024) == "3.86 GiB")
        #expect(HanlonFlatFacts.humanReadable(1023) == "1023 bytes")
        #expect(HanlonFlatFacts.humanReadable(1024) == "1.00 KiB")
        #expect(HanlonFlatFacts.humanReadable(1_073_741_823) == "1.00 GiB")
        #expect(HanlonFlatFacts.lshwSize(4 << 30) == "4GiB")
    }

    @Test func exclusionPattern_dropsMatchingNames() throws {
        let kept = try HanlonFlatFacts.excluding(
            ["memoryfree": "1", "memorysize": "2", "kernelrelease": "3", "mk_hw_bus_core_json_str": "{}", "uptime_days": "1", "hostname": "mk"],
            pattern: HanlonSettings.defaultFactExclusionPattern)
        #expect(kept == ["memorysize": "2", "hostname": "mk"])
    }

    @Test func ipv6_networkAndMask_asRubyIPAddrPrintsThem() {
        #expect(IPv6.format(IPv6.mask(64)) == "ffff:ffff:ffff:ffff::")
        let address = IPv6.parse("fd00::2")!
        #expect(IPv6.format(zip(address, IPv6.mask(64)).map { $0 & $1 }) == "fd00::")
        #expect(IPv4.format(IPv4.parse("192.0.2.2")! & IPv4.mask(24)!) == "192.0.2.0")
    }
}

@Suite struct ReliabilityPartsTests {
    @Test func backoff_doublesWithJitter_andIsCapped() {
        var backoff = Backoff(minimum: 1, maximum: 8)
        var random = SystemRandomNumberGenerator()
        let delays = (0..<6).map { _ in backoff.nextDelay(using: &random) }
        for (n, delay) in delays.enumerated() {
            let ceiling = min(8, Double(1 << n))
            #expect(delay >= ceiling / 2 && delay <= ceiling, "attempt \(n + 1): \(delay)")
        }
        backoff.reset()
        #expect(backoff.nextDelay(using: &random) <= 1)
    }

    @Test func spool_keepsOnlyChanges_inOrder_acrossInstances() throws {
        let scratch = try ScratchDirectory()
        let spool = try DeliverySpool(directory: scratch.path + "/a/b")
        #expect(try spool.collect(Array("one".utf8)) != nil)
        #expect(try spool.collect(Array("one".utf8)) == nil, "unchanged: not spooled twice")
        #expect(try spool.collect(Array("two".utf8)) != nil)
        let reopened = try DeliverySpool(directory: scratch.path + "/a/b")
        #expect(reopened.pending.map(\.sequence) == [1, 2])
        try reopened.acknowledge(reopened.pending[0])
        try reopened.acknowledge(reopened.pending[0])
        #expect(reopened.pending.isEmpty)
        #expect(reopened.acknowledgedDigest == DeliverySpool.digest(Array("two".utf8)))
        #expect(try reopened.collect(Array("two".utf8)) == nil, "acknowledged: not spooled again")
        #expect(try reopened.collect(Array("two".utf8), force: true) != nil, "unless the server asks")
    }

    @Test func checkinReply_envelope() throws {
        let body = #"{"errcode":0,"response":{"command_name":"reboot","command_param":{}},"client_config":{"mk_checkin_interval":30,"mk_log_level":"Logger::DEBUG"}}"#
        let reply = try HanlonClient.decodeReply(.init(string: body))
        #expect(reply.command == "reboot")
        #expect(reply.clientConfig == ["mk_checkin_interval": "30", "mk_log_level": "Logger::DEBUG"])
        #expect(throws: HanlonClient.Failure.self) { try HanlonClient.decodeReply(.init(string: #"{"errcode":1}"#)) }
        #expect(throws: HanlonClient.Failure.self) { try HanlonClient.decodeReply(.init(string: #"{"errcode":0,"resp"#)) }
    }
}
