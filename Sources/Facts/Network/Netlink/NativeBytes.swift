/// Reads and writes integers in the machine's own byte order, which is what netlink uses (s390x is
/// big-endian, x86 and arm little-endian). Out-of-range reads give nil.
enum NativeBytes {
    static func load<T: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, at offset: Int, as _: T.Type = T.self) -> T? {
        let start = bytes.startIndex + offset
        guard offset >= 0, start + MemoryLayout<T>.size <= bytes.endIndex else { return nil }
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }

    static func load<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int, as type: T.Type = T.self) -> T? {
        load(bytes[...], at: offset, as: type)
    }

    static func encode<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
