import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Facts

/// The structural rules every lshw tree follows, checked on real lshw output (so the rules are right) and on
/// mkagent's trees (so they keep lshw's shape).
enum LshwShape {
    static let classes: Set<String> = [
        "system", "bus", "memory", "processor", "address", "storage", "disk", "tape", "bridge", "display", "network",
        "multimedia", "communication", "power", "volume", "generic", "printer", "input", "accelerator",
    ]
    static let businfoPrefixes = [
        "pci@", "scsi@", "usb@", "cpu@", "virtio@", "nvme@", "ide@", "mmc@", "pcmcia@", "parallel@", "isa@", "pnp@",
        "firewire@", "vio@", "sdio@", "input@", "i2c@", "memory@", "platform@",
    ]
    static let handlePrefixes = ["DMI:", "PCI:", "PCIBUS:", "SCSI:", "USB:", "IDE:", "GUID:", "MMC:", "PCMCIA:", "ISA:"]
    static let unitsByClass: [String: String] = [
        "memory": "bytes", "address": "bytes", "storage": "bytes", "disk": "bytes", "display": "bytes",
        "processor": "Hz", "bus": "Hz", "system": "Hz", "power": "mWh", "network": "bit/s",
    ]

    /// lshw's key order within a node.
    static let keyOrder = [
        "id", "class", "disabled", "claimed", "handle", "description", "product", "vendor", "physid", "businfo",
        "logicalname", "dev", "version", "date", "serial", "slot", "units", "size", "capacity", "width", "clock",
        "configuration", "capabilities", "children",
    ]

    /// Every violation, as `path: what`.
    static func violations(_ root: HardwareNode) -> [String] {
        var problems: [String] = []
        if root.class != "system" { problems.append("/: root class \(root.class), not system") }
        func walk(_ node: HardwareNode, _ path: String) {
            let here = path + "/" + node.id
            if !classes.contains(node.class) { problems.append("\(here): class \(node.class)") }
            if node.id.isEmpty { problems.append("\(here): empty id") }
            if let businfo = node.businfo, !businfoPrefixes.contains(where: businfo.hasPrefix) {
                problems.append("\(here): businfo \(businfo)")
            }
            if let handle = node.handle, !handle.isEmpty, !handlePrefixes.contains(where: handle.hasPrefix) {
                problems.append("\(here): handle \(handle)")
            }
            if let units = node.units, let expected = unitsByClass[node.class], units != expected, units != "bits" {
                problems.append("\(here): units \(units) for class \(node.class)")
            }
            if node.units != nil && node.size == nil && node.capacity == nil && node.width == nil && node.clock == nil {
                problems.append("\(here): units without a value")
            }
            let children = node.children ?? []
            let ids = children.map(\.id)
            if Set(ids).count != ids.count { problems.append("\(here): repeated child ids \(ids)") }
            // Repeated ids are numbered: when one child is `disk:0`, there is no plain `disk` beside it.
            for id in ids where id.contains(":") {
                let base = String(id[..<id.lastIndex(of: ":")!])
                if ids.contains(base), Int(id[id.index(after: id.lastIndex(of: ":")!)...]) != nil {
                    problems.append("\(here): both \(base) and \(id)")
                }
            }
            for child in children { walk(child, here) }
        }
        walk(root, "")
        return problems
    }

    /// Keys of each object in the order they appear in lshw-style JSON text (one key per line, as lshw and
    /// mkagent print it), checked against lshw's order.
    static func keyOrderViolations(_ text: String) -> [String] {
        var problems: [String] = []
        var stack: [[String]] = []
        var inMap = false
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if inMap {
                if trimmed.hasPrefix("}") { inMap = false }
                continue
            }
            var opensObject = trimmed.hasPrefix("{")
            if trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") {
                let key = String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
                if !stack.isEmpty { stack[stack.count - 1].append(key) }
                if key == "configuration" || key == "capabilities" {
                    inMap = trimmed.hasSuffix("{")
                    continue
                }
                // lshw itself writes `"children" : [    {` with the first child's brace on the same line.
                opensObject = key == "children" && trimmed.hasSuffix("{")
            }
            if opensObject { stack.append([]) }
            if trimmed.hasPrefix("}") {
                for _ in 0..<trimmed.filter({ $0 == "}" }).count {
                    guard let keys = stack.popLast() else { break }
                    let positions = keys.compactMap { keyOrder.firstIndex(of: $0) }
                    if positions != positions.sorted() || positions.count != keys.count {
                        problems.append("keys out of lshw's order: \(keys)")
                    }
                }
                if trimmed.hasSuffix("{") { stack.append([]) }
            }
        }
        if !stack.isEmpty { problems.append("\(stack.count) objects not closed") }
        return problems
    }

    /// An `lshw -xml` document as the same node model.
    static func fromXML(_ data: Data) throws -> HardwareNode {
        let delegate = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw NSError(domain: "lshw-xml", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "no root node")"])
        }
        return root.finish()
    }

    private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
        var root: TreeNode?
        var stack: [TreeNode] = []
        var text = ""
        var capabilityID: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            switch name {
            case "node":
                let node = TreeNode(attributes["id"] ?? "", attributes["class"] ?? "")
                node.node.claimed = attributes["claimed"] == "true" ? true : nil
                node.node.disabled = attributes["disabled"] == "true" ? true : nil
                node.node.handle = attributes["handle"].flatMap { $0.isEmpty ? nil : $0 }
                if let parent = stack.last { parent.add(node) } else { root = node }
                stack.append(node)
            case "setting":
                if let id = attributes["id"] { stack.last?.set(id, attributes["value"] ?? "") }
            case "capability":
                capabilityID = attributes["id"]
            case "size", "capacity":
                if let units = attributes["units"] { stack.last?.node.units = units }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let node = stack.last else { return }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "node": stack.removeLast()
            case "description": node.node.description = value
            case "product": node.node.product = value
            case "vendor": node.node.vendor = value
            case "physid": node.node.physid = value
            case "businfo": node.node.businfo = value
            case "logicalname": node.addLogicalNames([value])
            case "dev": node.node.dev = value
            case "version": node.node.version = value
            case "date": node.node.date = value
            case "serial": node.node.serial = value
            case "slot": node.node.slot = value
            case "size": node.node.size = UInt64(value)
            case "capacity": node.node.capacity = UInt64(value)
            case "width": node.node.width = Int(value)
            case "clock": node.node.clock = UInt64(value)
            case "capability":
                if let id = capabilityID { node.capability(id, value.isEmpty ? nil : value) }
                capabilityID = nil
            default: break
            }
            text = ""
        }
    }
}
