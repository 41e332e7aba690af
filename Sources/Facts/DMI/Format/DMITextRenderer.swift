/// Renders decoded records in dmidecode's text layout, byte for byte.
public enum DMITextRenderer {
    /// The `Handle` block of one record, ending with the blank separator line.
    public static func render(_ record: DMIRecord) -> String {
        var out = "Handle 0x\(hex(record.handle, width: 4)), DMI type \(record.type), \(record.length) bytes\n"
        for line in record.lines {
            switch line {
            case .title(let text): out += text + "\n"
            case .attr(let name, let value): out += "\t\(name): \(value)\n"
            case .subattr(let name, let value): out += "\t\t\(name): \(value)\n"
            case .listStart(let name, nil): out += "\t\(name):\n"
            case .listStart(let name, let value?): out += "\t\(name): \(value)\n"
            case .listItem(let text): out += "\t\t\(text)\n"
            case .error(let text): out += "\t\(text)\n"
            }
        }
        return out + "\n"
    }

    /// The whole table: every structure's block, then the block of a structure cut off by the table end.
    public static func render(_ table: SMBIOSTable, types: Set<UInt8>? = nil) -> String {
        var out = ""
        for record in DMIDecoder.records(table) where types?.contains(record.type) ?? true {
            out += render(record)
        }
        if let cut = table.truncated, types?.contains(cut.type) ?? true {
            out += "Handle 0x\(hex(cut.handle, width: 4)), DMI type \(cut.type), \(cut.length) bytes\n\t<TRUNCATED>\n\n"
        }
        return out
    }

    /// The header dmidecode prints before the first structure.
    public static func header(entryPoint: SMBIOSEntryPoint?, source: String, tableLength: Int, structureCount: Int) -> String {
        var out = "# dmidecode 3.4 (mkagent)\n"
        out += "Reading SMBIOS/DMI data from \(source).\n"
        if let ep = entryPoint {
            out += "SMBIOS \(ep.versionString) present.\n"
            if ep.kind == .smbios3 {
                out += "Table at 0x\(hex(ep.tableAddress, width: 8)).\n"
            } else {
                out += "\(structureCount) structures occupying \(tableLength) bytes.\n"
                out += "Table at 0x\(hex(ep.tableAddress, width: 8)).\n"
            }
        }
        return out + "\n"
    }
}
