/// The parsers of the device catalogs: `lspci -nn -vmm`, `lsblk ...; echo BREAK; lsscsi --size`,
/// `lshw -json`, `lldpcli show neighbor -f keyvalue`, and ohai's JSON.
enum RackHDDeviceParsers {
    static func ohai(_ stdout: String) -> RackHDCatalog {
        do {
            return RackHDCatalog(source: "ohai", data: try JSValueText.parse(stdout), store: true)
        } catch {
            return .failed("ohai", error)
        }
    }

    /// Records split on blank lines; each line split by `/:[\t\s]?/` with a limit of 2, so a value is cut
    /// at its first colon (`Slot:\t00:1f.2` gives `00`), and a line without a colon sets the key to undefined.
    static func lspci(_ stdout: String) -> RackHDCatalog {
        let records = JSString.split(stdout, "\n\n").map { record -> JSValue in
            let object = JSObject()
            for pair in JSString.split(record, "\n") {
                guard let colon = pair.firstIndex(of: ":") else {
                    object[pair] = .undefined
                    continue
                }
                var rest = pair[pair.index(after: colon)...]
                if let first = rest.first, first == "\t" || first.isWhitespace { rest = rest.dropFirst() }
                object[String(pair[..<colon])] = .string(String(rest.prefix { $0 != ":" }))
            }
            return .object(object)
        }
        return RackHDCatalog(source: "lspci", data: .newArray(records), store: true)
    }

    /// The lsblk table (header dropped) gives `rotational` for disks; after `BREAK`, lsscsi lines split on
    /// spaces, the words of a model name joined when there are more than seven.
    static func lsscsi(_ stdout: String) -> RackHDCatalog {
        var lines = JSString.split(JSString.trim(stdout), "\n")
        lines.removeFirst()
        var inLsblk = true
        var rotational: [String: Bool] = [:]
        var devices: [JSValue] = []
        for line in lines {
            if line == "BREAK" {
                inLsblk = false
            } else if inLsblk {
                // line.replace(/\s+/g, ',').split(',')
                var split = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                if line.first?.isWhitespace == true { split.insert("", at: 0) }
                if split.count > 1, split[1] == "disk" {
                    rotational[split[0]] = split.count > 2 && JSString.parseIntIsTruthy(split[2])
                }
            } else {
                var split = line.split(separator: " ").map(String.init)
                if split.count > 7 {
                    var index = 1
                    while 3 + index < split.count - 3 {
                        split[3] += " " + split[3 + index]
                        index += 1
                    }
                    split = Array(split[0..<4]) + Array(split[(split.count - 3)...])
                }
                let names = ["scsiInfo", "peripheralType", "vendorName", "modelName", "revisionString", "devicePath", "size"]
                let device = JSObject()
                for (index, name) in names.enumerated() { device[name] = index < split.count ? .string(split[index]) : .undefined }
                guard let path = device["devicePath"].string else {
                    return .failed("lsscsi", JSTypeError("Cannot read properties of undefined (reading 'split'): \(line)"))
                }
                let name = JSString.split(path, "/").last!
                if let value = rotational[name] { device["rotational"] = .bool(value) }
                devices.append(.object(device))
            }
        }
        return RackHDCatalog(source: "lsscsi", data: .newArray(devices), store: true)
    }

    /// The whole JSON object, and a MAC lookup for every `network*` child of a `pci*` child of
    /// `children[0]` (and every `network*` class below a bridge under it).
    static func lshw(_ stdout: String) -> RackHDCatalog {
        do {
            let parsed = try JSValueText.parse(stdout)
            let first = parsed["children"]["0"]
            switch (parsed["children"], first) {
            case (.undefined, _), (.null, _), (_, .undefined), (_, .null):
                throw JSTypeError("Cannot read properties of undefined (reading 'children')")
            default: break
            }
            var macs: [JSValue] = []
            func keep(_ value: JSValue) { if value.isTruthy { macs.append(value) } }
            for child in first["children"].arrayValue?.items ?? [] {
                guard let id = child["id"].string else { throw JSTypeError("Cannot read properties of undefined (reading 'startsWith')") }
                guard id.hasPrefix("pci") else { continue }
                for pciChild in child["children"].arrayValue?.items ?? [] {
                    if let childID = pciChild["id"].string, childID.hasPrefix("network") {
                        keep(pciChild["serial"])
                    } else if let childID = pciChild["id"].string, childID.hasPrefix("pci") {
                        for grandChild in pciChild["children"].arrayValue?.items ?? [] {
                            if let kind = grandChild["class"].string, kind.hasPrefix("network") { keep(grandChild["serial"]) }
                        }
                    }
                }
            }
            let lookups = macs.map { mac -> JSValue in
                let lookup = JSObject()
                lookup["mac"] = mac
                return .object(lookup)
            }
            return RackHDCatalog(source: "lshw", data: parsed, store: true, lookups: .newArray(lookups))
        } catch {
            return .failed("lshw", error)
        }
    }

    /// Lines `lldp.a.b.c=value` nested by the dots (the value cut at a second `=`); other lines ignored.
    /// A key below a string value throws, as setting a property on a string does in strict mode.
    static func lldp(_ stdout: String) -> RackHDCatalog {
        guard !stdout.isEmpty else { return RackHDCatalog(source: "lldp", error: "No data") }
        let parsed = JSObject()
        for line in JSString.split(stdout, "\n") {
            let pieces = JSString.split(line, "=")
            let keys = JSString.split(pieces[0], ".")
            guard keys[0] == "lldp" else { continue }
            let value: JSValue = pieces.count > 1 ? .string(pieces[1]) : .undefined
            var nested = JSValue.object(parsed)
            for index in 1..<max(keys.count, 1) {
                guard case .object(let object) = nested else {
                    if case .undefined = nested { break }
                    if case .null = nested { break }
                    return .failed("lldp", JSTypeError("Cannot create property '\(keys[index])' on \(nested)"))
                }
                if index == keys.count - 1 {
                    object[keys[index]] = value
                } else if case .undefined = object[keys[index]] {
                    object[keys[index]] = .newObject()
                } else if case .null = object[keys[index]] {
                    object[keys[index]] = .newObject()
                }
                nested = object[keys[index]]
            }
        }
        return RackHDCatalog(source: "lldp", data: .object(parsed), store: true)
    }
}
