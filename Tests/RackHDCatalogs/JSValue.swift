/// A JavaScript value as RackHD's parsers build them: objects and arrays are shared references (a parser
/// keeps a handle on the current record and fills it in place), strings, numbers, booleans, `null` and
/// `undefined` (what a missing array element or property reads as).
public enum JSValue: CustomStringConvertible {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case object(JSObject)
    case array(JSArray)

    public static func newObject() -> JSValue { .object(JSObject()) }
    public static func newArray(_ items: [JSValue] = []) -> JSValue { .array(JSArray(items)) }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var objectValue: JSObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var arrayValue: JSArray? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// `value[key]`: a property of an object, an element of an array (by index text), undefined otherwise.
    public subscript(key: String) -> JSValue {
        switch self {
        case .object(let object): return object[key]
        case .array(let array): return Int(key).map { $0 >= 0 && $0 < array.items.count ? array.items[$0] : .undefined } ?? .undefined
        default: return .undefined
        }
    }

    /// JavaScript truthiness.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .object, .array: return true
        }
    }

    /// `String(value)`, for the few places a parser coerces (parseInt of an array, an array index key).
    public var coercedString: String {
        switch self {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return s
        case .object: return "[object Object]"
        case .array(let array): return array.items.map { v -> String in
            if case .undefined = v { return "" }
            if case .null = v { return "" }
            return v.coercedString
        }.joined(separator: ",")
        }
    }

    public var description: String { JSValueText.render(self) }
}

/// A JavaScript object: properties in insertion order.
public final class JSObject {
    public private(set) var keys: [String] = []
    private var storage: [String: JSValue] = [:]

    public init() {}

    public subscript(key: String) -> JSValue {
        get { storage[key] ?? .undefined }
        set {
            if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    public func has(_ key: String) -> Bool { storage[key] != nil }
}

/// A JavaScript array.
public final class JSArray {
    public var items: [JSValue]

    public init(_ items: [JSValue] = []) {
        self.items = items
    }
}

/// Thrown where the JavaScript parser would throw (a property set on a string, a method of undefined):
/// RackHD then stores no catalog.
public struct JSTypeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
