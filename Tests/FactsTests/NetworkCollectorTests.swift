import Foundation
import Testing
@testable import Facts

@Suite struct NetworkCollectorTests {
    static func collect(_ tree: TemporaryTree) -> (NetworkFacts?, [Diagnostic]) {
        let output = NetworkCollector().collect(CollectionContext(files: HostFiles(root: HostRoot(under: tree.path))))
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: tree.path), rootOrigins: [:], collectors: []))
        output.apply(&facts)
        return (facts.network, output.diagnostics)
    }

    static func link(_ tree: TemporaryTree, _ path: String, _ target: String) throws {
        let full = tree.path + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// One interface directory under `devices/...` with its attributes and its `class/net` link.
    static func interface(
        _ tree: TemporaryTree, _ directory: String, index: Int, attributes: [String: String] = [:]
    ) throws {
        let name = (directory as NSString).lastPathComponent
        var files = ["ifindex": "\(index)", "type": "1", "mtu": "1500", "operstate": "up", "addr_assign_type": "0"]
        files.merge(attributes) { $1 }
        for (file, text) in files { try tree.write("sys/\(directory)/\(file)", Array((text + "\n").utf8)) }
        try link(tree, "sys/class/net/\(name)", "../../\(directory)")
    }

    /// A server with a bonded, bridged, VLAN-tagged SR-IOV NIC, a USB NIC and loopback, as sysfs lays it out.
    static func serverTree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        let pf = "devices/pci0000:00/0000:00:1f.6"
        let vf = "devices/pci0000:00/0000:00:1f.7"
        let usb = "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0"
        try interface(tree, "devices/virtual/net/lo", index: 1, attributes: [
            "type": "772", "address": "00:00:00:00:00:00", "mtu": "65536", "operstate": "unknown", "carrier": "1",
        ])
        try interface(tree, pf + "/net/eno1", index: 2, attributes: [
            "address": "aa:bb:cc:00:00:09", "mtu": "9000", "carrier": "1", "speed": "1000", "duplex": "full",
            "uevent": "INTERFACE=eno1\nIFINDEX=2",
        ])
        try tree.write("sys/\(pf)/net/eno1/bonding_slave/perm_hwaddr", Array("3c:ec:ef:00:00:01\n".utf8))
        try link(tree, "sys/\(pf)/net/eno1/device", "../../../0000:00:1f.6")
        try link(tree, "sys/\(pf)/net/eno1/master", "../../../../virtual/net/bond0")
        try link(tree, "sys/\(pf)/net/eno1/upper_bond0", "../../../../virtual/net/bond0")
        try link(tree, "sys/\(pf)/driver", "../../../bus/pci/drivers/e1000e")
        try link(tree, "sys/\(pf)/subsystem", "../../../bus/pci")
        try link(tree, "sys/bus/pci/drivers/e1000e/module", "../../../../module/e1000e")
        try tree.write("sys/module/e1000e/version", Array("3.2.6-k\n".utf8))
        try tree.write("sys/\(pf)/sriov_totalvfs", Array("7\n".utf8))
        try tree.write("sys/\(pf)/sriov_numvfs", Array("2\n".utf8))

        try interface(tree, vf + "/net/eno1v0", index: 3, attributes: [
            "address": "aa:bb:cc:00:01:00", "addr_assign_type": "3", "speed": "-1", "duplex": "unknown",
        ])
        try link(tree, "sys/\(vf)/net/eno1v0/device", "../../../0000:00:1f.7")
        try link(tree, "sys/\(vf)/physfn", "../0000:00:1f.6")
        try link(tree, "sys/\(vf)/subsystem", "../../../bus/pci")

        try interface(tree, "devices/virtual/net/bond0", index: 4, attributes: [
            "address": "aa:bb:cc:00:00:09", "addr_assign_type": "2", "mtu": "9000", "uevent": "DEVTYPE=bond\nINTERFACE=bond0",
            "bonding/slaves": "eno1", "bonding/mode": "802.3ad 4",
        ])
        try link(tree, "sys/devices/virtual/net/bond0/lower_eno1", "../../../pci0000:00/0000:00:1f.6/net/eno1")
        try link(tree, "sys/devices/virtual/net/bond0/master", "../br0")
        try link(tree, "sys/devices/virtual/net/bond0/upper_br0", "../br0")
        try link(tree, "sys/devices/virtual/net/bond0/upper_bond0.100", "../bond0.100")

        try interface(tree, "devices/virtual/net/br0", index: 5, attributes: ["uevent": "DEVTYPE=bridge\nINTERFACE=br0"])
        try link(tree, "sys/devices/virtual/net/br0/brif/bond0", "../../bond0/brport")
        try link(tree, "sys/devices/virtual/net/br0/lower_bond0", "../bond0")

        try interface(tree, "devices/virtual/net/bond0.100", index: 6, attributes: ["uevent": "DEVTYPE=vlan\nINTERFACE=bond0.100"])
        try link(tree, "sys/devices/virtual/net/bond0.100/lower_bond0", "../bond0")
        try tree.write("proc/net/vlan/config", Array("""
            VLAN Dev name    | VLAN ID
            Name-Type: VLAN_NAME_TYPE_RAW_PLUS_VID_NO_PAD
            bond0.100      | 100  | bond0

            """.utf8))

        try interface(tree, usb + "/net/enx0050b6000001", index: 7, attributes: ["address": "00:50:b6:00:00:01"])
        try link(tree, "sys/\(usb)/net/enx0050b6000001/device", "../../../2-1:1.0")
        try link(tree, "sys/\(usb)/subsystem", "../../../../../../bus/usb")
        try link(tree, "sys/\(usb)/driver", "../../../../../../bus/usb/drivers/cdc_ether")
        return tree
    }

    @Test func serverTree_everyAttributeAndMembership() throws {
        let tree = try Self.serverTree()
        let (network, diagnostics) = Self.collect(tree)
        let section = try #require(network)
        #expect(section.interfaces.map(\.name) == ["lo", "eno1", "eno1v0", "bond0", "br0", "bond0.100", "enx0050b6000001"])
        let byName = Dictionary(uniqueKeysWithValues: section.interfaces.map { ($0.name, $0) })

        let lo = try #require(byName["lo"])
        #expect(lo.linkType == "loopback")
        #expect(lo.virtual)
        #expect(lo.permanentMacAddress == nil)
        #expect(lo.mtu == 65536)

        let eno1 = try #require(byName["eno1"])
        #expect(eno1.index == 2)
        #expect(eno1.macAddress == "aa:bb:cc:00:00:09")
        #expect(eno1.permanentMacAddress == "3c:ec:ef:00:00:01")
        #expect(eno1.permanentMacSource == "bonding_slave/perm_hwaddr")
        #expect(eno1.mtu == 9000)
        #expect(eno1.carrier == true)
        #expect(eno1.speedBps == 1_000_000_000)
        #expect(eno1.duplex == "full")
        #expect(eno1.driver == "e1000e")
        #expect(eno1.driverModule == "e1000e")
        #expect(eno1.driverVersion == "3.2.6-k")
        #expect(eno1.bus == "pci")
        #expect(eno1.busAddress == "0000:00:1f.6")
        #expect(eno1.pciAddress == "0000:00:1f.6")
        #expect(eno1.sysfsPath == "devices/pci0000:00/0000:00:1f.6/net/eno1")
        #expect(eno1.sriovTotalVfs == 7)
        #expect(eno1.sriovNumVfs == 2)
        #expect(eno1.master == "bond0")
        #expect(eno1.upperInterfaces == ["bond0"])
        #expect(eno1.kind == nil)
        #expect(!eno1.virtual)

        let vf = try #require(byName["eno1v0"])
        #expect(vf.sriovPhysicalFunction == "0000:00:1f.6")
        #expect(vf.speedBps == nil)
        #expect(vf.duplex == nil)
        #expect(vf.carrier == nil)
        #expect(vf.addressAssignType == "set")
        #expect(vf.permanentMacAddress == nil)

        let bond = try #require(byName["bond0"])
        #expect(bond.kind == "bond")
        #expect(bond.bondMode == "802.3ad")
        #expect(bond.bondSlaves == ["eno1"])
        #expect(bond.lowerInterfaces == ["eno1"])
        #expect(bond.upperInterfaces == ["bond0.100", "br0"])
        #expect(bond.master == "br0")
        #expect(bond.virtual)
        #expect(bond.addressAssignType == "stolen")

        #expect(byName["br0"]?.kind == "bridge")
        #expect(byName["br0"]?.bridgePorts == ["bond0"])
        #expect(byName["bond0.100"]?.vlanId == 100)
        #expect(byName["bond0.100"]?.vlanParent == "bond0")

        let usb = try #require(byName["enx0050b6000001"])
        #expect(usb.bus == "usb")
        #expect(usb.busAddress == "2-1:1.0")
        #expect(usb.pciAddress == "0000:00:14.0")
        #expect(usb.driver == "cdc_ether")
        #expect(usb.driverModule == nil)
        #expect(usb.driverVersion == nil)

        // A tree in a temporary directory is not sysfs: addresses are not this namespace's to give.
        #expect(section.addressesSource == nil)
        #expect(section.defaultRoutes.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.error.hasPrefix("not a sysfs mount") == true)
    }

    @Test func missingNetClassDirectory_isANamedError_andAnEmptySection() throws {
        let tree = try TemporaryTree()
        let (network, diagnostics) = Self.collect(tree)
        #expect(network == NetworkFacts())
        #expect(diagnostics == [Diagnostic(
            collector: "network", path: tree.path + "/sys/class/net",
            error: "no such file or directory; no interfaces are listed", severity: .error)])
    }

    @Test func unreadableAttribute_isNamed_andTheOthersAreKept() throws {
        let tree = try TemporaryTree()
        try Self.interface(tree, "devices/virtual/net/dummy0", index: 9, attributes: ["address": "02:00:00:00:00:01"])
        // A directory where the attribute should be: read() fails with EISDIR, as an unreadable file would.
        let mtu = tree.path + "/sys/devices/virtual/net/dummy0/mtu"
        try FileManager.default.removeItem(atPath: mtu)
        try FileManager.default.createDirectory(atPath: mtu, withIntermediateDirectories: false)
        let (network, diagnostics) = Self.collect(tree)
        let dummy = try #require(network?.interfaces.first)
        #expect(dummy.mtu == nil)
        #expect(dummy.macAddress == "02:00:00:00:00:01")
        #expect(dummy.index == 9)
        #expect(diagnostics.contains {
            $0.path == tree.path + "/sys/class/net/dummy0/mtu" && $0.error == "is a directory; left out" && $0.severity == .warning
        })
    }

    @Test func namespaceMatch_needsAgreement_andIgnoresInterfacesThatCameOrWent() {
        func interface(_ name: String, _ index: Int) -> NetworkInterface {
            var value = NetworkInterface(name: name)
            value.index = index
            return value
        }
        let same = NetworkCollector.matchNamespace([interface("lo", 1), interface("eth0", 2), interface("veth9", 9)], [1: "lo", 2: "eth0", 3: "new0"])
        #expect(same.matched == ["lo", "eth0"])
        #expect(same.mismatched.isEmpty)
        let other = NetworkCollector.matchNamespace([interface("lo", 1), interface("eth0", 5)], [1: "lo", 2: "eth0"])
        #expect(other.mismatched == ["eth0 is index 5 in sysfs, 2 in netlink"])
    }
}
