/// An interface as the LLDP listener needs it: whether it is up, loopback or Ethernet (`SYS/class/net/NAME`).
public struct LLDPInterface: Sendable, Equatable {
    public var name: String
    public var index: Int32
    /// IFF_UP: administratively up.
    public var isUp: Bool
    public var isLoopback: Bool
    /// ARPHRD type 1: Ethernet (and Ethernet-like: veth, bonds, bridges, VLANs), the links LLDP runs on.
    public var isEthernet: Bool
    public var mac: String?

    public init(name: String, index: Int32, isUp: Bool, isLoopback: Bool, isEthernet: Bool, mac: String? = nil) {
        self.name = name
        self.index = index
        self.isUp = isUp
        self.isLoopback = isLoopback
        self.isEthernet = isEthernet
        self.mac = mac
    }

    /// Every interface under `SYS/class/net`, sorted by name; an interface whose attributes cannot be read
    /// is left out with a diagnostic.
    public static func all(_ files: HostFiles, collector: String = "lldp") -> ([LLDPInterface], [Diagnostic]) {
        let names: [String]
        do {
            names = try files.list(.sys, "class/net")
        } catch {
            return ([], [Diagnostic(collector: collector, path: error.path, error: "cannot list network interfaces: \(error)", severity: .error)])
        }
        var result: [LLDPInterface] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            do {
                let index = Int32(try files.text(.sys, "class/net/\(name)/ifindex").trimmingCharacters(in: .whitespaces)) ?? 0
                let flagsText = try files.text(.sys, "class/net/\(name)/flags")
                let flags = UInt32(flagsText.hasPrefix("0x") ? flagsText.dropFirst(2) : Substring(flagsText), radix: 16) ?? 0
                let type = Int(try files.text(.sys, "class/net/\(name)/type")) ?? 0
                let mac = try? files.text(.sys, "class/net/\(name)/address")
                result.append(LLDPInterface(
                    name: name, index: index, isUp: flags & 0x1 != 0, isLoopback: flags & 0x8 != 0 || type == 772,
                    isEthernet: type == 1, mac: mac))
            } catch {
                diagnostics.append(Diagnostic(collector: collector, path: error.path, error: "cannot read interface \(name): \(error); skipped"))
            }
        }
        return (result, diagnostics)
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

private extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\n"]
}
