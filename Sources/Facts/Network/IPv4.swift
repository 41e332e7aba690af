/// IPv4 addresses as 32-bit numbers, for netmask and network arithmetic.
public enum IPv4 {
    /// `192.0.2.1` as a number; nil for anything but four decimal octets.
    public static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".")
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }

    /// The netmask of a prefix length (0...32).
    public static func mask(_ prefix: Int) -> UInt32? {
        guard (0...32).contains(prefix) else { return nil }
        return prefix == 0 ? 0 : UInt32.max << (32 - prefix)
    }

    public static func format(_ value: UInt32) -> String {
        [24, 16, 8, 0].map { "\((value >> UInt32($0)) & 0xff)" }.joined(separator: ".")
    }
}
