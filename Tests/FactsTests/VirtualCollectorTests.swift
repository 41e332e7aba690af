import Foundation
import Testing
@testable import Facts

@Suite struct VirtualCollectorTests {
    static func collect(_ tree: TemporaryTree, dump: String? = nil) -> (VirtualFacts, [Diagnostic]) {
        let context = CollectionContext(files: HostFiles(root: HostRoot(under: tree.path)), dmiDumpFile: dump)
        let output = VirtualCollector().collect(context)
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: tree.path), rootOrigins: [:], collectors: []))
        output.apply(&facts)
        return (facts.virtual!, output.diagnostics)
    }

    static func write(_ tree: TemporaryTree, _ files: [String: String]) throws {
        for (path, text) in files { try tree.write(path, Array(text.utf8)) }
    }

    /// An ACPI table header with `oemID` at bytes 10-15.
    static func acpiHeader(_ signature: String, oemID: String) -> [UInt8] {
        var bytes = Array(signature.utf8) + [0x24, 0, 0, 0, 2, 0]
        bytes += Array(oemID.utf8.prefix(6)) + [UInt8](repeating: 0x20, count: 6 - min(6, oemID.utf8.count))
        return bytes + Array("TESTTABL".utf8) + [UInt8](repeating: 0, count: 12)
    }

    @Test func qemuDMIWithKVMClock_isKVM() throws {
        let tree = try TemporaryTree()
        try Self.write(tree, [
            "sys/class/dmi/id/sys_vendor": "QEMU\n",
            "sys/class/dmi/id/product_name": "Standard PC (Q35 + ICH9, 2009)\n",
            "sys/class/dmi/id/bios_vendor": "SeaBIOS\n",
            "sys/devices/system/clocksource/clocksource0/available_clocksource": "kvm-clock tsc acpi_pm \n",
            "proc/cpuinfo": "processor\t: 0\nflags\t\t: fpu vme hypervisor\n",
        ])
        let (virtual, diagnostics) = Self.collect(tree)
        #expect(virtual.type == "kvm")
        #expect(virtual.hypervisor == "kvm")
        #expect(virtual.isVirtual)
        #expect(virtual.evidence == ["dmi sys_vendor: QEMU", "clocksource: kvm-clock (KVM acceleration)"])
        #expect(diagnostics.isEmpty)
    }

    @Test func qemuDMIWithoutKVMClock_isEmulatedQEMU() throws {
        let tree = try TemporaryTree()
        try Self.write(tree, ["sys/class/dmi/id/sys_vendor": "QEMU\n"])
        #expect(Self.collect(tree).0.type == "qemu")
    }

    @Test func firecracker_isNamedByItsACPIOEMID() throws {
        let tree = try TemporaryTree()
        try tree.write("sys/firmware/acpi/tables/DSDT", Self.acpiHeader("DSDT", oemID: "FIRECK"))
        try Self.write(tree, [
            "sys/devices/system/clocksource/clocksource0/available_clocksource": "tsc kvm-clock\n",
            "proc/cpuinfo": "flags\t\t: fpu hypervisor\n",
        ])
        let (virtual, _) = Self.collect(tree)
        #expect(virtual.type == "firecracker")
        #expect(virtual.evidence == ["acpi DSDT oem id: FIRECK"])
    }

    @Test func onlyTheCPUFlag_isAnUnnamedHypervisor_andNoFlagIsPhysical() throws {
        let flagged = try TemporaryTree()
        try Self.write(flagged, ["proc/cpuinfo": "processor : 0\nflags : fpu sse2 hypervisor\n"])
        #expect(Self.collect(flagged).0.type == "vm-other")
        let bare = try TemporaryTree()
        try Self.write(bare, [
            "proc/cpuinfo": "processor : 0\nflags : fpu sse2\n",
            "sys/class/dmi/id/sys_vendor": "Dell Inc.\n",
            "sys/class/dmi/id/product_name": "PowerEdge R630\n",
        ])
        try bare.write("sys/firmware/acpi/tables/DSDT", Self.acpiHeader("DSDT", oemID: "DELL"))
        let (virtual, diagnostics) = Self.collect(bare)
        #expect(virtual.type == "physical")
        #expect(!virtual.isVirtual)
        #expect(virtual.hypervisor == nil)
        #expect(virtual.evidence.isEmpty)
        #expect(diagnostics.isEmpty)
    }

    @Test func xenDomain0_isNotVirtual_butNamesXen() throws {
        let tree = try TemporaryTree()
        try Self.write(tree, [
            "sys/hypervisor/type": "xen\n",
            "proc/xen/capabilities": "control_d\n",
            "sys/class/dmi/id/sys_vendor": "Supermicro\n",
        ])
        let (virtual, _) = Self.collect(tree)
        #expect(virtual.type == "xen0")
        #expect(virtual.hypervisor == "xen")
        #expect(!virtual.isVirtual)
    }

    @Test(arguments: [
        ("dmi/derived/go-smbios-HyperV.bin", "hyperv"),
        ("dmi/u-root/VMWare.bin", "vmware"),
        ("dmi/u-root/SuperMicro-X9DBL.bin", "physical"),
    ])
    func withoutSysfsDMI_theSMBIOSTableIsRead(_ dump: String, _ expected: String) throws {
        let tree = try TemporaryTree.sysfsDMI(fromDump: try Fixtures.bytes(dump))
        #expect(Self.collect(tree).0.type == expected)
    }

    @Test func containers_fromEnvironmentMarkersAndCgroups() throws {
        let podman = try TemporaryTree()
        try podman.write("proc/1/environ", Array("PATH=/bin\0container=podman\0HOME=/\0".utf8))
        #expect(Self.collect(podman).0.container == "podman")

        let docker = try TemporaryTree()
        try docker.write("proc/1/root/.dockerenv", [])
        try Self.write(docker, ["sys/class/dmi/id/product_name": "KVM\n"])
        let (inDocker, _) = Self.collect(docker)
        #expect(inDocker.type == "docker")
        #expect(inDocker.hypervisor == "kvm")
        #expect(inDocker.evidence.contains("proc/1/root/.dockerenv exists"))

        let lxc = try TemporaryTree()
        try Self.write(lxc, ["proc/1/cgroup": "12:pids:/lxc.payload.web/init.scope\n0::/lxc.payload.web/init.scope\n"])
        #expect(Self.collect(lxc).0.container == "lxc")

        let host = try TemporaryTree()
        try Self.write(host, ["proc/1/cgroup": "0::/init.scope\n", "proc/1/environ": "HOME=/\0"])
        #expect(Self.collect(host).0.container == nil)
    }

    @Test func signatureRules() {
        #expect(HypervisorSignatures.fromDMI(["sys_vendor": "Microsoft Corporation", "product_name": "Surface Pro"]) == nil)
        #expect(HypervisorSignatures.fromDMI(["sys_vendor": "Microsoft Corporation", "product_name": "Virtual Machine"])?.hypervisor == "hyperv")
        #expect(HypervisorSignatures.fromDMI(["sys_vendor": "Amazon EC2", "product_name": "m5.metal"])?.hypervisor == "physical")
        #expect(HypervisorSignatures.fromDMI(["sys_vendor": "Amazon EC2", "product_name": "t3.micro"])?.hypervisor == "kvm")
        #expect(HypervisorSignatures.fromDMI(["product_name": "VirtualBox", "sys_vendor": "innotek GmbH"])?.hypervisor == "virtualbox")
        #expect(HypervisorSignatures.acpiOEMID(Array("DSDT".utf8)) == nil)
        #expect(ContainerSignatures.fromCgroup("1:name=systemd:/docker/0123abcd\n")?.container == "docker")
        #expect(ContainerSignatures.fromCgroup("0::/system.slice/docker-0123.scope\n")?.container == "docker")
        #expect(ContainerSignatures.fromCgroup("0::/kubepods/besteffort/pod1/abc\n")?.container == "kubernetes")
        #expect(ContainerSignatures.fromCgroup("0::/user.slice/user-1000.slice\n") == nil)
        #expect(ContainerSignatures.fromEnviron(Array("container=\0".utf8)) == nil)
    }
}
