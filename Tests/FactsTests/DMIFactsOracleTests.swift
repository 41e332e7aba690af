import Foundation
import Testing
@testable import Facts

/// The typed `dmi` facts against dmidecode's text for the same 21 tables, field by field: every value
/// the fact model holds for a field dmidecode prints must say the same (sizes in bytes against "16 GB",
/// speeds in Hz against "2400 MHz", absent against "Not Specified").
@Suite(.enabled(if: DMIOracle.dmidecode != nil, "dmidecode is not installed (apt-get install dmidecode)"))
struct DMIFactsOracleTests {
    /// How a fact compares with dmidecode's text.
    enum Kind {
        case text, bytes, hertz, megatransfers, volts, integer, list
        /// dmidecode prints a slot's bus width and type as one value ("x16 PCI Express 3 x16").
        case slotType
    }

    /// (JSON section, JSON key, SMBIOS type, dmidecode field, kind)
    static let mapping: [(String, String, UInt8, String, Kind)] = [
        ("bios", "vendor", 0, "Vendor", .text), ("bios", "version", 0, "Version", .text),
        ("bios", "release_date", 0, "Release Date", .text), ("bios", "rom_size_bytes", 0, "ROM Size", .bytes),
        ("bios", "runtime_size_bytes", 0, "Runtime Size", .bytes), ("bios", "characteristics", 0, "Characteristics", .list),
        ("bios", "bios_revision", 0, "BIOS Revision", .text), ("bios", "firmware_revision", 0, "Firmware Revision", .text),
        ("system", "manufacturer", 1, "Manufacturer", .text), ("system", "product_name", 1, "Product Name", .text),
        ("system", "version", 1, "Version", .text), ("system", "serial_number", 1, "Serial Number", .text),
        ("system", "uuid", 1, "UUID", .text), ("system", "sku_number", 1, "SKU Number", .text),
        ("system", "family", 1, "Family", .text), ("system", "wake_up_type", 1, "Wake-up Type", .text),
        ("baseboards", "manufacturer", 2, "Manufacturer", .text), ("baseboards", "product_name", 2, "Product Name", .text),
        ("baseboards", "version", 2, "Version", .text), ("baseboards", "serial_number", 2, "Serial Number", .text),
        ("baseboards", "asset_tag", 2, "Asset Tag", .text), ("baseboards", "type", 2, "Type", .text),
        ("baseboards", "location_in_chassis", 2, "Location In Chassis", .text),
        ("chassis", "manufacturer", 3, "Manufacturer", .text), ("chassis", "type", 3, "Type", .text),
        ("chassis", "lock", 3, "Lock", .text), ("chassis", "version", 3, "Version", .text),
        ("chassis", "serial_number", 3, "Serial Number", .text), ("chassis", "asset_tag", 3, "Asset Tag", .text),
        ("chassis", "boot_up_state", 3, "Boot-up State", .text), ("chassis", "thermal_state", 3, "Thermal State", .text),
        ("chassis", "sku_number", 3, "SKU Number", .text),
        ("processors", "socket_designation", 4, "Socket Designation", .text), ("processors", "type", 4, "Type", .text),
        ("processors", "family", 4, "Family", .text), ("processors", "manufacturer", 4, "Manufacturer", .text),
        ("processors", "id", 4, "ID", .text), ("processors", "signature", 4, "Signature", .text),
        ("processors", "version", 4, "Version", .text), ("processors", "external_clock_hz", 4, "External Clock", .hertz),
        ("processors", "max_speed_hz", 4, "Max Speed", .hertz), ("processors", "current_speed_hz", 4, "Current Speed", .hertz),
        ("processors", "upgrade", 4, "Upgrade", .text), ("processors", "serial_number", 4, "Serial Number", .text),
        ("processors", "asset_tag", 4, "Asset Tag", .text), ("processors", "part_number", 4, "Part Number", .text),
        ("processors", "core_count", 4, "Core Count", .integer), ("processors", "core_enabled", 4, "Core Enabled", .integer),
        ("processors", "thread_count", 4, "Thread Count", .integer), ("processors", "characteristics", 4, "Characteristics", .list),
        ("caches", "socket_designation", 7, "Socket Designation", .text),
        ("caches", "installed_size_bytes", 7, "Installed Size", .bytes), ("caches", "maximum_size_bytes", 7, "Maximum Size", .bytes),
        ("caches", "error_correction_type", 7, "Error Correction Type", .text),
        ("caches", "system_type", 7, "System Type", .text), ("caches", "associativity", 7, "Associativity", .text),
        ("port_connectors", "internal_reference_designator", 8, "Internal Reference Designator", .text),
        ("port_connectors", "external_reference_designator", 8, "External Reference Designator", .text),
        ("port_connectors", "port_type", 8, "Port Type", .text),
        ("slots", "designation", 9, "Designation", .text), ("slots", "type", 9, "Type", .slotType),
        ("slots", "current_usage", 9, "Current Usage", .text), ("slots", "length", 9, "Length", .text),
        ("slots", "bus_address", 9, "Bus Address", .text),
        ("memory_arrays", "location", 16, "Location", .text), ("memory_arrays", "use", 16, "Use", .text),
        ("memory_arrays", "error_correction_type", 16, "Error Correction Type", .text),
        ("memory_arrays", "maximum_capacity_bytes", 16, "Maximum Capacity", .bytes),
        ("memory_arrays", "number_of_devices", 16, "Number Of Devices", .integer),
        ("memory_devices", "size_bytes", 17, "Size", .bytes), ("memory_devices", "form_factor", 17, "Form Factor", .text),
        ("memory_devices", "locator", 17, "Locator", .text), ("memory_devices", "bank_locator", 17, "Bank Locator", .text),
        ("memory_devices", "type", 17, "Type", .text), ("memory_devices", "type_detail", 17, "Type Detail", .text),
        ("memory_devices", "speed_mts", 17, "Speed", .megatransfers),
        ("memory_devices", "configured_speed_mts", 17, "Configured Memory Speed", .megatransfers),
        ("memory_devices", "manufacturer", 17, "Manufacturer", .text),
        ("memory_devices", "serial_number", 17, "Serial Number", .text),
        ("memory_devices", "asset_tag", 17, "Asset Tag", .text), ("memory_devices", "part_number", 17, "Part Number", .text),
        ("memory_devices", "rank", 17, "Rank", .integer),
        ("memory_devices", "minimum_voltage_v", 17, "Minimum Voltage", .volts),
        ("memory_devices", "maximum_voltage_v", 17, "Maximum Voltage", .volts),
        ("memory_devices", "configured_voltage_v", 17, "Configured Voltage", .volts),
        ("memory_devices", "total_width_bits", 17, "Total Width", .integer),
        ("memory_devices", "data_width_bits", 17, "Data Width", .integer),
        ("memory_array_mapped_addresses", "range_size_bytes", 19, "Range Size", .bytes),
        ("memory_array_mapped_addresses", "partition_width", 19, "Partition Width", .integer),
        ("onboard_devices", "reference_designation", 41, "Reference Designation", .text),
        ("onboard_devices", "type", 41, "Type", .text), ("onboard_devices", "bus_address", 41, "Bus Address", .text),
        ("system_boot", "status", 32, "Status", .text),
        ("ipmi_device", "interface_type", 38, "Interface Type", .text),
        ("ipmi_device", "specification_version", 38, "Specification Version", .text),
    ]

    /// dmidecode words for "no value": the fact model leaves such a field out (or keeps the word).
    static let absentWords: Set<String> = [
        "Not Specified", "<BAD INDEX>", "Unknown", "Not Provided", "None", "Not Present", "Not Settable", "No Module Installed",
    ]

    struct Tally { var compared = 0; var mismatches: [String] = [] }

    @Test(arguments: DMIOracle.dumps)
    func typedFacts_agreeWithDmidecode(_ dump: String) throws {
        let records = DMIOracle.fieldRecords(try DMIOracle.text(dump))
        let table = try DMIOracle.table(dump)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(DMIFacts(table, source: dump))) as? [String: Any])
        var tally = Tally()
        for (section, key, type, field, kind) in Self.mapping {
            let ofType = records.filter { $0.type == type }
            let entries: [[String: Any]]
            if let list = json[section] as? [[String: Any]] {
                entries = list
            } else if let single = json[section] as? [String: Any] {
                entries = [single]
            } else {
                entries = []
            }
            for entry in entries {
                // Entries with a handle pair with dmidecode's block of that handle; singletons with the first.
                let handle = entry["handle"] as? Int
                guard let record = handle.map({ h in ofType.first { $0.handle == h } }) ?? ofType.first,
                      let theirs = record.fields[field] else { continue }
                tally.compared += 1
                if !Self.agrees(entry[key], theirs, kind, entry: entry) {
                    tally.mismatches.append("\(dump) handle \(record.handle) \(section).\(key)=\(String(describing: entry[key] ?? "nil")) vs \(field): \(theirs)")
                }
            }
        }
        #expect(tally.compared > 0)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.joined(separator: "\n"))")
        print("dmi facts oracle: \(dump): \(tally.compared) fields compared, \(tally.mismatches.count) mismatched")
    }

    static func agrees(_ mine: Any?, _ theirs: DMIOracle.FieldValue, _ kind: Kind, entry: [String: Any]) -> Bool {
        switch (kind, theirs) {
        case (.list, .list(let items)):
            return (mine as? [String] ?? []) == items
        case (.list, .text(let text)):
            return (mine as? [String] ?? []).isEmpty && (text == "None" || text.isEmpty)
        case (_, .list):
            return false
        case (_, .text(let raw)):
            // The model keeps strings without the firmware's space padding.
            let text = String(raw.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            if mine == nil || mine is NSNull {
                return text.isEmpty || absentWords.contains(text) || Self.unspecifiedNumber(text)
            }
            switch kind {
            case .text:
                if let list = mine as? [String] { return list.isEmpty ? text == "None" : list.joined(separator: " ") == text }
                if let number = mine as? NSNumber { return "\(number)" == text }
                let value = mine as? String
                return value == text || value?.uppercased() == text.uppercased() && text.count == 36
            case .slotType:
                let width = entry["data_bus_width"] as? String
                let prefix = width == nil || width == "Other" || width == "Unknown" ? "" : width! + " "
                return prefix + (mine as? String ?? "") == text
            case .bytes: return (mine as? NSNumber)?.uint64Value == parseBytes(text)
            case .hertz: return (mine as? NSNumber)?.uint64Value == parse(text, unit: "MHz").map { $0 * 1_000_000 }
            case .megatransfers: return (mine as? NSNumber)?.uint64Value == parse(text, unit: "MT/s")
            case .volts: return (mine as? NSNumber).map { "\($0.doubleValue) V" } == text
                || (mine as? NSNumber).map { String(format: "%.3f V", $0.doubleValue) } == text
                || (mine as? NSNumber).map { String(format: "%.2f V", $0.doubleValue) } == text
                || (mine as? NSNumber).map { String(format: "%.1f V", $0.doubleValue) } == text
            case .integer: return (mine as? NSNumber)?.intValue == Int(text.split(separator: " ").first ?? "")
            case .list: return false
            }
        }
    }

    /// dmidecode prints an unknown speed or size as a word ("Unknown") or as 0 with a unit ("0 MHz").
    static func unspecifiedNumber(_ text: String) -> Bool {
        text.hasPrefix("0 ")
    }

    static func parseBytes(_ text: String) -> UInt64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let n = UInt64(parts[0]) else { return nil }
        let units: [Substring: UInt64] = ["bytes": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "TB": 1 << 40, "PB": 1 << 50]
        return units[parts[1]].map { n * $0 }
    }

    static func parse(_ text: String, unit: String) -> UInt64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let n = UInt64(parts[0]), parts[1] == unit else { return nil }
        return n
    }
}
