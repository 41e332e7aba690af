/// The per-CPU columns of `lscpu -e` and `lscpu -p`, with util-linux 2.38's names, alignment and JSON
/// types (including its slips: DRAWER and SCALMHZ% are JSON strings and keep their upper-case name in
/// `-p` headers, because their table rows shift the JSON type into the abbreviation flag).
public enum LscpuColumn: String, CaseIterable, Sendable {
    case bogomips = "BOGOMIPS"
    case cpu = "CPU"
    case core = "CORE"
    case socket = "SOCKET"
    case cluster = "CLUSTER"
    case node = "NODE"
    case book = "BOOK"
    case drawer = "DRAWER"
    case cache = "CACHE"
    case polarization = "POLARIZATION"
    case address = "ADDRESS"
    case configured = "CONFIGURED"
    case online = "ONLINE"
    case mhz = "MHZ"
    case scalingMHz = "SCALMHZ%"
    case maxMHz = "MAXMHZ"
    case minMHz = "MINMHZ"

    public enum JSONKind: Sendable { case string, number, boolean }

    var rightAligned: Bool {
        switch self {
        case .cache, .polarization, .address, .configured: return false
        default: return true
        }
    }

    /// Abbreviations keep their case in `-p` headers (`CPU`); other names become `Core`, `Socket`.
    var isAbbreviation: Bool {
        switch self {
        case .bogomips, .cpu, .drawer, .scalingMHz: return true
        default: return false
        }
    }

    var jsonKind: JSONKind {
        switch self {
        case .bogomips, .cpu, .core, .cluster, .socket, .node, .book, .mhz, .maxMHz, .minMHz: return .number
        case .configured, .online: return .boolean
        case .drawer, .cache, .polarization, .address, .scalingMHz: return .string
        }
    }

    /// `CPU,core,Socket` (any case, comma-separated), as lscpu's `--extended=LIST` takes it.
    public static func parseList(_ text: String) -> Result<[LscpuColumn], UnknownColumn> {
        var columns: [LscpuColumn] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: true) {
            guard let column = LscpuColumn(rawValue: name.uppercased()) else {
                return .failure(UnknownColumn(name: String(name)))
            }
            columns.append(column)
        }
        return .success(columns)
    }

    public struct UnknownColumn: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown column: \(name) (known: \(LscpuColumn.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
