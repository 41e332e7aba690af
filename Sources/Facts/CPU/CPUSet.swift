/// A set of logical CPU numbers, as the kernel writes them under `/sys/devices/system/cpu` and
/// `/sys/devices/system/node`: lists (`0-3,8,10-11`, strides `0-15:2`) and hex masks
/// (`00000000,000000ff`).
///
/// Numbers at or above `limit` (the kernel's `kernel_max` + 1) are dropped, as util-linux does: masks are
/// printed at the full NR_CPUS width and lists may name CPUs the kernel cannot address.
public struct CPUSet: Sendable, Hashable {
    /// Sorted, without duplicates.
    public private(set) var members: [Int]

    public init<S: Sequence>(_ numbers: S) where S.Element == Int {
        members = Array(Set(numbers.filter { $0 >= 0 })).sorted()
    }

    /// Members already ascending and unique (what the parsers produce).
    init(ascending members: [Int]) {
        self.members = members
    }

    public static let empty = CPUSet([Int]())

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public func contains(_ cpu: Int) -> Bool {
        var low = 0, high = members.count
        while low < high {
            let mid = (low + high) / 2
            if members[mid] == cpu { return true }
            if members[mid] < cpu { low = mid + 1 } else { high = mid }
        }
        return false
    }

    public func union(_ other: CPUSet) -> CPUSet { CPUSet(members + other.members) }
    public func subtracting(_ other: CPUSet) -> CPUSet { CPUSet(members.filter { !other.contains($0) }) }

    /// The most CPUs any kernel addresses (NR_CPUS tops out at 8192 on x86 and arm64); a limit against
    /// lists like `0-999999999` in a corrupt file.
    public static let maximumCPUs = 65536

    /// A cpulist (`0-3,8`); nil when the text is not one. Empty text is the empty set.
    public static func parseList(_ text: String, limit: Int = maximumCPUs) -> CPUSet? {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { return .empty }
        var result: [Int] = []
        for token in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let range = parts[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = Int(range[0]), first >= 0 else { return nil }
            var last = first
            var stride = 1
            if range.count == 2 {
                guard let end = Int(range[1]) else { return nil }
                last = end
                if parts.count == 2 {
                    guard let step = Int(parts[1]), step > 0 else { return nil }
                    stride = step
                }
            } else if parts.count == 2 {
                return nil
            }
            guard first <= last else { return nil }
            var cpu = first
            while cpu <= last && cpu < min(limit, maximumCPUs) {
                result.append(cpu)
                cpu += stride
            }
        }
        return CPUSet(result)
    }

    /// A hex mask (`ff,00000001`, optionally `0x`-prefixed); nil when a character is not a hex digit.
    /// Masks are as wide as the kernel's NR_CPUS (2048 digits for 8192 CPUs), so this works on bytes.
    public static func parseMask(_ text: String, limit: Int = maximumCPUs) -> CPUSet? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        if bytes.count - start >= 2, bytes[start] == 0x30, bytes[start + 1] == 0x78 { start += 2 }
        var result: [Int] = []
        var bit = 0
        var index = bytes.count - 1
        while index >= start {
            let byte = bytes[index]
            index -= 1
            if byte == 0x2C { continue }  // ","
            let value: Int
            switch byte {
            case 0x30...0x39: value = Int(byte - 0x30)
            case 0x61...0x66: value = Int(byte - 0x61 + 10)
            case 0x41...0x46: value = Int(byte - 0x41 + 10)
            default: return nil
            }
            if value != 0 {
                for offset in 0..<4 where value & (1 << offset) != 0 && bit + offset < limit { result.append(bit + offset) }
            }
            bit += 4
        }
        return CPUSet(ascending: result)
    }

    /// The list form util-linux prints: ranges of three or more as `a-b`, pairs as `a,b`.
    public var listString: String {
        var parts: [String] = []
        var index = 0
        while index < members.count {
            var end = index
            while end + 1 < members.count && members[end + 1] == members[end] + 1 { end += 1 }
            switch end - index {
            case 0: parts.append(String(members[index]))
            case 1: parts.append("\(members[index]),\(members[end])")
            default: parts.append("\(members[index])-\(members[end])")
            }
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
