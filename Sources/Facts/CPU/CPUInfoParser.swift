/// Parses `/proc/cpuinfo` of any architecture into `CPUInfo`. Pure: text in, value out; a line it
/// cannot read is counted, never fatal.
///
/// The field names and the rules that group processors into types follow util-linux 2.38 lscpu
/// (`sys-utils/lscpu-cputype.c`), so `mkagent lscpu` prints what lscpu prints for the same file.
public enum CPUInfoParser {
    enum TypeField {
        case vendor, family, model, modelName, revision, stepping, bogomips, flags, maxThreadID, addressSizes
    }

    enum CPUField {
        case processor, mhz, dynamicMHz, staticMHz, bogomips
    }

    /// Lines that describe the CPU model (shared by all CPUs of one type).
    static let typeFields: [String: TypeField] = [
        "BogoMIPS": .bogomips,              // aarch64
        "CPU implementer": .vendor,         // ARM
        "CPU part": .model,                 // ARM
        "CPU revision": .revision,          // ARM
        "CPU variant": .stepping,           // ARM
        "Features": .flags,                 // ARM
        "address sizes": .addressSizes,     // x86
        "bogomips per cpu": .bogomips,      // s390
        "cpu": .modelName,                  // POWER, SPARC
        "cpu family": .family,
        "family": .family,
        "features": .flags,                 // s390
        "flags": .flags,                    // x86
        "max thread id": .maxThreadID,      // s390
        "model": .model,
        "model name": .modelName,
        "revision": .revision,
        "stepping": .stepping,
        "type": .flags,                     // SPARC: sun4u, sun4v
        "vendor": .vendor,
        "vendor_id": .vendor,               // x86, s390
    ]

    /// Lines that belong to one CPU.
    static let cpuFields: [String: CPUField] = [
        "bogomips": .bogomips,
        "cpu MHz": .mhz,
        "cpu MHz dynamic": .dynamicMHz,     // s390
        "cpu MHz static": .staticMHz,       // s390
        "cpu number": .processor,           // s390
        "processor": .processor,
    ]

    public static func parse(_ text: String) -> CPUInfo {
        parse(bytes: Array(text.utf8))
    }

    /// Works on bytes: a cpuinfo holds 20-30 lines per CPU (130 KB on a 96-CPU server), and only the
    /// keys and the values of known keys become strings.
    public static func parse(bytes: [UInt8]) -> CPUInfo {
        var info = CPUInfo()
        var currentType: Int?
        var currentCPU: Int?

        func finishCPU(overwrite: Bool) {
            guard let id = currentCPU, let type = currentType else { return }
            if overwrite || info.processors[id]?.typeIndex == nil { info.processors[id]?.typeIndex = type }
        }

        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineStart == bytes.count && lineEnd == bytes.count { break }
            lineNumber += 1
            var first = lineStart, last = lineEnd
            while first < last && isSpace(bytes[first]) { first += 1 }
            while last > first && isSpace(bytes[last - 1]) { last -= 1 }
            if first == last { continue }
            guard let colon = bytes[first..<last].firstIndex(of: 0x3A) else {
                info.malformedLines.append(lineNumber)
                continue
            }
            var valueStart = colon + 1
            while valueStart < last && isSpace(bytes[valueStart]) { valueStart += 1 }
            if valueStart == last { continue }
            var keyEnd = colon
            while keyEnd > first && isSpace(bytes[keyEnd - 1]) { keyEnd -= 1 }
            let (key, keyNumber) = cleanKey(bytes[first..<keyEnd])
            let value = { String(decoding: bytes[valueStart..<last], as: UTF8.self) }

            if let field = typeFields[key] {
                let text = value()
                if let index = currentType, isDifferent(info.types[index], field, text) { currentType = nil }
                if currentType == nil {
                    info.types.append(CPUInfo.CPUType())
                    currentType = info.types.count - 1
                }
                set(field, text, in: &info.types[currentType!])
            } else if let field = cpuFields[key] {
                let text = value()
                if field == .processor {
                    let id = keyNumber ?? Int(text).flatMap { $0 >= 0 ? $0 : nil } ?? 0
                    finishCPU(overwrite: true)
                    currentCPU = id
                    if info.processors[id] == nil { info.processors[id] = CPUInfo.Processor(id: id) }
                    continue
                }
                if let id = currentCPU {
                    switch field {
                    case .mhz: info.processors[id]?.mhz = text
                    case .dynamicMHz: info.processors[id]?.dynamicMHz = text
                    case .staticMHz: info.processors[id]?.staticMHz = text
                    case .bogomips: info.processors[id]?.bogomips = text
                    case .processor: break
                    }
                }
                // The first CPU's per-CPU values stand for its type where the type has none of its own.
                if let index = currentType {
                    switch field {
                    case .dynamicMHz where info.types[index].dynamicMHz == nil: info.types[index].dynamicMHz = text
                    case .staticMHz where info.types[index].staticMHz == nil: info.types[index].staticMHz = text
                    case .bogomips where info.types[index].bogomips == nil: info.types[index].bogomips = text
                    default: break
                    }
                }
            } else if key == "cache" {
                if let cache = parseSharedCache(value()) { info.sharedCaches.append(cache) }
            }
        }
        finishCPU(overwrite: false)
        return info
    }

    /// C's isspace() in the C locale.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// `processor 5` is `processor` for CPU 5 (s390), `cache3` is `cache` number 3.
    static func cleanKey(_ raw: String) -> (String, Int?) {
        cleanKey(Array(raw.utf8)[...])
    }

    static func cleanKey(_ key: ArraySlice<UInt8>) -> (String, Int?) {
        var end = key.endIndex
        while end > key.startIndex && isSpace(key[end - 1]) { end -= 1 }
        var digits = end
        while digits > key.startIndex && (0x30...0x39).contains(key[digits - 1]) { digits -= 1 }
        guard digits < end, end - digits <= 9 else {
            return (String(decoding: key[key.startIndex..<end], as: UTF8.self), nil)
        }
        let number = key[digits..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        var nameEnd = digits
        while nameEnd > key.startIndex && isSpace(key[nameEnd - 1]) { nameEnd -= 1 }
        return (String(decoding: key[key.startIndex..<nameEnd], as: UTF8.self), number)
    }

    static func isDifferent(_ type: CPUInfo.CPUType, _ field: TypeField, _ value: String) -> Bool {
        switch field {
        case .vendor: return type.vendor.map { $0 != value } ?? false
        case .model: return type.model.map { $0 != value } ?? false
        case .modelName: return type.modelName.map { $0 != value } ?? false
        case .stepping: return type.stepping.map { $0 != value } ?? false
        default: return false
        }
    }

    static func set(_ field: TypeField, _ value: String, in type: inout CPUInfo.CPUType) {
        switch field {
        case .vendor: type.vendor = value
        case .family: type.family = value
        case .model: type.model = value
        case .modelName: type.modelName = value
        case .revision: type.revision = value
        case .stepping: type.stepping = value
        case .bogomips: type.bogomips = value
        case .flags: type.flags = value
        case .maxThreadID: type.maxThreadID = value
        case .addressSizes: type.addressSizes = value
        }
    }

    /// `level=3 type=Unified scope=Shared size=262144K line_size=256 associativity=128`; nil for private
    /// caches (sysfs has those) and for lines missing a part.
    static func parseSharedCache(_ text: String) -> CPUInfo.SharedCache? {
        var fields: [String: String] = [:]
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let pair = word.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let scope = fields["scope"], !scope.hasPrefix("Private"),
              let level = fields["level"].flatMap(leadingInt),
              let typeText = fields["type"],
              let size = fields["size"].flatMap(leadingInt), size >= 0,
              let lineSize = fields["line_size"].flatMap(leadingInt),
              let associativity = fields["associativity"].flatMap(leadingInt)
        else { return nil }
        let type: String?
        let letter: String
        if typeText.hasPrefix("Data") {
            (type, letter) = ("Data", "d")
        } else if typeText.hasPrefix("Instruction") {
            (type, letter) = ("Instruction", "i")
        } else if typeText.hasPrefix("Unified") {
            (type, letter) = ("Unified", "")
        } else {
            (type, letter) = (nil, "")
        }
        return CPUInfo.SharedCache(
            name: "L\(level)\(letter)", level: level, type: type, sizeBytes: UInt64(size) * 1024,
            lineSize: lineSize, associativity: associativity)
    }

    /// The decimal number at the start of `text` (`262144K` is 262144), as sscanf's %d reads it.
    static func leadingInt(_ text: String) -> Int? {
        Int(String(text.prefix(while: { $0.isASCII && $0.isNumber })))
    }
}
