import Foundation

/// What Tests/Harness/bmc gives ipmi_sim, read from the files themselves so that the tests compare mkagent
/// with the configuration and not with a copy of it: the LAN values of openipmi-lan-config, the users and
/// authentication types of openipmi-lan.conf, the Get Device ID values of openipmi-node.emu's mc_add.
struct OpenIPMIConfiguration {
    struct User: Equatable {
        var id: Int
        var enabled: Bool
        var name: String
        /// ipmi_sim's word: callback, user, operator, admin.
        var privilege: String
    }

    struct Controller {
        var deviceID: Int
        var deviceRevision: Int
        var firmware: String
        var manufacturerID: Int
        var productID: Int
    }

    /// `ip_addr`, `ip_addr_src`, `mac_addr`, `subnet_mask`, `default_gw_ip_addr`, ... as the LAN
    /// configuration program prints them.
    let lan: [String: String]
    let users: [User]
    /// Enabled authentication types by level (callback, user, operator, admin) in ipmitool's words.
    let authTypes: [String: [String]]
    let controller: Controller

    init(directory: URL = OpenIPMINode.directory) throws {
        func read(_ name: String) throws -> [Substring] {
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        }
        func words(_ line: Substring) -> [Substring] { line.split(separator: " ", omittingEmptySubsequences: true) }

        // "        ip_addr) value=192.168.77.41 ;;"
        lan = Dictionary(try read("openipmi-lan-config").compactMap { line -> (String, String)? in
            let parts = words(line)
            guard parts.count >= 2, parts[0].hasSuffix(")"), parts[1].hasPrefix("value=") else { return nil }
            return (String(parts[0].dropLast()), String(parts[1].dropFirst("value=".count)))
        }) { first, _ in first }

        let conf = try read("openipmi-lan.conf").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") }
        // user ID ENABLED "NAME" "PASSWORD" PRIVILEGE SESSIONS AUTHS...
        users = conf.filter { $0.hasPrefix("user ") }.compactMap { line in
            let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
            let head = quoted[0].split(separator: " ")
            guard quoted.count >= 5, head.count == 3, let id = Int(head[1]) else { return nil }
            return User(id: id, enabled: head[2] == "true", name: String(quoted[1]),
                        privilege: String(quoted[4].split(separator: " ").first ?? ""))
        }
        let names = ["none": "NONE", "md2": "MD2", "md5": "MD5", "straight": "PASSWORD"]
        authTypes = Dictionary(conf.filter { $0.hasPrefix("allowed_auths_") }.map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0].dropFirst("allowed_auths_".count)), parts.dropFirst().compactMap { names[String($0)] })
        }) { first, _ in first }

        // mc_add IPMB DEVICE-ID SDRS REVISION FW-MAJOR FW-MINOR SUPPORT MANUFACTURER PRODUCT, all hexadecimal.
        guard let mc = try read("openipmi-node.emu").first(where: { $0.hasPrefix("mc_add ") }).map(words), mc.count >= 10 else {
            throw Harness.Failure(description: "openipmi-node.emu has no mc_add line")
        }
        func hex(_ index: Int) -> Int { Int(mc[index].replacingOccurrences(of: "0x", with: ""), radix: 16) ?? -1 }
        controller = Controller(deviceID: hex(2), deviceRevision: hex(4), firmware: "\(hex(5)).\(mc[6].suffix(2))",
                                manufacturerID: hex(8), productID: hex(9))
    }

    /// ipmitool's name for ipmi_sim's privilege word.
    static let privilegeNames = ["callback": "CALLBACK", "user": "USER", "operator": "OPERATOR", "admin": "ADMINISTRATOR"]
}
