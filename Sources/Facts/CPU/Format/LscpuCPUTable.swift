/// `lscpu -e` (one row per CPU, aligned, or JSON) and `lscpu -p` (comma-separated, for scripts), as
/// util-linux 2.38 prints them when the output is not a terminal.
public struct LscpuCPUTable: Sendable {
    public enum Mode: Sendable { case readable, parsable }

    public var mode: Mode
    /// nil: lscpu's default columns for the mode.
    public var columns: [LscpuColumn]?
    /// Which CPUs to list (`-a`, `-b`, `-c`); nil: online and offline for `-e`, online only for `-p`.
    public var filter: (online: Bool, offline: Bool)?
    /// The kernel's core, socket, book and drawer IDs instead of logical numbers (`-y`).
    public var physicalIDs = false
    public var json = false

    public init(mode: Mode) {
        self.mode = mode
    }

    public func render(_ inventory: CPUInventory) -> String {
        let columns = self.columns ?? Self.defaultColumns(inventory, mode)
        let (online, offline) = filter ?? (true, mode == .readable)
        let rows = inventory.cpus.filter { cpu in
            if inventory.online != nil {
                let isOnline = inventory.isOnline(cpu)
                if !offline && !isOnline { return false }
                if !online && isOnline { return false }
            }
            return inventory.present == nil || inventory.isPresent(cpu)
        }
        switch mode {
        case .parsable:
            return parsable(inventory, columns, rows)
        case .readable:
            let cells = rows.map { cpu in columns.map { cell(inventory, cpu, $0) ?? "" } }
            let headers = columns.map { header(inventory, $0, compatible: false) }
            return json ? readableJSON(columns, headers, cells) : readableText(columns, headers, cells)
        }
    }

    /// What lscpu shows when no list is given: the columns the default CPU type has data for.
    public static func defaultColumns(_ inventory: CPUInventory, _ mode: Mode) -> [LscpuColumn] {
        guard mode == .readable else { return [.cpu, .core, .socket, .node, .cache] }
        let type = inventory.defaultType
        let defaultCPUs = inventory.cpus.filter { $0.typeIndex == 0 }
        var columns: [LscpuColumn] = [.cpu]
        if !inventory.nodes.isEmpty { columns.append(.node) }
        if let type, type.drawers > 0 { columns.append(.drawer) }
        if let type, type.books > 0 { columns.append(.book) }
        if let type, type.sockets > 0 { columns.append(.socket) }
        if let type, type.cores > 0 { columns.append(.core) }
        if !inventory.caches.isEmpty { columns.append(.cache) }
        if inventory.online != nil { columns.append(.online) }
        if defaultCPUs.contains(where: { $0.configured != nil }) { columns.append(.configured) }
        if defaultCPUs.contains(where: { $0.polarization != nil }) { columns.append(.polarization) }
        if defaultCPUs.contains(where: { $0.address != nil }) { columns.append(.address) }
        if type?.hasFrequency == true { columns += [.maxMHz, .minMHz, .mhz] }
        return columns
    }

    // MARK: cells

    /// A cell's text; nil when there is nothing to show (`-` in `-e`, empty in `-p`).
    func cell(_ inventory: CPUInventory, _ cpu: CPUInventory.CPU, _ column: LscpuColumn) -> String? {
        guard let typeIndex = cpu.typeIndex else { return nil }
        let type = inventory.types[typeIndex]
        let booleans = mode == .parsable || json ? ("Y", "N") : ("yes", "no")
        switch column {
        case .cpu:
            return String(cpu.id)
        case .bogomips:
            return cpu.bogomips ?? type.bogomips
        case .core:
            return id(cpu, physical: cpu.coreID, maps: type.coreMaps)
        case .socket:
            return id(cpu, physical: cpu.socketID, maps: type.socketMaps)
        case .book:
            return id(cpu, physical: cpu.bookID, maps: type.bookMaps)
        case .drawer:
            return id(cpu, physical: cpu.drawerID, maps: type.drawerMaps)
        case .cluster:
            return nil
        case .node:
            return inventory.nodes.first { $0.cpus.contains(cpu.id) }.map { String($0.id) }
        case .cache:
            let separator = mode == .parsable ? "," : ":"
            let ids = inventory.cacheNames.compactMap { name in
                inventory.caches.first { $0.name == name && $0.sharedCPUs?.contains(cpu.id) == true }.map { String($0.id) }
            }
            return ids.isEmpty ? nil : ids.joined(separator: separator)
        case .polarization:
            let (parsable, readable) = Self.polarization(cpu.polarization)
            let text = mode == .parsable ? parsable : readable
            return text == "-" ? nil : text
        case .address:
            return cpu.address.flatMap { $0 >= 0 ? String($0) : nil }
        case .configured:
            return cpu.configured.map { $0 != 0 ? booleans.0 : booleans.1 }
        case .online:
            return inventory.online == nil ? nil : (inventory.isOnline(cpu) ? booleans.0 : booleans.1)
        case .mhz:
            return cpu.currentMHz != 0 ? CFormat.string("%.4f", Double(cpu.currentMHz)) : nil
        case .scalingMHz:
            guard cpu.currentMHz != 0 && cpu.maxMHz != 0 else { return nil }
            return CFormat.string("%.0f%%", Double(cpu.currentMHz / cpu.maxMHz * 100))
        case .maxMHz:
            return cpu.maxMHz != 0 ? CFormat.string("%.4f", Double(cpu.maxMHz)) : nil
        case .minMHz:
            return cpu.minMHz != 0 ? CFormat.string("%.4f", Double(cpu.minMHz)) : nil
        }
    }

    /// The logical number (the index of the first topology mask holding the CPU), or with `-y` the
    /// kernel's ID (`-` when it has none).
    func id(_ cpu: CPUInventory.CPU, physical: Int?, maps: [CPUSet]) -> String? {
        if physicalIDs { return physical.map(String.init) ?? (mode == .parsable ? "-" : nil) }
        return maps.firstIndex { $0.contains(cpu.id) }.map(String.init)
    }

    /// (parsable, readable) names of s390 polarization; CPUs without the attribute count as unknown.
    static func polarization(_ text: String?) -> (String, String) {
        switch text {
        case "vertical:low": return ("VL", "vert-low")
        case "vertical:medium": return ("VM", "vert-medium")
        case "vertical:high": return ("VH", "vert-high")
        case "horizontal": return ("H", "horizontal")
        default: return ("U", "-")
        }
    }

    /// The column title; the cache column is titled by the cache names (`L1d:L1i:L2`, or with commas in
    /// lscpu's compatible `-p` format).
    func header(_ inventory: CPUInventory, _ column: LscpuColumn, compatible: Bool) -> String {
        guard column == .cache, !inventory.caches.isEmpty else { return column.rawValue }
        return inventory.cacheNames.joined(separator: compatible ? "," : ":")
    }

    // MARK: layouts

    func readableText(_ columns: [LscpuColumn], _ headers: [String], _ cells: [[String]]) -> String {
        // libsmartcols prints nothing at all, not even the titles, for a table without rows.
        if cells.isEmpty { return "" }
        let shown = cells.map { $0.map { $0.isEmpty ? "-" : $0 } }
        let widths = columns.indices.map { index in
            ([headers[index]] + shown.map { $0[index] }).map(\.count).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            var out = ""
            for (index, value) in values.enumerated() {
                if index > 0 { out += " " }
                let padding = String(repeating: " ", count: max(0, widths[index] - value.count))
                if columns[index].rightAligned {
                    out += padding + value
                } else {
                    out += value + (index == values.count - 1 ? "" : padding)
                }
            }
            return out + "\n"
        }
        return line(headers) + shown.map(line).joined()
    }

    /// Keys are the lower-case titles; numbers and booleans are bare. Where lscpu prints a bare `-` for a
    /// number it has not got (not JSON), mkagent prints null.
    func readableJSON(_ columns: [LscpuColumn], _ headers: [String], _ cells: [[String]]) -> String {
        let records = cells.map { row in
            columns.indices.map { index -> (String, LscpuRenderer.JSONCell) in
                let key = headers[index].lowercased()
                let value = row[index]
                switch columns[index].jsonKind {
                case .string:
                    return (key, .string(value.isEmpty ? "-" : value))
                case .number:
                    return (key, value.isEmpty ? .null : .raw(value))
                case .boolean:
                    return (key, value.isEmpty ? .null : .raw(value == "Y" ? "true" : "false"))
                }
            }
        }
        return LscpuRenderer.json(name: "cpus", records: records)
    }

    func parsable(_ inventory: CPUInventory, _ columns: [LscpuColumn], _ rows: [CPUInventory.CPU]) -> String {
        var out = """
            # The following is the parsable format, which can be fed to other
            # programs. Each different item in every column has an unique ID
            # starting usually from zero.

            """
        let hasCaches = !inventory.caches.isEmpty
        var headerLine = "# "
        for (index, column) in columns.enumerated() {
            if column == .cache {
                if !hasCaches { continue }
                if index != 0 { headerLine += "," }
            }
            if index > 0 { headerLine += "," }
            var title = header(inventory, column, compatible: true)
            if column != .cache && !column.isAbbreviation, let first = title.first {
                title = String(first) + title.dropFirst().lowercased()
            }
            headerLine += title
        }
        out += headerLine + "\n"
        for cpu in rows {
            var line = ""
            for (index, column) in columns.enumerated() {
                if column == .cache {
                    if !hasCaches { continue }
                    if index > 0 { line += "," }
                }
                if index > 0 { line += "," }
                line += cell(inventory, cpu, column) ?? ""
            }
            out += line + "\n"
        }
        return out
    }
}
