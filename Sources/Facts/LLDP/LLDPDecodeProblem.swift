/// Why one TLV (or one frame) could not be decoded as its type says; becomes a diagnostic line.
public struct LLDPDecodeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
