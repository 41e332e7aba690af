/// A node while the tree is being built: a reference, so devices found later (disks, interfaces) can be
/// hung under nodes found earlier (their controllers) by bus address.
final class TreeNode {
    var node: HardwareNode
    var children: [TreeNode] = []

    init(_ id: String, _ nodeClass: String) {
        node = HardwareNode(id: id, class: nodeClass)
    }

    @discardableResult
    func add(_ child: TreeNode) -> TreeNode {
        children.append(child)
        return child
    }

    func set(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        if node.configuration == nil { node.configuration = [:] }
        node.configuration![key] = value
    }

    func capability(_ name: String, _ description: String? = nil) {
        if node.capabilities == nil { node.capabilities = HardwareNode.Capabilities() }
        node.capabilities!.add(name, description)
    }

    func addLogicalNames(_ names: [String]) {
        let all = (node.logicalname?.all ?? []) + names.filter { !(node.logicalname?.all ?? []).contains($0) }
        if !all.isEmpty { node.logicalname = HardwareNode.LogicalNames(all) }
    }

    /// The finished value: children numbered where ids repeat (`disk:0`, `disk:1`, as lshw's addChild does),
    /// `units` from the class, empty collections left out.
    func finish() -> HardwareNode {
        var result = node
        if result.size != nil || result.capacity != nil { result.units = Self.units(result.class) }
        if result.configuration?.isEmpty == true { result.configuration = nil }
        if result.capabilities?.isEmpty == true { result.capabilities = nil }
        var finished = children.map { $0.finish() }
        var counts: [String: Int] = [:]
        for child in finished { counts[child.id, default: 0] += 1 }
        var next: [String: Int] = [:]
        for index in finished.indices where counts[finished[index].id]! > 1 {
            let base = finished[index].id
            finished[index].id = "\(base):\(next[base, default: 0])"
            next[base, default: 0] += 1
        }
        result.children = finished.isEmpty ? nil : finished
        return result
    }

    /// lshw's units for a size or capacity, by class.
    static func units(_ nodeClass: String) -> String? {
        switch nodeClass {
        case "memory", "address", "storage", "disk", "display": return "bytes"
        case "processor", "bus", "system": return "Hz"
        case "power": return "mWh"
        case "network": return "bit/s"
        default: return nil
        }
    }
}
