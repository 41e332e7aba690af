/// The `mk_*` settings the agent runs with, resolved from every source (see `HanlonSettings.Sources`).
struct HanlonSettings: Equatable, Sendable {
    var uri: String
    var checkinPath: String
    var registerPath: String
    /// Seconds between checkins; fractions allowed (tests run at tens of milliseconds).
    var checkinInterval: Double
    /// Maximum random delay before the first checkin, seconds.
    var checkinSkew: Double
    /// `Logger::ERROR` style, as the server sends it.
    var logLevel: String
    var factExclusionPattern: String

    var checkinURL: String { uri + checkinPath }
    var registerURL: String { uri + registerPath }

    /// The server's defaults (`hickey/Hanlon:core/config/server.rb`).
    static let defaults: [String: String] = [
        "mk_checkin_path": "/hanlon/api/v1/node/checkin",
        "mk_register_path": "/hanlon/api/v1/node/register",
        "mk_checkin_interval": "60",
        "mk_checkin_skew": "5",
        "mk_log_level": "Logger::ERROR",
        "mk_fact_excl_pattern": defaultFactExclusionPattern,
    ]

    static let defaultFactExclusionPattern =
        "(^facter.*$)|(^id$)|(^kernel.*$)|(^memoryfree$)|(^memoryfree_mb$)|(^operating.*$)|(^osfamily$)|(^path$)|(^ps$)|(^ruby.*$)|(^selinux$)|(^ssh.*$)|(^swap.*$)|(^timezone$)|(^uniqueid$)|(^.*uptime.*$)|(.*json_str$)"

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// Validates a merged key map.
    init(_ values: [String: String]) throws {
        guard let uri = values["mk_uri"], !uri.isEmpty else {
            throw Invalid(description: "no Hanlon server: set mk_uri in mk_conf.yaml, pass --server URL or MKAGENT_MK_URI, or boot with hanlon.ip= / hanlon.server=")
        }
        guard uri.hasPrefix("http://") || uri.hasPrefix("https://") else {
            throw Invalid(description: "mk_uri '\(uri)' is not an http:// or https:// URL")
        }
        self.uri = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        checkinPath = values["mk_checkin_path"] ?? Self.defaults["mk_checkin_path"]!
        registerPath = values["mk_register_path"] ?? Self.defaults["mk_register_path"]!
        func seconds(_ key: String, allowZero: Bool) throws -> Double {
            let text = values[key] ?? Self.defaults[key]!
            guard let value = Double(text), value.isFinite, allowZero ? value >= 0 : value > 0 else {
                throw Invalid(description: "\(key) '\(text)' is not a \(allowZero ? "non-negative" : "positive") number of seconds")
            }
            return value
        }
        checkinInterval = try seconds("mk_checkin_interval", allowZero: false)
        checkinSkew = try seconds("mk_checkin_skew", allowZero: true)
        logLevel = values["mk_log_level"] ?? Self.defaults["mk_log_level"]!
        factExclusionPattern = values["mk_fact_excl_pattern"] ?? Self.defaults["mk_fact_excl_pattern"]!
        do {
            _ = try Regex(factExclusionPattern)
        } catch {
            throw Invalid(description: "mk_fact_excl_pattern is not a valid regular expression: \(error)")
        }
    }

    /// Every place a setting can come from, highest precedence first when merged by `merged`.
    ///
    /// flags > environment (`MKAGENT_MK_*`) > the server's `client_config` > mk_conf.yaml > kernel command
    /// line > defaults. `client_config` ranks above the file because the old agent merged it into
    /// mk_conf.yaml (`/setMkConfig`) and restarted: the server's newest word replaced the file's.
    struct Sources: Sendable {
        var flags: [String: String] = [:]
        var environment: [String: String] = [:]
        var server: [String: String] = [:]
        var file: [String: String] = [:]
        var commandLine: [String: String] = [:]

        var merged: [String: String] {
            var result = HanlonSettings.defaults
            for layer in [commandLine, file, server, environment, flags] {
                result.merge(layer) { $1 }
            }
            return result
        }

        /// `MKAGENT_MK_URI=...` sets `mk_uri`, `MKAGENT_MK_CHECKIN_INTERVAL` sets `mk_checkin_interval`, ...
        static func fromEnvironment(_ environment: [String: String]) -> [String: String] {
            var result: [String: String] = [:]
            for (name, value) in environment where name.hasPrefix("MKAGENT_MK_") {
                result[String(name.dropFirst("MKAGENT_".count)).lowercased()] = value
            }
            return result
        }

        /// Legacy (v2, TinyCore) discovery from the kernel command line: `hanlon.ip=` (else `hanlon.server=`,
        /// a DNS name), `hanlon.port=` (8026), `hanlon.base_uri=` (/hanlon/api/v1). Nothing when neither a
        /// server address nor name is given.
        static func fromKernelCommandLine(_ value: (String) -> String?) -> [String: String] {
            guard let host = value("hanlon.ip") ?? value("hanlon.server"), !host.isEmpty else { return [:] }
            let port = value("hanlon.port").flatMap { $0.isEmpty ? nil : $0 } ?? "8026"
            var base = value("hanlon.base_uri").flatMap { $0.isEmpty ? nil : $0 } ?? "/hanlon/api/v1"
            if base.hasSuffix("/") { base.removeLast() }
            if !base.hasPrefix("/") { base = "/" + base }
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return [
                "mk_uri": "http://\(bracketed):\(port)",
                "mk_checkin_path": base + "/node/checkin",
                "mk_register_path": base + "/node/register",
            ]
        }
    }
}
