import Foundation

/// One test's server, fixture host, spool and agent, wired with sub-second intervals.
final class HanlonHarness {
    let server: HanlonTestServer
    let host: FixtureHost
    let scratch: ScratchDirectory
    var agent: RunningAgent?
    var runs = 0

    var spool: String { scratch.path + "/spool" }
    var confPath: String { scratch.path + "/mk_conf.yaml" }
    var actionLog: String { scratch.path + "/actions.log" }

    init(interval: Double = 0.1, server: HanlonTestServer? = nil) throws {
        self.server = try server ?? HanlonTestServer()
        host = try FixtureHost()
        scratch = try ScratchDirectory()
        // The server's client_config outranks mk_conf.yaml, as it did in the old agent.
        self.server.setClientConfig("mk_checkin_interval", interval)
        try writeConf(interval: interval)
        let script = scratch.path + "/action.sh"
        try "#!/bin/sh\necho \"$1\" >> '\(actionLog)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
    }

    func writeConf(interval: Double) throws {
        let text = """
            ---
            mk_uri: \(server.baseURL)
            mk_checkin_path: /hanlon/api/v1/node/checkin
            mk_register_path: /hanlon/api/v1/node/register
            mk_checkin_interval: \(interval)
            mk_checkin_skew: 0
            mk_log_level: Logger::ERROR
            mk_fact_excl_pattern: \(HanlonSettingsText.defaultPattern)

            """
        try text.write(toFile: confPath, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func startAgent(extra: [String] = [], environment: [String: String] = [:], fixtureRoot: Bool = true, logLevel: String = "info", wrapper: [String] = []) throws -> RunningAgent {
        runs += 1
        let arguments = [
            "--mk-conf", confPath, "--spool-dir", spool, "--checkin-skew", "0",
            "--retry-min", "0.05", "--retry-max", "0.2", "--request-timeout", "0.5", "--log-level", logLevel,
            "--action", "command:" + scratch.path + "/action.sh",
        ] + (fixtureRoot ? ["--root", host.path] : []) + extra
        let started = try RunningAgent(arguments, environment: environment, logPath: scratch.path + "/agent-\(runs).log", wrapper: wrapper)
        agent = started
        return started
    }

    /// Every registration the agent spooled (from its log, over all runs) was answered 200 exactly once,
    /// and the server answered 200 to no other registration: none lost, none sent again after its
    /// acknowledgment.
    func deliveryIsExact() -> (Bool, String) {
        let logs = (1...max(runs, 1)).map { (try? String(contentsOfFile: scratch.path + "/agent-\($0).log", encoding: .utf8)) ?? "" }
        let spooled = logs.joined().components(separatedBy: "\n").filter { $0.contains("registration") && $0.hasSuffix("spooled") }
        let accepted = server.registrations.filter { $0.answered == 200 }
        var perBody: [Data: Int] = [:]
        for r in accepted { perBody[r.body, default: 0] += 1 }
        let ok = accepted.count == spooled.count && perBody.values.allSatisfy { $0 == 1 }
        return (ok, "spooled \(spooled.count), answered 200: \(accepted.count), distinct bodies \(perBody.count); all register requests: \(server.registrations.map { "\($0.answered)/\($0.fault)" })")
    }
}

enum HanlonSettingsText {
    static let defaultPattern =
        "(^facter.*$)|(^id$)|(^kernel.*$)|(^memoryfree$)|(^memoryfree_mb$)|(^operating.*$)|(^osfamily$)|(^path$)|(^ps$)|(^ruby.*$)|(^selinux$)|(^ssh.*$)|(^swap.*$)|(^timezone$)|(^uniqueid$)|(^.*uptime.*$)|(.*json_str$)"
}

extension HanlonTestServer.Request {
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    var attributes: [String: String] { (json?["attributes_hash"] as? [String: Any])?.mapValues { "\($0)" } ?? [:] }
}
