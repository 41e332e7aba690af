/// The ipmitool parsers: `lan print [N]`, `user summary N`, `-c user list N` (sources named by channel,
/// channel 3 being the RMM's), `sel`, `sel list -c`, `fru`, `mc info`.
enum RackHDIPMIParsers {
    enum ChannelCommand { case userList, userSummary, lanPrint }

    /// The pattern parsers, in command-parser.js's order: `^sudo ipmitool -c user list \d+$`,
    /// `^sudo ipmitool user summary \d+$`, `^sudo ipmitool lan print\s?\d?\d?$`.
    static func channelCommand(_ cmd: String) -> (kind: ChannelCommand, channel: String?)? {
        func digits(after prefix: String, optionalSpace: Bool, maxDigits: Int?) -> Bool {
            guard cmd.hasPrefix(prefix) else { return false }
            var rest = Substring(cmd.dropFirst(prefix.count))
            if optionalSpace, let first = rest.first, first.isWhitespace { rest = rest.dropFirst() }
            guard rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            if let maxDigits { return rest.count <= maxDigits }
            return !rest.isEmpty
        }
        let channel = JSString.firstNumber(cmd)
        if digits(after: "sudo ipmitool -c user list ", optionalSpace: false, maxDigits: nil) { return (.userList, channel) }
        if digits(after: "sudo ipmitool user summary ", optionalSpace: false, maxDigits: nil) { return (.userSummary, channel) }
        if digits(after: "sudo ipmitool lan print", optionalSpace: true, maxDigits: 2) { return (.lanPrint, channel) }
        return nil
    }

    /// `bmc`, `bmc-N`, and `rmm` for channel 3 (likewise `ipmi-user-list-N`, `rmm-user-list`).
    static func source(_ base: String, rmm: String, channel: String?) -> String {
        guard let channel else { return base }
        return channel == "3" ? rmm : "\(base)-\(channel)"
    }

    /// Lines holding ` : `, split on it, the first two pieces trimmed.
    static func keyValueLines(_ stdout: String) -> [[String]] {
        JSString.split(stdout, "\n").filter { !$0.isEmpty && $0.contains(" : ") }.map { line in
            var pieces = JSString.split(line, " : ")
            pieces[0] = JSString.trim(pieces[0])
            pieces[1] = JSString.trim(pieces[1])
            return pieces
        }
    }

    static func lanPrint(_ stdout: String, channel: String?) -> RackHDCatalog {
        let source = source("bmc", rmm: "rmm", channel: channel)
        if stdout.isEmpty { return RackHDCatalog(source: source, data: .string(""), store: false) }
        let parsed = JSObject()
        for line in keyValueLines(stdout) {
            if line.count == 3 {
                if line[0] == "Auth Type Enable" {
                    if !parsed.has("Auth Type Enable") { parsed["Auth Type Enable"] = .newObject() }
                    parsed["Auth Type Enable"].objectValue?[line[1]] = .string(line[2])
                } else if line[0].isEmpty, parsed.has("Auth Type Enable") {
                    parsed["Auth Type Enable"].objectValue?[line[1]] = .string(line[2])
                }
            } else if line[0] == "Cipher Suite Priv Max" {
                if !parsed.has("Cipher Suite Priv Max") { parsed["Cipher Suite Priv Max"] = .newArray() }
                parsed["Cipher Suite Priv Max"].arrayValue?.items.append(.string(line[1]))
            } else if line[0].isEmpty, parsed.has("Cipher Suite Priv Max") {
                parsed["Cipher Suite Priv Max"].arrayValue?.items.append(.string(line[1]))
            } else {
                parsed[line[0]] = .string(line[1])
            }
        }
        let store = parsed["MAC Address"].string != "00:00:00:00:00:00"
        var catalog = RackHDCatalog(source: source, data: .object(parsed), store: store)
        if parsed["IP Address"].string != "0.0.0.0" {
            let lookup = JSObject()
            lookup["ip"] = parsed["IP Address"]
            lookup["mac"] = parsed["MAC Address"]
            catalog.lookups = .newArray([.object(lookup)])
        }
        return catalog
    }

    static func userSummary(_ stdout: String, channel: String?) -> RackHDCatalog {
        let source = source("ipmi-user-summary", rmm: "rmm-user-summary", channel: channel)
        if stdout.isEmpty { return RackHDCatalog(source: source, data: .string(""), store: false) }
        let parsed = JSObject()
        for line in keyValueLines(stdout) { parsed[line[0]] = .string(line[1]) }
        return RackHDCatalog(source: source, data: .object(parsed), store: true)
    }

    static let userListHeader = ["ID", "Name", "Callin", "Link Auth", "IPMI Msg", "Channel Priv Limit"]

    static func userList(_ stdout: String, channel: String?) -> RackHDCatalog {
        let source = source("ipmi-user-list", rmm: "rmm-user-list", channel: channel)
        if stdout.isEmpty { return RackHDCatalog(source: source, data: .string(""), store: false) }
        let parsed = JSObject()
        for line in JSString.split(stdout, "\n") where !line.isEmpty {
            let columns = JSString.split(line, ",")
            let user = parsed[columns[0]].objectValue ?? JSObject()
            parsed[columns[0]] = .object(user)
            for (index, title) in userListHeader.enumerated() {
                user[title] = index < columns.count ? .string(columns[index]) : .undefined
            }
        }
        return RackHDCatalog(source: source, data: .object(parsed), store: true)
    }

    /// `sudo ipmitool sel`: the first line (`SEL Information`) dropped, then `Key : Value`.
    static func selInformation(_ stdout: String) -> RackHDCatalog {
        var lines = JSString.split(JSString.trim(stdout), "\n")
        lines.removeFirst()
        let parsed = JSObject()
        for line in lines {
            let split = JSString.split(line, " : ")
            guard split.count >= 2 else {
                return .failed("ipmi-sel-information", JSTypeError("Cannot read properties of undefined (reading 'trim'): \(line)"))
            }
            parsed[JSString.trim(split[0])] = .string(JSString.trim(split[1]))
        }
        return RackHDCatalog(source: "ipmi-sel-information", data: .object(parsed), store: true)
    }

    /// `sudo ipmitool sel list -c`: CSV lines keyed by their first column.
    static func selList(_ stdout: String) -> RackHDCatalog {
        let parsed = JSObject()
        for line in JSString.split(stdout, "\n") where !line.isEmpty {
            let split = JSString.split(line, ",")
            parsed[split[0]] = .newArray(split.dropFirst().map(JSValue.string))
        }
        return RackHDCatalog(source: "ipmi-sel", data: .object(parsed), store: true)
    }

    /// Non-empty lines split on `:` (only the text up to a second colon kept), both sides trimmed.
    static func colonLines(_ stdout: String) -> [(String, String)] {
        JSString.split(stdout, "\n").filter { !$0.isEmpty }.map { line in
            let split = JSString.split(line, ":")
            return (JSString.trim(split[0]), split.count > 1 ? JSString.trim(split[1]) : "")
        }
    }

    /// `sudo ipmitool fru`: a block per `FRU Device Description`.
    static func fru(_ stdout: String) -> RackHDCatalog {
        let parsed = JSObject()
        var key: String?
        for (name, value) in colonLines(stdout) {
            if name == "FRU Device Description" {
                key = value
                parsed[value] = .newObject()
            } else {
                // A line before the first description sets a property of `parsed[undefined]`.
                guard let object = parsed[key ?? "undefined"].objectValue else {
                    return .failed("ipmi-fru", JSTypeError("Cannot set properties of undefined (setting '\(name)')"))
                }
                object[name] = .string(value)
            }
        }
        return RackHDCatalog(source: "ipmi-fru", data: .object(parsed), store: true)
    }

    /// `sudo ipmitool mc info`: `Key : Value`, and the indented lists after `Additional Device Support`
    /// and `Aux Firmware Rev Info` (every line after such a heading goes to its list).
    static func mcInfo(_ stdout: String) -> RackHDCatalog {
        guard !stdout.isEmpty else { return RackHDCatalog(source: "ipmi-mc-info", error: "no stdout returned from command") }
        let parsed = JSObject()
        for (name, value) in colonLines(stdout) {
            if name == "Additional Device Support" {
                parsed[name] = .newArray()
            } else if name == "Aux Firmware Rev Info" {
                parsed[name] = .newArray()
            } else if let list = parsed["Aux Firmware Rev Info"].arrayValue {
                list.items.append(.string(name))
            } else if let list = parsed["Additional Device Support"].arrayValue {
                list.items.append(.string(name))
            } else {
                parsed[name] = .string(value)
            }
        }
        return RackHDCatalog(source: "ipmi-mc-info", data: .object(parsed), store: true)
    }
}
