/// The `sudo dmidecode` parser: the text between the first `Handle` line and the last `End Of Table` line,
/// one member per section title (an array when a title repeats), `Key: Value` attributes, `Key:` lists.
enum RackHDDMIParser {
    static func parse(_ stdout: String) -> RackHDCatalog {
        do {
            return RackHDCatalog(source: "dmi", data: try sections(stdout), store: true)
        } catch {
            return .failed("dmi", error)
        }
    }

    static func sections(_ stdout: String) throws -> JSValue {
        var lines = JSString.split(stdout, "\n")
        let start = lines.firstIndex { $0.hasPrefix("Handle") } ?? -1
        let end = lines.lastIndex { $0 == "End Of Table" } ?? -1
        lines = JSString.slice(lines, start, end)

        let result = JSObject()
        var key: String?
        var subKey: String?
        // `result[key][subKey]` or `_.last(result[key])[subKey]`, as the JavaScript picks between them.
        func target() throws -> JSObject {
            guard let key else { throw JSTypeError("no current section") }
            switch result[key] {
            case .array(let array):
                guard case .object(let last)? = array.items.last else { throw JSTypeError("Cannot set properties of undefined") }
                return last
            case .object(let object): return object
            default: throw JSTypeError("Cannot set properties of \(result[key])")
            }
        }
        for line in lines {
            if line.hasPrefix("Handle") {
                continue
            } else if line.isEmpty {
                key = nil
            } else if key == nil {
                let title = JSString.trim(line)
                key = title
                if result.has(title) {
                    if case .array(let array) = result[title] {
                        array.items.append(.newObject())
                    } else {
                        result[title] = .newArray([result[title], .newObject()])
                    }
                } else {
                    result[title] = .newObject()
                }
            } else if line.last == ":" {
                subKey = JSString.trim(JSString.split(line, ":")[0])
                try target()[subKey!] = .newArray()
            } else if line.first != "s" && line.first != "\t" {
                // The JavaScript compares with '\s', which is the letter s.
                key = JSString.trim(line)
                result[key!] = .newObject()
            } else {
                let split = JSString.split(line, ":")
                if split.count == 1 {
                    let item = JSValue.string(JSString.trim(split[0]))
                    if case .array = result[key!] {
                        guard case .array(let list) = try target()[subKey ?? "null"] else {
                            throw JSTypeError("Cannot read properties of undefined (reading 'push')")
                        }
                        list.items.append(item)
                    } else {
                        let object = try target()
                        let name = subKey ?? "null"
                        // A value that parses as a non-zero integer was a count ("Installable Languages: 1").
                        if JSString.parseIntIsTruthy(object[name].coercedString) { object[name] = .newArray() }
                        guard case .array(let list) = object[name] else {
                            throw JSTypeError("result[key][subKey].push is not a function")
                        }
                        list.items.append(item)
                    }
                } else {
                    subKey = JSString.trim(split[0])
                    try target()[subKey!] = .string(JSString.trim(split[1]))
                }
            }
        }
        return .object(result)
    }
}
