import Facts
import Logging
import ServiceLifecycle
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Microkernel loop as a service: check in every interval, act on the server's command, register when
/// the server asks, on the first checkin and whenever the facts changed; back off while the server is away.
final class HanlonAgent: Service, @unchecked Sendable {
    struct Options: Sendable {
        var sources: HanlonSettings.Sources
        var logLevelOverride: Logger.Level?
        var journal: Bool
        var retryMinimum: Double
        var retryMaximum: Double
        var action: NodeAction
    }

    private let options: Options
    private let client: HanlonClient
    private let spool: DeliverySpool
    private let notifier: SystemdNotifier
    private let collect: @Sendable () -> Facts
    private let started: ContinuousClock.Instant

    init(options: Options, client: HanlonClient, spool: DeliverySpool, notifier: SystemdNotifier,
         started: ContinuousClock.Instant, collect: @escaping @Sendable () -> Facts) {
        self.options = options
        self.client = client
        self.spool = spool
        self.notifier = notifier
        self.started = started
        self.collect = collect
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.loop() }
        } catch is CancellationError {
            // SIGTERM/SIGINT: the sleep or the call in flight was cancelled; the spool is consistent.
        }
        notifier.stopping()
    }

    private func makeLogger(_ settings: HanlonSettings) -> Logger {
        Logger(label: "mkagent") { _ in
            AgentLogHandler(logLevel: self.options.logLevelOverride ?? AgentLogHandler.level(settings.logLevel),
                            journal: self.options.journal)
        }
    }

    private func loop() async throws {
        var sources = options.sources
        var settings = try HanlonSettings(sources.merged)
        var logger = makeLogger(settings)
        var random = SystemRandomNumberGenerator()
        var health = ServerHealth(retryMinimum: options.retryMinimum, retryMaximum: options.retryMaximum)
        var readySent = false
        var firstCheckinDone = false

        logger.info("checking in at \(settings.checkinURL) every \(settings.checkinInterval) s; spool \(spool.directory)")
        if settings.checkinSkew > 0 {
            try await Task.sleep(for: .seconds(Double.random(in: 0...settings.checkinSkew, using: &random)))
        }

        while !Task.isCancelled {
            let iteration = ContinuousClock.now
            let facts = collect()
            let identity = NodeIdentity(facts: facts)
            let body: [UInt8]
            do {
                let attributes = try HanlonFlatFacts.excluding(HanlonFlatFacts.flatten(facts), pattern: settings.factExclusionPattern)
                body = try Self.registrationBody(identity: identity, attributes: attributes)
                if let item = try spool.collect(body) {
                    logger.info("facts changed: registration \(item.sequence) (digest \(item.digest), \(attributes.count) facts) spooled")
                }
            } catch {
                logger.error("cannot spool the registration: \(error)")
                throw error
            }

            var delay = settings.checkinInterval
            var outcome = "ok"
            do {
                let firstCheckin = spool.acknowledgedDigest == nil && !firstCheckinDone
                let reply = try await client.checkin(settings, identity: identity, firstCheckin: firstCheckin)
                outcome = "checkin \(reply.command ?? "(no command)")"
                if applyClientConfig(reply.clientConfig, sources: &sources, settings: &settings, logger: logger) {
                    logger = makeLogger(settings)
                }
                switch reply.command {
                case "register":
                    if let item = try? spool.collect(body, force: true) {
                        logger.info("server asked to register: registration \(item.sequence) spooled")
                    }
                case "reboot", "poweroff":
                    _ = options.action.perform(reply.command!, logger: logger)
                case "acknowledge", nil:
                    break
                default:
                    logger.warning("unknown command '\(reply.command!)' from the server; ignored")
                }
                try await deliverPending(settings, logger: logger)
                firstCheckinDone = true
                health.succeeded(server: settings.uri, logger: logger)
                delay = max(0, settings.checkinInterval - iteration.duration(to: .now).seconds)
            } catch let failure as HanlonClient.Failure {
                outcome = "\(failure)"
                delay = health.failed(failure, logger: logger)
            }

            let status = "\(outcome); \(spool.pending.count) registration(s) pending"
            if !readySent {
                notifier.ready(status: status)
                readySent = true
            } else {
                notifier.status(status)
            }
            try await notifier.sleepPingingWatchdog(delay)
        }
    }

    /// Sends the spooled registrations oldest first; stops at the first failure (the rest wait for it).
    private func deliverPending(_ settings: HanlonSettings, logger: Logger) async throws {
        for item in spool.pending {
            guard let body = spool.body(of: item) else { continue }
            try await client.register(settings, body: body)
            try spool.acknowledge(item)
            logger.info("registration \(item.sequence) (digest \(item.digest)) acknowledged \(Self.sinceStart(started)) after start")
        }
    }

    /// Applies `client_config` live; the server never sends mk_uri or the paths (they are derived on its
    /// side), and they are ignored if it does. Returns whether the settings changed.
    private func applyClientConfig(_ config: [String: String], sources: inout HanlonSettings.Sources,
                                   settings: inout HanlonSettings, logger: Logger) -> Bool {
        let offered = config.filter { $0.key.hasPrefix("mk_") && !["mk_uri", "mk_checkin_path", "mk_register_path"].contains($0.key) }
        guard offered != sources.server else { return false }
        var candidate = sources
        candidate.server = offered
        do {
            let updated = try HanlonSettings(candidate.merged)
            sources = candidate
            guard updated != settings else { return false }
            logger.info("client_config from the server: interval \(updated.checkinInterval) s, log level \(updated.logLevel)")
            settings = updated
            return true
        } catch {
            logger.error("client_config from the server rejected (\(error)); keeping the current settings")
            return false
        }
    }

    /// `{"attributes_hash":{…},"last_state":"idle","mac_id":…,"uuid":…}` with sorted keys, so equal facts
    /// give equal bytes (the spool compares digests).
    static func registrationBody(identity: NodeIdentity, attributes: [String: String]) throws -> [UInt8] {
        struct Body: Encodable {
            var uuid: String
            var mac_id: String
            var last_state = "idle"
            var attributes_hash: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(Body(uuid: identity.uuid, mac_id: identity.macID, attributes_hash: attributes)))
    }

    static func sinceStart(_ started: ContinuousClock.Instant) -> String {
        "\(Int(started.duration(to: .now).seconds * 1000)) ms"
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
