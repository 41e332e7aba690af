/// The parts of s390's `/proc/sysinfo` that describe CPUs: the machine type, the topology the
/// firmware reports (sysfs masks are virtual there), and the hypervisors the system runs under.
public struct S390Sysinfo: Sendable, Equatable {
    /// `Type:` — the machine type number (`2964` is a z13).
    public var machineType: String?
    /// `CPU Topology SW:` — drawers per system, books per drawer, sockets per book, cores per socket.
    public var topology: (drawers: Int, booksPerDrawer: Int, socketsPerBook: Int, coresPerSocket: Int)?
    /// `VMnn Control Program:` values, outermost first (`KVM/Linux`, `z/VM 6.4.0`).
    public var controlPrograms: [String]

    public static func == (a: S390Sysinfo, b: S390Sysinfo) -> Bool {
        a.machineType == b.machineType && a.controlPrograms == b.controlPrograms
            && a.topology.map { [$0.drawers, $0.booksPerDrawer, $0.socketsPerBook, $0.coresPerSocket] }
                == b.topology.map { [$0.drawers, $0.booksPerDrawer, $0.socketsPerBook, $0.coresPerSocket] }
    }

    public static func parse(_ text: String) -> S390Sysinfo {
        var result = S390Sysinfo(machineType: nil, topology: nil, controlPrograms: [])
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace
            let value = String(line[line.index(after: colon)...])
            if key == "Type" && result.machineType == nil {
                let trimmed = value.trimmingWhitespace
                if !trimmed.isEmpty { result.machineType = trimmed }
            } else if key == "CPU Topology SW" && result.topology == nil {
                let numbers = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
                if numbers.count >= 6, numbers[2...5].allSatisfy({ $0 >= 0 }) {
                    result.topology = (numbers[2], numbers[3], numbers[4], numbers[5])
                }
            } else if key.hasSuffix("Control Program") {
                // util-linux normalizes the value's white space: `z/VM    6.4.0   ` is `z/VM 6.4.0`.
                let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
                result.controlPrograms.append(words.joined(separator: " "))
            }
        }
        return result
    }
}
