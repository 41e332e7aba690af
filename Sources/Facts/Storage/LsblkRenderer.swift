/// `lsblk` (util-linux 2.38) output from the devices `LsblkReader` read: the same rows, order, tree and
/// layout, as lsblk writes them to a pipe or a file (a terminal's width is not applied). RackHD's catalog
/// runs `lsblk -o KNAME,TYPE,ROTA`.
public enum LsblkRenderer {
    public struct Options: Sendable, Equatable {
        /// `-o`: the columns, in order.
        public var columns: [LsblkColumn]
        /// `-l`: a list rather than a tree (each device once).
        public var list: Bool
        /// `-J`
        public var json: Bool
        /// `-b`: SIZE in bytes.
        public var bytes: Bool
        /// `-d`: whole devices only, without partitions or the devices stacked on them.
        public var noDependencies: Bool
        /// `-n`
        public var noHeadings: Bool
        /// `-p`: names as `/dev` paths.
        public var paths: Bool
        /// `-a`: RAM disks and empty loop devices too.
        public var all: Bool
        /// `-i`: tree lines in ASCII rather than box drawing.
        public var ascii: Bool
        /// The locale's character set is UTF-8: box drawing for the tree, and non-ASCII text printed as it
        /// is rather than as `\xHH` (as lsblk does in the C locale).
        public var utf8: Bool

        public init(
            columns: [LsblkColumn] = LsblkColumn.defaults, list: Bool = false, json: Bool = false, bytes: Bool = false,
            noDependencies: Bool = false, noHeadings: Bool = false, paths: Bool = false, all: Bool = false, ascii: Bool = false, utf8: Bool = false
        ) {
            self.columns = columns
            self.list = list
            self.json = json
            self.bytes = bytes
            self.noDependencies = noDependencies
            self.noHeadings = noHeadings
            self.paths = paths
            self.all = all
            self.ascii = ascii
            self.utf8 = utf8
        }
    }

    public static func render(_ devices: [LsblkDevice], options: Options) -> String {
        let table = LsblkTable(
            columns: options.columns, tree: !options.list && options.columns.contains(.name), options: options)
        for line in lines(devices, options: options) { table.add(line) }
        return options.json ? table.json() : table.text()
    }

    /// One line per device in lsblk's walk: each root (a whole device that stacks on none), then its
    /// partitions and the devices stacked on it (`holders/`), recursively; in a list each device once.
    static func lines(_ devices: [LsblkDevice], options: Options) -> [LsblkTable.Line] {
        let byName = Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func shown(_ device: LsblkDevice) -> Bool {
            // lsblk leaves out loop devices without a backing file unless asked for all.
            options.all || device.sizeBytes > 0 || device.major != 7 || device.hasBackingFile
        }
        func children(of device: LsblkDevice) -> [LsblkDevice] {
            guard !options.noDependencies else { return [] }
            var result = device.partitions.filter(shown)
            for name in device.holders {
                guard let holder = byName[name], shown(holder), !result.contains(where: { $0.name == name }) else { continue }
                result.append(holder)
            }
            return result
        }
        var lines: [LsblkTable.Line] = []
        var printed = Set<String>()
        // `path`: the devices above, so a holder loop in a copied tree cannot recurse for ever.
        func emit(_ device: LsblkDevice, parent: LsblkDevice?, parentLine: LsblkTable.Line?, path: Set<String>) {
            if options.list && printed.contains(device.name) { return }
            printed.insert(device.name)
            let parent = parent ?? device.wholeDisk.flatMap { byName[$0] }
            let line = LsblkTable.Line(
                cells: options.columns.map { $0.value(of: device, parent: parent, options: options) ?? "" },
                sortKey: device.deviceNumber, parent: parentLine)
            parentLine?.children.append(line)
            lines.append(line)
            for child in children(of: device) where !path.contains(child.name) {
                emit(child, parent: device, parentLine: line, path: path.union([child.name]))
            }
        }
        // Major 1 is the RAM disks, which lsblk excludes by default.
        for device in devices where (options.all || device.major != 1) && shown(device) && device.slaveCount == 0 {
            emit(device, parent: nil, parentLine: nil, path: [device.name])
        }
        return lines
    }
}
