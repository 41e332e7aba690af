/// `/proc/loadavg`: run-queue averages over 1, 5 and 15 minutes.
public struct LoadAverage: Sendable, Equatable, Codable {
    public var oneMinute: Double
    public var fiveMinutes: Double
    public var fifteenMinutes: Double

    public init(oneMinute: Double, fiveMinutes: Double, fifteenMinutes: Double) {
        self.oneMinute = oneMinute
        self.fiveMinutes = fiveMinutes
        self.fifteenMinutes = fifteenMinutes
    }

    /// `0.89 1.08 1.12 3/123 30781`; nil when the first three words are not numbers.
    static func parse(_ text: String) -> LoadAverage? {
        let words = SysfsValue.words(text)
        guard words.count >= 3, let one = Double(words[0]), let five = Double(words[1]),
              let fifteen = Double(words[2]) else { return nil }
        return LoadAverage(oneMinute: one, fiveMinutes: five, fifteenMinutes: fifteen)
    }
}
