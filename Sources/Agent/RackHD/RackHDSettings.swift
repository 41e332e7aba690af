import Facts

/// Where the RackHD server is and which node this is, from (highest first) flags, the environment the
/// RancherOS-style container gets (`SERVER`, `PORT`, `MAC`), the kernel command line of the overlay-style
/// microkernel (`API_CB=host:port`, `BOOTIF=01-aa-bb-cc-dd-ee-ff`), and for the MAC finally this node's
/// first physical Ethernet interface.
struct RackHDSettings: Equatable, Sendable {
    /// `http://host:port`, no trailing slash.
    var server: String
    /// Lower-case, colon-separated; nil when only `--node-id` is known.
    var mac: String?
    /// The node's id when given (`--node-id`); otherwise asked from the server with the MAC.
    var nodeID: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Inputs {
        var serverFlag: String?
        var macFlag: String?
        var nodeIDFlag: String?
        var environment: [String: String] = [:]
        var commandLine: KernelCommandLine?
        /// The first physical Ethernet interface's MAC, asked for only when the other sources have none
        /// and no node id is given (finding it means reading the network).
        var fallbackMAC: () -> String? = { nil }
    }

    init(server: String, mac: String?, nodeID: String?) {
        self.server = server
        self.mac = mac
        self.nodeID = nodeID
    }

    init(_ inputs: Inputs) throws(Failure) {
        let environment = inputs.environment.filter { !$0.value.isEmpty }
        if let flag = inputs.serverFlag {
            server = try Self.baseURL(flag, what: "--server")
        } else if let host = environment["SERVER"] {
            server = try Self.baseURL(host + (environment["PORT"].map { ":" + $0 } ?? ""), what: "SERVER/PORT")
        } else if let callback = inputs.commandLine?.value(of: "API_CB"), !callback.isEmpty {
            server = try Self.baseURL(callback, what: "API_CB=")
        } else {
            throw Failure(description: "no RackHD server: give --server, the SERVER and PORT environment variables, or API_CB=host:port on the kernel command line")
        }
        nodeID = inputs.nodeIDFlag.flatMap { $0.isEmpty ? nil : $0 }
        if let flag = inputs.macFlag {
            guard let mac = Self.normalizedMAC(flag) else { throw Failure(description: "--mac '\(flag)' is not a MAC address") }
            self.mac = mac
        } else if let variable = environment["MAC"] {
            guard let mac = Self.normalizedMAC(variable) else { throw Failure(description: "MAC='\(variable)' is not a MAC address") }
            self.mac = mac
        } else if let bootif = inputs.commandLine?.value(of: "BOOTIF") {
            guard let mac = Self.macFromBOOTIF(bootif) else { throw Failure(description: "BOOTIF=\(bootif) is not a MAC address") }
            self.mac = mac
        } else {
            mac = nodeID == nil ? inputs.fallbackMAC().flatMap(Self.normalizedMAC) : nil
        }
        if mac == nil && nodeID == nil {
            throw Failure(description: "no MAC address to identify this node: give --mac, MAC=, BOOTIF= on the kernel command line, or --node-id")
        }
    }

    /// `host`, `host:port` or a URL; a bare host gets port 80 (the server's `apiServerPort` default).
    static func baseURL(_ text: String, what: String) throws(Failure) -> String {
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
            guard trimmed.split(separator: "/").count >= 2 else { throw Failure(description: "\(what) '\(text)' has no host") }
            return trimmed
        }
        guard !trimmed.isEmpty, !trimmed.contains("/") else { throw Failure(description: "\(what) '\(text)' is not host[:port] or a URL") }
        return "http://" + trimmed
    }

    /// `aa:bb:cc:dd:ee:ff` from any case, `-` or `:` separated.
    static func normalizedMAC(_ text: String) -> String? {
        let parts = text.lowercased().split(whereSeparator: { $0 == ":" || $0 == "-" })
        guard parts.count == 6, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return parts.joined(separator: ":")
    }

    /// PXELINUX/iPXE's `BOOTIF=01-aa-bb-cc-dd-ee-ff`: the ARP hardware type (01, Ethernet), then the MAC.
    static func macFromBOOTIF(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        if parts.count == 7 { return normalizedMAC(parts.dropFirst().joined(separator: ":")) }
        return normalizedMAC(text)
    }
}
