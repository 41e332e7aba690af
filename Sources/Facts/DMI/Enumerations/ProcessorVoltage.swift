/// A processor's voltage (7.5.4): the current voltage, or in the legacy form the voltages it supports.
/// JSON holds a number or a list of numbers.
public enum ProcessorVoltage: Sendable, Equatable, Codable {
    case current(Double)
    case supported([Double])

    /// Bit 7 set: bits 6-0 are the voltage in tenths of a volt. Otherwise bits 0-2 flag 5 V, 3.3 V and
    /// 2.9 V support; nil when none is set ("Unknown").
    init?(code: UInt8) {
        if code & 0x80 != 0 {
            self = .current(Double(code & 0x7F) / 10)
        } else if code & 0x07 == 0 {
            return nil
        } else {
            self = .supported([5.0, 3.3, 2.9].enumerated().compactMap { code >> $0.offset & 1 == 1 ? $0.element : nil })
        }
    }

    /// dmidecode's text for the voltage code (types 4 and 5: processor and memory module voltage).
    static func text(code: UInt8) -> String {
        switch ProcessorVoltage(code: code) {
        case nil: return "Unknown"
        case .current(let volts): return "\(tenths(volts)) V"
        case .supported(let list): return list.map { "\(tenths($0)) V" }.joined(separator: " ")
        }
    }

    /// A voltage with one decimal ("1.2"); the values are whole tenths.
    private static func tenths(_ volts: Double) -> String {
        let n = Int((volts * 10).rounded())
        return "\(n / 10).\(n % 10)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let volts = try? container.decode(Double.self) {
            self = .current(volts)
        } else {
            self = .supported(try container.decode([Double].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .current(let volts): try container.encode(volts)
        case .supported(let list): try container.encode(list)
        }
    }
}
