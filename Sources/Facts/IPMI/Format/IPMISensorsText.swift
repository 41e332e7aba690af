/// FreeIPMI's sensor layouts, from libipmimonitoring's readings: what `ipmimonitoring` (`ipmi-sensors
/// --output-sensor-state`) prints, as a table or with `--comma-separated-output`.
///
/// ipmitool's `sensor` layout is not offered: it needs every sensor's thresholds and raw discrete states,
/// which the library does not hand out. The rows show what the library judged, so they differ from
/// ipmi-sensors' in one case: a threshold-based sensor of a compact SDR record (no conversion factors, so
/// no value), where the library gives no state and no events (`N/A`) while ipmi-sensors judges the
/// threshold bits (`Nominal`, `'OK'`). The table sizes the units column as ipmi-sensors does, counting
/// "unspecified" for a threshold-based sensor without named units.
public enum IPMISensorsText {
    static let header = ["ID", "Name", "Type", "State", "Reading", "Units", "Event"]

    /// `ipmimonitoring --comma-separated-output`.
    public static func csv(_ sensors: [IPMISensor]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for sensor in sensors {
            out += [String(sensor.recordID), sensor.name, sensor.type, state(sensor), reading(sensor), units(sensor),
                    events(sensor)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// `ipmimonitoring`: columns as wide as their longest entry (at least the header).
    public static func table(_ sensors: [IPMISensor]) -> String {
        let idWidth = sensors.map { String($0.recordID).count }.reduce(2, max)
        let nameWidth = sensors.map(\.name.utf8.count).reduce(4, max)
        let typeWidth = sensors.map(\.type.utf8.count).reduce(4, max)
        let unitsWidth = sensors.filter(\.isThresholdBased).map { ($0.units ?? "unspecified").utf8.count }.reduce(5, max)
        var out = pad("ID", idWidth) + " | " + pad("Name", nameWidth) + " | " + pad("Type", typeWidth)
            + " | State    | Reading    | " + pad("Units", unitsWidth) + " | Event\n"
        for sensor in sensors {
            out += pad(String(sensor.recordID), idWidth) + " | " + pad(sensor.name, nameWidth) + " | "
                + pad(sensor.type, typeWidth) + " | " + pad(state(sensor), 8) + " | " + pad(reading(sensor), 10) + " | "
                + pad(units(sensor), unitsWidth) + " | " + events(sensor) + "\n"
        }
        return out
    }

    static func state(_ sensor: IPMISensor) -> String { sensor.state ?? "N/A" }

    static func reading(_ sensor: IPMISensor) -> String {
        guard sensor.isThresholdBased, let value = sensor.value else { return "N/A" }
        return CFormat.string("%.2f", roundedToHundredths(value))
    }

    static func units(_ sensor: IPMISensor) -> String {
        sensor.isThresholdBased ? sensor.units ?? "N/A" : "N/A"
    }

    /// Each message quoted, "'OK'" when a judged sensor asserts nothing, "N/A" when there was no reading.
    static func events(_ sensor: IPMISensor) -> String {
        if sensor.events.isEmpty { return sensor.state == nil ? "N/A" : "'OK'" }
        return sensor.events.map { "'\($0)'" }.joined(separator: " ")
    }

    /// ipmi-sensors' own rounding before `%.2f` (_round_double2): the hundredths truncated, then raised by
    /// one when the rest exceeds half of one.
    static func roundedToHundredths(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 9e15 else { return value }
        let whole = value.rounded(.towardZero)
        let hundredths = (value - whole) * 100
        let truncated = hundredths.rounded(.towardZero)
        return whole + (hundredths - truncated > 0.5 ? truncated + 1 : truncated) / 100
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let count = text.utf8.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
