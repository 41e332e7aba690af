import Foundation

/// A harness machine profile (Tests/Harness/profiles/NAME): the QEMU options scripts/vm-run boots, read
/// here so the tests know what the guest must show — the `-smbios` values verbatim, the BMC's ids, the disk
/// serials, the MACs, the FRU fields.
struct MachineProfile: Sendable {
    /// One line of the profile: `-smbios type=1,manufacturer=...` or `@fru FILE FIELDS`.
    struct Option: Sendable {
        var name: String
        var value: String
    }

    let name: String
    let options: [Option]

    static let directory = Harness.projectRoot.appendingPathComponent("Tests/Harness/profiles")

    /// Every profile in Tests/Harness/profiles, by name.
    static let names: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }()

    init(name: String, text: String) {
        self.name = name
        options = text.split(separator: "\n").compactMap { line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: " ", maxSplits: 1)
            return Option(name: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    init(named name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        self.init(name: name, text: text)
    }

    /// The profile file at `path` (one kept outside Tests/Harness/profiles), named after the file.
    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        self.init(name: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
    }

    /// A QEMU option value split at single commas into `key=value` pairs (",," is a comma inside a value);
    /// an element without "=" (a -device driver name) has an empty value.
    static func pairs(_ value: String) -> [(key: String, value: String)] {
        var elements: [String] = [], current = ""
        let characters = Array(value)
        var index = 0
        while index < characters.count {
            if characters[index] != "," {
                current.append(characters[index])
            } else if index + 1 < characters.count, characters[index + 1] == "," {
                current.append(",")
                index += 1
            } else {
                elements.append(current)
                current = ""
            }
            index += 1
        }
        elements.append(current)
        return elements.map { element in
            guard let equals = element.firstIndex(of: "=") else { return (element, "") }
            return (String(element[..<equals]), String(element[element.index(after: equals)...]))
        }
    }

    /// The values of every option NAME whose first element is FIRST (`-device` `nvme`, `-smbios` `type=1`).
    func elements(_ option: String, first: String) -> [[(key: String, value: String)]] {
        options.filter { $0.name == option }.map { Self.pairs($0.value) }.filter { pairs in
            guard let head = pairs.first else { return false }
            return (head.value.isEmpty ? head.key : "\(head.key)=\(head.value)") == first
        }
    }

    /// The `-smbios type=TYPE` key/value pairs, in order (type 11 repeats `value`).
    func smbios(_ type: Int) -> [(key: String, value: String)] {
        elements("-smbios", first: "type=\(type)").flatMap { $0.dropFirst() }
    }

    /// The first `-smbios type=TYPE` value of KEY.
    func smbios(_ type: Int, _ key: String) -> String? {
        smbios(type).first { $0.key == key }?.value
    }

    /// The value of KEY in the first `-device DRIVER,...`.
    func device(_ driver: String, _ key: String) -> String? {
        elements("-device", first: driver).first?.first { $0.key == key }?.value
    }

    /// The value of KEY in every `-device DRIVER,...` that sets it.
    func devices(_ driver: String, _ key: String) -> [String] {
        elements("-device", first: driver).compactMap { $0.first { $0.key == key }?.value }
    }

    /// The BMC's IPMI manufacturer id (`ipmi-bmc-sim,mfg_id=`), decimal or 0x hex.
    var bmcManufacturerID: Int? {
        device("ipmi-bmc-sim", "mfg_id").flatMap(Self.number)
    }

    /// vCPUs from `-smp sockets=S,cores=C,threads=T`.
    var cpuCount: Int {
        guard let smp = options.first(where: { $0.name == "-smp" }) else { return 1 }
        let pairs = Self.pairs(smp.value)
        return ["sockets", "cores", "threads"].reduce(1) { count, key in
            count * (pairs.first { $0.key == key }.flatMap { Int($0.value) } ?? 1)
        }
    }

    /// MAC addresses of the NICs (`mac=` of any -device).
    var macAddresses: [String] {
        options.filter { $0.name == "-device" }.compactMap { Self.pairs($0.value).first { $0.key == "mac" }?.value }
    }

    /// The fields of the `@fru FILE FIELDS` line (scripts/ipmi-fru keys), empty without one.
    var fru: [String: String] {
        guard let line = options.first(where: { $0.name == "@fru" }) else { return [:] }
        let fields = line.value.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return Dictionary(Self.pairs(fields).map { ($0.key, $0.value) }) { first, _ in first }
    }

    /// The records of the `@sdr FILE RECORDS` line (scripts/ipmi-sdr), each split at ":", empty without one.
    var sdrRecords: [[String]] {
        guard let line = options.first(where: { $0.name == "@sdr" }) else { return [] }
        let records = line.value.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return records.split(separator: ";").map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
    }

    static func number(_ text: String) -> Int? {
        text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
    }
}
