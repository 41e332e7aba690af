#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style formatting through the C library, for output that must match C tools digit for digit
/// (`%.4f` of a single-precision MHz value rounds exactly as lscpu's does).
enum CFormat {
    static func string(_ format: String, _ arguments: CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        if length >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// util-linux's size_to_human_string(SIZE_SUFFIX_3LETTER | SIZE_SUFFIX_SPACE): `32 KiB`, `1.5 MiB`,
    /// one decimal, rounded half up, a trailing `.0` dropped.
    static func humanSize(_ bytes: UInt64) -> String {
        var exponent = 0
        for shift in stride(from: 10, through: 60, by: 10) {
            exponent = shift - 10
            if bytes < (UInt64(1) << UInt64(shift)) { break }
            exponent = shift
        }
        if exponent > 60 { exponent = 60 }
        let letters = Array("BKMGTPE")
        let letter = letters[exponent / 10]
        var whole = exponent > 0 ? bytes / (UInt64(1) << UInt64(exponent)) : bytes
        var fraction = exponent > 0 ? bytes % (UInt64(1) << UInt64(exponent)) : 0
        let suffix = letter == "B" ? " B" : " \(letter)iB"
        if fraction > 0 {
            if fraction >= UInt64.max / 1000 {
                fraction = ((fraction / 1024) * 1000) / (UInt64(1) << UInt64(exponent - 10))
            } else {
                fraction = (fraction * 1000) / (UInt64(1) << UInt64(exponent))
            }
            fraction = ((fraction + 50) / 100) * 10
            if fraction == 100 {
                whole += 1
                fraction = 0
            }
        }
        guard fraction > 0 else { return "\(whole)\(suffix)" }
        return "\(whole).\(fraction / 10)\(suffix)"
    }
}
