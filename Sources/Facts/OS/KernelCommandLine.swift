/// The kernel command line (`/proc/cmdline`) split as the kernel splits it (`next_arg` in
/// kernel/params.c), so provisioning parameters read from it — Hanlon's `hanlon.ip=`, RackHD's
/// `API_CB=`, `BOOTIF=`, `smbios_uuid=` — mean what the kernel and init saw.
///
/// Parameters are separated by spaces outside double quotes; a parameter may be quoted as a whole
/// (`"foo=a b"`) or in its value (`foo="a b"`), and those outer quotes are removed. The name is everything
/// before the first `=`; a parameter without one is a flag (no value). Repeated names are all kept, in
/// order. Everything after a lone `--` is for init, not the kernel.
public struct KernelCommandLine: Sendable, Equatable, Codable {
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        /// nil for a flag (`quiet`); empty for `name=`.
        public var value: String?

        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// The command line as the kernel reports it, without the trailing newline.
    public var raw: String
    public var parameters: [Parameter]
    /// The words after `--`, passed to init as arguments (`name=value` kept whole).
    public var initArguments: [String]

    public init(parsing text: String) {
        var line = text
        while line.hasSuffix("\n") { line.removeLast() }
        raw = line
        parameters = []
        initArguments = []
        let bytes = Array(line.utf8)
        var position = Self.skipSpaces(bytes, 0)
        var forInit = false
        while position < bytes.count {
            let (parameter, next) = Self.nextArgument(bytes, position)
            position = next
            if forInit {
                initArguments.append(parameter.value.map { parameter.name + "=" + $0 } ?? parameter.name)
            } else if parameter.name == "--" && parameter.value == nil {
                forInit = true
            } else {
                parameters.append(parameter)
            }
        }
    }

    /// The value of the last parameter called `name` (the kernel, like most readers, lets the last one win);
    /// nil when absent or a flag.
    public func value(of name: String) -> String? {
        parameters.last { $0.name == name }?.value
    }

    /// The values of every parameter called `name`, in order (flags left out).
    public func values(of name: String) -> [String] {
        parameters.filter { $0.name == name }.compactMap(\.value)
    }

    /// Whether a parameter called `name` is present, with or without a value.
    public func contains(_ name: String) -> Bool {
        parameters.contains { $0.name == name }
    }

    /// One parameter starting at `start` (not a space) and where the next one starts.
    static func nextArgument(_ s: [UInt8], _ start: Int) -> (Parameter, Int) {
        let quote = UInt8(ascii: "\"")
        var begin = start
        var inQuote = false, quoted = false
        if s[begin] == quote {
            begin += 1
            inQuote = true
            quoted = true
        }
        var end = begin
        var equals: Int?
        while end < s.count {
            if isSpace(s[end]) && !inQuote { break }
            if equals == nil && s[end] == UInt8(ascii: "=") { equals = end }
            if s[end] == quote { inQuote.toggle() }
            end += 1
        }
        // A quote closing the token belongs to the quoting, not the text; it is removed once.
        let closingQuote = end > begin && s[end - 1] == quote
        let parameter: Parameter
        if let equals {
            var valueStart = equals + 1
            var valueEnd = end
            if valueStart < end && s[valueStart] == quote {
                valueStart += 1
                if closingQuote { valueEnd = end - 1 }
            } else if quoted && closingQuote {
                valueEnd = end - 1
            }
            parameter = Parameter(
                name: text(s[begin..<equals]),
                value: valueStart <= valueEnd ? text(s[valueStart..<valueEnd]) : "")
        } else {
            let nameEnd = quoted && closingQuote ? end - 1 : end
            parameter = Parameter(name: text(s[begin..<max(begin, nameEnd)]))
        }
        return (parameter, skipSpaces(s, end))
    }

    private static func skipSpaces(_ s: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < s.count && isSpace(s[index]) { index += 1 }
        return index
    }

    /// The kernel's `isspace`: space, \t, \n, \v, \f, \r.
    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
