/// Two parsed catalogs side by side: every path where they differ, and how many leaf values were compared.
/// Object members are matched by key (JavaScript objects compare by content, not order), arrays by index.
public struct JSValueComparison {
    public private(set) var differences: [String] = []
    /// Leaf values (strings, numbers, booleans, null, undefined) found equal or different at the same path.
    public private(set) var comparedLeaves = 0

    public init(_ expected: JSValue, _ actual: JSValue, path: String = "") {
        compare(expected, actual, path)
    }

    public var isEqual: Bool { differences.isEmpty }

    private mutating func compare(_ expected: JSValue, _ actual: JSValue, _ path: String) {
        switch (expected, actual) {
        case (.object(let a), .object(let b)):
            for key in a.keys where !b.has(key) { differences.append("\(path).\(key): only in the expected catalog, \(a[key])") }
            for key in b.keys where !a.has(key) { differences.append("\(path).\(key): only in the actual catalog, \(b[key])") }
            for key in a.keys where b.has(key) { compare(a[key], b[key], "\(path).\(key)") }
        case (.array(let a), .array(let b)):
            if a.items.count != b.items.count {
                differences.append("\(path): \(a.items.count) elements expected, \(b.items.count) found")
            }
            for (index, (x, y)) in zip(a.items, b.items).enumerated() { compare(x, y, "\(path)[\(index)]") }
        case (.object, _), (.array, _), (_, .object), (_, .array):
            differences.append("\(path): expected \(expected), found \(actual)")
        default:
            comparedLeaves += 1
            if JSValueText.render(expected) != JSValueText.render(actual) {
                differences.append("\(path): expected \(expected), found \(actual)")
            }
        }
    }
}
