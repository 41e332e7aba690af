/// Renders decoded records in dmidecode's text layout, byte for byte.
public enum DMITextRenderer {
    /// The `Handle` block of one record, ending with the blank separator line.
    public static func render(_ record: DMIRecord) -> String {
        var out = TextBuffer()
        append(record, to: &out)
        return out.string
    }

    /// The whole table: the blocks of the structures of `types` (all when nil), then the block of a
    /// structure cut off by the table end.
    public static func render(_ table: SMBIOSTable, types: Set<UInt8>? = nil) -> String {
        renderBytes(table, types: types).string
    }

    /// As `render(_:types:)`, as UTF-8 bytes ready to write: a table can hold thousands of lines.
    public static func renderBytes(_ table: SMBIOSTable, types: Set<UInt8>? = nil) -> TextBuffer {
        var out = TextBuffer()
        let context = DMIContext(table: table)
        for structure in table.structures where types?.contains(structure.type) ?? true {
            append(DMIDecoder.record(structure, context), to: &out)
        }
        if let cut = table.truncated, types?.contains(cut.type) ?? true {
            handleLine(cut.handle, cut.type, cut.length, to: &out)
            out.append("\t<TRUNCATED>\n\n")
        }
        return out
    }

    static func append(_ record: DMIRecord, to out: inout TextBuffer) {
        handleLine(record.handle, record.type, record.length, to: &out)
        for line in record.lines {
            switch line {
            case .title(let text): out.append(text, "\n")
            case .attr(let name, let value): out.append("\t", name, ": "); out.append(value, "\n")
            case .subattr(let name, let value): out.append("\t\t", name, ": "); out.append(value, "\n")
            case .listStart(let name, nil): out.append("\t", name, ":\n")
            case .listStart(let name, let value?): out.append("\t", name, ": "); out.append(value, "\n")
            case .listItem(let text): out.append("\t\t", text, "\n")
            case .error(let text): out.append("\t", text, "\n")
            }
        }
        out.append("\n")
    }

    static func handleLine(_ handle: UInt16, _ type: UInt8, _ length: Int, to out: inout TextBuffer) {
        out.append("Handle 0x", hex(handle, width: 4), ", DMI type ")
        out.append(String(type), ", ", String(length))
        out.append(" bytes\n")
    }

    /// The header dmidecode prints before the first structure. Like dmidecode, no table address for a
    /// table read from a dump file (the address in the dump's entry point is the offset in the file).
    public static func header(entryPoint: SMBIOSEntryPoint?, origin: DMITableSource.Origin, tableLength: Int, structureCount: Int) -> String {
        var out = "# dmidecode 3.4 (mkagent)\n"
        out += "Reading SMBIOS/DMI data from \(origin).\n"
        if let ep = entryPoint {
            out += "SMBIOS \(ep.versionString) present.\n"
            if ep.kind != .smbios3 {
                out += "\(structureCount) structures occupying \(tableLength) bytes.\n"
            }
            if case .dumpFile = origin {} else {
                out += "Table at 0x\(hex(ep.tableAddress, width: 8)).\n"
            }
        }
        return out + "\n"
    }
}
