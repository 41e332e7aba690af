/// `/proc/net/vlan/config` (present when the 8021q module is loaded): VLAN devices, their IDs and the
/// device each sits on.
///
///     VLAN Dev name    | VLAN ID
///     Name-Type: VLAN_NAME_TYPE_RAW_PLUS_VID_NO_PAD
///     eth0.100       | 100  | eth0
enum VLANConfig {
    struct Entry: Sendable, Equatable {
        var id: Int
        var parent: String
    }

    static func parse(_ text: String) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "|").map { SysfsValue.trimmed($0) }
            guard fields.count == 3, let id = Int(fields[1]), !fields[0].isEmpty else { continue }
            entries[fields[0]] = Entry(id: id, parent: fields[2])
        }
        return entries
    }
}
