/// The table lsblk prints through libsmartcols (util-linux 2.38), for output that is not a terminal:
/// lines sorted by device number (children within their parent), columns as wide as their widest cell
/// or header (or their width hint when that is larger), right-aligned numbers, a tree drawn in the NAME
/// column, MOUNTPOINTS one per line, and the JSON form with nested `children`.
final class LsblkTable {
    final class Line {
        let cells: [String]
        let sortKey: UInt64
        weak var parent: Line?
        var children: [Line] = []

        init(cells: [String], sortKey: UInt64, parent: Line?) {
            self.cells = cells
            self.sortKey = sortKey
            self.parent = parent
        }

        var isLastChild: Bool { parent?.children.last === self }
    }

    private let columns: [LsblkColumn]
    /// The column that draws the tree (the first NAME), when the table is a tree.
    private let treeColumn: Int?
    private let options: LsblkRenderer.Options
    private var lines: [Line] = []

    init(columns: [LsblkColumn], tree: Bool, options: LsblkRenderer.Options) {
        self.columns = columns
        self.treeColumn = tree ? columns.firstIndex(of: .name) : nil
        self.options = options
    }

    func add(_ line: Line) { lines.append(line) }

    // MARK: order

    /// Lines in printed order: a stable sort by device number of all lines, then of each line's children;
    /// a tree prints each root followed by its subtree.
    private func ordered() -> [Line] {
        func sort(_ list: [Line]) -> [Line] {
            list.enumerated().sorted { ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset) }.map(\.element)
        }
        let flat = sort(lines)
        guard treeColumn != nil else { return flat }
        for line in lines { line.children = sort(line.children) }
        var result: [Line] = []
        func walk(_ line: Line) {
            result.append(line)
            line.children.forEach(walk)
        }
        flat.filter { $0.parent == nil }.forEach(walk)
        return result
    }

    // MARK: text

    private var symbols: (branch: String, vertical: String, right: String) {
        options.ascii || !options.utf8 ? ("|-", "| ", "`-") : ("\u{251C}\u{2500}", "\u{2502} ", "\u{2514}\u{2500}")
    }

    /// The tree drawn before a line's name: a bar or blank for each ancestor below the root, then a branch.
    private func art(before line: Line) -> String {
        guard let parent = line.parent else { return "" }
        return art(continuing: parent) + (line.isLastChild ? symbols.right : symbols.branch)
    }

    /// The tree drawn under `line` on a continuation line.
    private func art(continuing line: Line) -> String {
        guard let parent = line.parent else { return "" }
        return art(continuing: parent) + (line.isLastChild ? "  " : symbols.vertical)
    }

    private struct Chunk {
        var text: String
        var width: Int
    }

    func text() -> String {
        let order = ordered()
        guard !order.isEmpty else { return "" }
        // Each cell as the lines it prints (one, except MOUNTPOINTS), safely encoded.
        let cells: [[[Chunk]]] = order.map { line in
            columns.indices.map { index in
                let prefix = index == treeColumn ? art(before: line) : ""
                let value = prefix + line.cells[index]
                let parts = columns[index].isMultiLine && !value.isEmpty
                    ? value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [value]
                return parts.map { part in
                    let encoded = LsblkText.safeEncoded(part, utf8: options.utf8)
                    return Chunk(text: encoded.text, width: encoded.width)
                }
            }
        }
        let widths: [Int] = columns.indices.map { index in
            let column = columns[index]
            let minimum = max(column.rawValue.count, 1)
            let widest = cells.map { $0[index].map(\.width).max() ?? 0 }.max() ?? 0
            if widest < minimum { return minimum }
            let hint = column.widthHint
            if hint >= 1, widest < Int(hint), minimum < Int(hint) { return Int(hint) }
            return widest
        }
        var out = ""
        func put(_ text: String, width textWidth: Int, column index: Int) {
            let last = index == columns.count - 1
            let right = columns[index].isRightAligned && index != treeColumn
            var width = widths[index]
            var used = textWidth
            if last && used < width && !right { width = used }
            if !text.isEmpty {
                if right && used < width {
                    out += String(repeating: " ", count: width - used)
                    used = width
                }
                out += text
            }
            if last { return }
            if used < width { out += String(repeating: " ", count: width - used) }
            out += " "
        }
        if !options.noHeadings {
            for index in columns.indices {
                let header = LsblkText.safeEncoded(columns[index].rawValue, utf8: options.utf8)
                put(header.text, width: header.width, column: index)
            }
            out += "\n"
        }
        for (line, lineCells) in zip(order, cells) {
            var pending: [[Chunk]] = lineCells.map { Array($0.dropFirst()) }
            for index in columns.indices {
                put(lineCells[index][0].text, width: lineCells[index][0].width, column: index)
            }
            // Continuation lines of multi-line cells; the other columns are blank but the tree goes on.
            while pending.contains(where: { !$0.isEmpty }) {
                out += "\n"
                for index in columns.indices {
                    if !pending[index].isEmpty {
                        let chunk = pending[index].removeFirst()
                        put(chunk.text, width: chunk.width, column: index)
                        continue
                    }
                    var blank = ""
                    if index == treeColumn {
                        blank = art(continuing: line)
                        if !line.children.isEmpty && pending.contains(where: { !$0.isEmpty }) { blank += symbols.vertical }
                    }
                    let last = index == columns.count - 1
                    out += blank
                    if last { continue }
                    out += String(repeating: " ", count: max(0, widths[index] - blank.unicodeScalars.count)) + " "
                }
            }
            out += "\n"
        }
        return out
    }

    // MARK: JSON

    func json() -> String {
        let order = ordered()
        var writer = LsblkJSONWriter()
        writer.openObject()
        writer.openArray("blockdevices")
        if treeColumn != nil {
            let roots = order.filter { $0.parent == nil }
            func write(_ line: Line) {
                writer.openObject()
                values(of: line, into: &writer)
                if !line.children.isEmpty {
                    writer.openArray("children")
                    line.children.forEach(write)
                    return
                }
                // A leaf closes its object and every enclosing one it is the last of.
                var current: Line? = line
                var last = false
                repeat {
                    guard let this = current else { break }
                    last = this.parent != nil ? this.isLastChild : this === roots.last
                    writer.closeObject()
                    if last && this.parent != nil { writer.closeArray() }
                    current = this.parent
                } while current != nil && last
            }
            roots.forEach(write)
        } else {
            for line in order {
                writer.openObject()
                values(of: line, into: &writer)
                writer.closeObject()
            }
        }
        writer.closeArray()
        writer.closeObject()
        return writer.output
    }

    private func values(of line: Line, into writer: inout LsblkJSONWriter) {
        for (column, value) in zip(columns, line.cells) {
            let name = column.rawValue
            switch column.jsonType(bytes: options.bytes) {
            case .string:
                writer.string(name, value)
            case .number:
                writer.raw(name, value)
            case .boolean:
                writer.boolean(name, !(value.isEmpty || value.hasPrefix("0") || value.hasPrefix("N") || value.hasPrefix("n")))
            case .strings:
                writer.openArray(name)
                for part in value.split(separator: "\n", omittingEmptySubsequences: false) { writer.string(nil, String(part)) }
                writer.closeArray()
            }
        }
    }
}
