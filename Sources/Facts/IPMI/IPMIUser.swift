/// Get User Access and Get User Name (App netfn, cmds 0x44/0x46; IPMI 2.0 sections 22.27, 22.29): what
/// `ipmitool user summary N` and `ipmitool user list N` show.
public struct IPMIUserSummary: Sendable, Equatable, Codable {
    public var channel: UInt8
    public var maximumUsers: UInt8
    public var enabledUserCount: UInt8
    public var fixedNameCount: UInt8
}

public struct IPMIUser: Sendable, Equatable, Codable {
    public var id: UInt8
    public var name: String
    /// False when the user may only be called back (the access byte's "callback only" bit).
    public var callin: Bool
    public var linkAuthentication: Bool
    public var ipmiMessaging: Bool
    /// The channel privilege limit: 1 callback ... 5 OEM, 15 no access.
    public var privilegeLimit: UInt8
    /// ipmitool's name for it: CALLBACK, USER, OPERATOR, ADMINISTRATOR, OEM, NO ACCESS.
    public var privilegeName: String

    public static func accessRequest(channel: UInt8, user: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x44, data: [channel & 0x0F, user & 0x3F])
    }

    public static func nameRequest(user: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x46, data: [user & 0x3F])
    }

    public static func summary(channel: UInt8, access data: [UInt8]) throws(IPMIError) -> IPMIUserSummary {
        guard data.count >= 4 else {
            throw .malformed(what: "Get User Access", detail: "response has \(data.count) data bytes, 4 expected")
        }
        return IPMIUserSummary(channel: channel, maximumUsers: data[0] & 0x3F, enabledUserCount: data[1] & 0x3F,
                               fixedNameCount: data[2] & 0x3F)
    }

    public init(id: UInt8, access data: [UInt8], name nameData: [UInt8]) throws(IPMIError) {
        guard data.count >= 4 else {
            throw .malformed(what: "Get User Access \(id)", detail: "response has \(data.count) data bytes, 4 expected")
        }
        self.id = id
        var text = ""
        for byte in nameData.prefix(16).prefix(while: { $0 != 0 }) { text.unicodeScalars.append(Unicode.Scalar(byte)) }
        name = text
        callin = data[3] & 0x40 == 0
        linkAuthentication = data[3] & 0x20 != 0
        ipmiMessaging = data[3] & 0x10 != 0
        privilegeLimit = data[3] & 0x0F
        privilegeName = Self.privilegeNames[privilegeLimit] ?? "Unknown (0x\(IPMIHex.byte(privilegeLimit)))"
    }

    static let privilegeNames: [UInt8: String] = [
        1: "CALLBACK", 2: "USER", 3: "OPERATOR", 4: "ADMINISTRATOR", 5: "OEM", 0x0F: "NO ACCESS",
    ]

    /// The channel's summary and every user id from 1 to its maximum.
    public static func readAll(channel: UInt8, from transport: some IPMITransport) throws(IPMIError) -> (IPMIUserSummary, [IPMIUser]) {
        let first = try transport.call(accessRequest(channel: channel, user: 1))
        let summary = try summary(channel: channel, access: first)
        var users: [IPMIUser] = []
        for id in 1...max(1, summary.maximumUsers) {
            let access = id == 1 ? first : try transport.call(accessRequest(channel: channel, user: id))
            let name = (try? transport.call(nameRequest(user: id))) ?? []
            users.append(try IPMIUser(id: id, access: access, name: name))
        }
        return (summary, users)
    }
}
