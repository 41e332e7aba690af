/// ohai's `dmi` plugin: it runs `dmidecode` and reads the text, so here it reads mkagent's dmidecode text
/// (`DMITextRenderer`) with the same line rules.
///
/// Only the types ohai captures are kept (0 bios, 1 system, 2 base_board, 3 chassis, 4 processor,
/// 6 memory_module, 11 oem_strings). Each structure becomes one entry of `<type>.all_records` holding its
/// fields under their dmidecode names (`record_id` is the handle; `size` is the DMI type number, which is
/// what ohai stores there), list fields as objects whose keys are the items; then the "convenience keys":
/// every scalar field whose value is the same in all records of a type is copied beside `all_records`
/// under a snake_case name (`Product Name` becomes `product_name`).
///
/// One deliberate difference from ohai 6.14: a structure of a type that is not captured ends the current
/// record, as ohai does from version 7 on. ohai 6.14 kept writing the fields of uncaptured structures
/// (caches, slots, memory devices) into the previous captured record, overwriting for instance the
/// processor's `ID` and `Type` with those of a slot.
enum OhaiDMI {
    static let typeNames: [Int: String] = [
        0: "bios", 1: "system", 2: "base_board", 3: "chassis", 4: "processor", 6: "memory_module", 11: "oem_strings",
    ]

    static func section(dmidecodeText text: String) -> OhaiObject {
        var dmi = OhaiObject()
        // The type key and index in `all_records` of the structure being read.
        var current: (type: String, index: Int)?
        var field: String?
        var records: [String: [OhaiObject]] = [:]

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            if let version = OhaiText.after("# dmidecode ", in: line).flatMap(versionNumber) {
                dmi.set("dmidecode_version", version)
            } else if let rest = OhaiText.after("SMBIOS ", in: line), let version = versionNumber(rest),
                rest.dropFirst(version.count).hasPrefix(" present.") {
                dmi.set("smbios_version", version)
            } else if let (count, size) = structuresLine(line) {
                var structures = OhaiObject()
                structures.set("count", count)
                structures.set("size", size)
                dmi["structures"] = .object(structures)
            } else if let location = tableLocation(line) {
                dmi.set("table_location", location)
            } else if let (handle, type) = handleLine(line) {
                field = nil
                guard let name = typeNames[type] else {
                    current = nil
                    continue
                }
                var record = OhaiObject()
                record.set("record_id", handle)
                record.set("size", String(type))
                records[name, default: []].append(record)
                if dmi[name] == nil { dmi[name] = .object(OhaiObject()) }
                current = (name, records[name]!.count - 1)
            } else if let title = typeLine(line) {
                guard let (type, index) = current else { continue }
                records[type]![index].set("application_identifier", title)
            } else if let (key, value) = dataLine(line) {
                guard let (type, index) = current else { continue }
                records[type]![index][key] = value.map(OhaiValue.string) ?? .null
                field = key
            } else if line.hasPrefix("\t\t"), line.count > 2 {
                guard let (type, index) = current, let field else { continue }
                var items = OhaiObject()
                if case .object(let existing)? = records[type]![index][field] { items = existing }
                items[String(line.dropFirst(2))] = .null
                records[type]![index][field] = .object(items)
            }
        }
        for type in dmi.keys where records[type] != nil {
            dmi[type] = .object(withConvenienceKeys(records[type]!))
        }
        return dmi
    }

    /// `all_records`, then the fields common to every record under snake_case names.
    static func withConvenienceKeys(_ records: [OhaiObject]) -> OhaiObject {
        var result = OhaiObject()
        result["all_records"] = .array(records.map(OhaiValue.object))
        var common: [(key: String, value: String?)] = []
        for record in records {
            for key in record.keys where !["application_identifier", "size", "record_id"].contains(key) {
                let value = record[key]!
                if case .object = value { continue }
                let translated = String(key.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : ($0.isASCII && $0.isUppercase ? Character($0.lowercased()) : "_") })
                if let position = common.firstIndex(where: { $0.key == translated }) {
                    if common[position].value != value.string { common[position].value = nil }
                } else {
                    common.append((translated, value.string))
                }
            }
        }
        for (key, value) in common { result.set(key, value) }
        return result
    }

    /// `# dmidecode 3.4` and `SMBIOS 2.8 present.`: the leading `\d+\.\d+`.
    static func versionNumber(_ text: Substring) -> String? {
        let major = text.prefix(while: OhaiText.isDigit)
        let rest = text.dropFirst(major.count)
        guard !major.isEmpty, rest.first == "." else { return nil }
        let minor = rest.dropFirst().prefix(while: OhaiText.isDigit)
        return minor.isEmpty ? nil : "\(major).\(minor)"
    }

    /// `34 structures occupying 1234 bytes.`
    static func structuresLine(_ line: Substring) -> (String, String)? {
        let count = line.prefix(while: OhaiText.isDigit)
        guard !count.isEmpty, let rest = OhaiText.after(" structures occupying ", in: line.dropFirst(count.count)) else { return nil }
        let size = rest.prefix(while: OhaiText.isDigit)
        guard !size.isEmpty, rest.dropFirst(size.count).hasPrefix(" bytes.") else { return nil }
        return (String(count), String(size))
    }

    /// `Table at 0x000E1000.` ohai's pattern is `0x[0-9A-E]+` (no F), so an address with an F in it is not
    /// recorded, by ohai or here.
    static func tableLocation(_ line: Substring) -> String? {
        guard let rest = OhaiText.after("Table at 0x", in: line) else { return nil }
        let digits = rest.prefix { OhaiText.isDigit($0) || ("A"..."E").contains($0) }
        guard !digits.isEmpty, rest.dropFirst(digits.count).first == "." else { return nil }
        return "0x" + digits
    }

    /// `Handle 0x0004, DMI type 4, 42 bytes`: the handle text and the type.
    static func handleLine(_ line: Substring) -> (String, Int)? {
        guard let rest = OhaiText.after("Handle 0x", in: line) else { return nil }
        let digits = rest.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ OhaiText.isDigit($0) || ("A"..."F").contains($0) }),
            let afterType = OhaiText.after(", DMI type ", in: rest.dropFirst(4)) else { return nil }
        let type = afterType.prefix(while: OhaiText.isDigit)
        guard let number = Int(type), let bytes = OhaiText.after(", ", in: afterType.dropFirst(type.count)),
            bytes.first.map(OhaiText.isDigit) == true, bytes.drop(while: OhaiText.isDigit).hasPrefix(" bytes") else { return nil }
        return ("0x" + digits, number)
    }

    /// A title line, `^([A-Z][a-zA-Z ]+)`: the run of letters and spaces it starts with.
    static func typeLine(_ line: Substring) -> String? {
        guard let first = line.first, first.isASCII, first.isUppercase else { return nil }
        let run = line.prefix { $0.isASCII && ($0.isLetter || $0 == " ") }
        return run.count >= 2 ? String(run) : nil
    }

    /// A field line, `^\t([^:]+):(?: (.*))?`: the name up to the first colon and, after `: `, the rest.
    static func dataLine(_ line: Substring) -> (String, String?)? {
        guard line.first == "\t", let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[line.index(after: line.startIndex)..<colon]
        guard !name.isEmpty else { return nil }
        let rest = line[line.index(after: colon)...]
        return (String(name), rest.first == " " ? String(rest.dropFirst()) : nil)
    }
}
