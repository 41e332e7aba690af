/// The `network` collector: interfaces from `class/net` under the sys root; addresses and default routes
/// from route-netlink dumps of the namespace mkagent runs in.
///
/// Netlink always answers for mkagent's own network namespace, whatever the roots say. Its addresses are
/// attached only when the sys root is a real sysfs (not a copied tree) whose interfaces are those netlink
/// reports — same names with the same indexes — i.e. when both describe the same namespace: the node
/// itself, a host-networked container with the host's /sys, or `ip netns exec` (which remounts /sys).
public struct NetworkCollector: FactCollector {
    public let name = "network"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        var reader = AttributeReader(files: context.files, collector: name)
        let vlans = reader.text(.proc, "net/vlan/config").map(VLANConfig.parse) ?? [:]
        let names = reader.list(.sys, "class/net", required: true, consequence: "no interfaces are listed") ?? []
        let interfaceReader = NetworkInterfaceReader(vlans: vlans)
        var section = NetworkFacts()
        section.interfaces = names.map { interfaceReader.read($0, &reader) }
            .sorted { ($0.index ?? Int.max, $0.name) < ($1.index ?? Int.max, $1.name) }
        if !names.isEmpty { attachAddresses(&section, &reader) }
        let result = section
        return CollectorOutput(diagnostics: reader.diagnostics) { facts in facts.network = result }
    }

    func attachAddresses(_ section: inout NetworkFacts, _ reader: inout AttributeReader) {
        let classNet = reader.files.path(.sys, "class/net")
        do {
            guard try reader.files.fileSystemType(.sys, "class/net") == HostFiles.sysfsMagic else {
                reader.note(classNet, "not a sysfs mount (a copied tree?): addresses and routes, which netlink gives for mkagent's own network namespace, are left out")
                return
            }
        } catch {
            reader.note(classNet, "\(error); addresses and routes are left out")
            return
        }
        let dump: RouteNetlinkDump
        do {
            dump = try RouteNetlinkDump.read()
        } catch {
            reader.note(nil, "netlink: \(error); addresses and routes are left out", severity: .error)
            return
        }
        let linkNames = Dictionary(dump.links.compactMap { link in link.name.map { (link.index, $0) } }) { first, _ in first }
        let match = Self.matchNamespace(section.interfaces, linkNames)
        guard match.mismatched.isEmpty && (match.matched.count > 0) else {
            let shown = match.mismatched.prefix(4).joined(separator: ", ")
            reader.note(classNet, "these interfaces are not those of mkagent's network namespace (\(shown.isEmpty ? "no interface in common" : shown)): the sys root belongs to another namespace; addresses and routes are left out")
            return
        }
        let byIndex = Dictionary(grouping: dump.addresses, by: \.index)
        for position in section.interfaces.indices {
            let interface = section.interfaces[position]
            guard let index = interface.index, match.matched.contains(interface.name) else { continue }
            section.interfaces[position].addresses = (byIndex[UInt32(index)] ?? []).compactMap(InterfaceAddress.init)
        }
        section.defaultRoutes = dump.routes.filter(\.isDefault).flatMap { DefaultRoute.entries($0, names: linkNames) }
        section.addressesSource = "netlink"
    }

    /// Interfaces whose name and index agree with netlink, and those that contradict it (the same name
    /// with another index, or the same index with another name). Interfaces only one side knows are
    /// neither: they came or went between the two reads.
    static func matchNamespace(
        _ interfaces: [NetworkInterface], _ linkNames: [Int32: String]
    ) -> (matched: Set<String>, mismatched: [String]) {
        let indexByName = Dictionary(linkNames.map { ($0.value, $0.key) }) { first, _ in first }
        var matched: Set<String> = []
        var mismatched: [String] = []
        for interface in interfaces {
            guard let index = interface.index.flatMap(Int32.init(exactly:)) else { continue }
            let nameThere = linkNames[index]
            let indexThere = indexByName[interface.name]
            if nameThere == interface.name {
                matched.insert(interface.name)
            } else if nameThere != nil || indexThere != nil {
                mismatched.append("\(interface.name) is index \(index) in sysfs, \(indexThere.map { "\($0)" } ?? "absent") in netlink")
            }
        }
        return (matched, mismatched)
    }
}
