import Logging

/// How the exchanges with the server are going, for both protocols' loops: one error line when they start
/// failing or fail differently (debug lines while the failure stays the same), one notice when the server
/// answers again, and the capped, jittered backoff delay before the next try.
struct ServerHealth {
    private var backoff: Backoff
    private var random = SystemRandomNumberGenerator()
    /// What the last failure was (HTTP status text, or the kind of failure); nil while exchanges succeed.
    private var lastProblem: String?

    init(retryMinimum: Double, retryMaximum: Double) {
        backoff = Backoff(minimum: retryMinimum, maximum: retryMaximum)
    }

    /// An exchange succeeded.
    mutating func succeeded(server: String, logger: Logger) {
        if lastProblem != nil { logger.notice("server answers again at \(server)") }
        lastProblem = nil
        backoff.reset()
    }

    /// An exchange failed; returns the seconds to wait before the next.
    mutating func failed(_ error: any Error, logger: Logger) -> Double {
        let state: String
        if let failure = error as? AgentHTTPClient.Failure {
            state = failure.kind == .httpStatus ? failure.detail : failure.kind.rawValue
        } else {
            state = "\(error)"
        }
        if lastProblem != state {
            logger.error("server exchange failed (\(error)); retrying with backoff, logged again when this changes")
            lastProblem = state
        } else {
            logger.debug("server exchange failed again (\(error))")
        }
        return backoff.nextDelay(using: &random)
    }
}
