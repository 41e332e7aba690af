/// Capped exponential backoff with jitter: after the n-th failure in a row the delay is drawn from
/// [d/2, d] with d = min(maximum, minimum * 2^(n-1)), so a rack of nodes that lost the server together
/// does not come back in lock step.
struct Backoff: Sendable {
    var minimum: Double
    var maximum: Double
    private(set) var failures = 0

    init(minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = max(minimum, maximum)
    }

    mutating func nextDelay(using generator: inout some RandomNumberGenerator) -> Double {
        failures += 1
        let ceiling = min(maximum, minimum * Double(UInt64(1) << UInt64(min(failures - 1, 40))))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2), using: &generator)
    }

    mutating func reset() { failures = 0 }
}
