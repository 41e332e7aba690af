/// Opens the name databases for one collector run, each at most once, and says which one named the
/// devices: hwdb when libudev and a hwdb.bin are there, else the first readable ids file, else ids only.
///
/// Not thread-safe (hwdb is not): each collector makes its own.
public final class DeviceNameResolver {
    public let options: NameDatabaseOptions
    public let collector: String
    /// What could not be opened and what was used instead.
    public private(set) var diagnostics: [Diagnostic] = []

    private var hwdbResult: Result<Hwdb, Hwdb.OpenError>?
    // One per bus (not a dictionary keyed by bus: see `HostRootResolver.Origins`).
    private var pci: (any IDNameLookup)?
    private var usb: (any IDNameLookup)?

    public init(options: NameDatabaseOptions, collector: String) {
        self.options = options
        self.collector = collector
    }

    public func lookup(_ bus: IDBus) -> any IDNameLookup {
        switch bus {
        case .pci:
            if pci == nil { pci = open(.pci) }
            return pci!
        case .usb:
            if usb == nil { usb = open(.usb) }
            return usb!
        }
    }

    private func open(_ bus: IDBus) -> any IDNameLookup {
        var why: String?
        if options.useHwdb {
            if hwdbResult == nil { hwdbResult = Hwdb.open(library: options.libudev) }
            switch hwdbResult! {
            case .success(let hwdb): return HwdbNames(bus: bus, hwdb: hwdb)
            case .failure(let error): why = error.description
            }
        } else {
            why = "hwdb not used"
        }
        var tried: [String] = []
        for path in options.idsPaths(bus) {
            do {
                let bytes = try HostFiles.readFile(path)
                diagnostics.append(Diagnostic(
                    collector: collector, path: path,
                    error: "\(why ?? "no hwdb"); \(bus.rawValue) names are read from this file"))
                return IDsFileNames(path: path, database: IDsDatabase(parsing: bytes))
            } catch {
                if case .notFound = error { tried.append(path) } else { tried.append("\(path) (\(error))") }
            }
        }
        diagnostics.append(Diagnostic(
            collector: collector,
            error: "\(why ?? "no hwdb") and no \(bus.idsFileName) (looked in \(tried.joined(separator: ", "))); \(bus.rawValue) devices are named by their ids only"))
        return BareIDs()
    }
}
