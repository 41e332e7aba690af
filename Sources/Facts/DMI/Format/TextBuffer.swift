/// UTF-8 text built by appending pieces; cheaper than growing a String through interpolation when a
/// renderer emits thousands of short lines.
public struct TextBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {
        bytes.reserveCapacity(1 << 16)
    }

    public mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ first: String, _ second: String) {
        append(first)
        append(second)
    }

    public mutating func append(_ first: String, _ second: String, _ third: String) {
        append(first)
        append(second)
        append(third)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
