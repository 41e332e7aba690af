#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Addresses as text, the way `ip` prints them (`inet_ntop`: dotted quads, RFC 5952 IPv6).
enum IPAddressText {
    static let inet: UInt8 = 2  // AF_INET
    static let inet6: UInt8 = 10  // AF_INET6

    /// nil when the byte count does not fit the family.
    static func format(family: UInt8, _ bytes: [UInt8]) -> String? {
        let systemFamily: Int32
        switch (family, bytes.count) {
        case (inet, 4): systemFamily = AF_INET
        case (inet6, 16): systemFamily = AF_INET6
        default: return nil
        }
        var buffer = [CChar](repeating: 0, count: 64)
        let ok = bytes.withUnsafeBytes { source in
            buffer.withUnsafeMutableBufferPointer { inet_ntop(systemFamily, source.baseAddress, $0.baseAddress, socklen_t($0.count)) != nil }
        }
        guard ok else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `inet`, `inet6` (as `ip -j` names them), or the number.
    static func familyName(_ family: UInt8) -> String {
        switch family {
        case inet: return "inet"
        case inet6: return "inet6"
        default: return "\(family)"
        }
    }
}
