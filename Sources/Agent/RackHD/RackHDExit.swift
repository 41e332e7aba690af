import Facts
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// What the overlay's rc.local and the container's cloud-config do with the runner's exit code, done by
/// mkagent itself when it has no wrapper (PID 1, or `--on-exit act`): 127 keeps the node up, 2 power-cycles
/// it through the BMC (a reboot where there is none), anything else reboots it.
struct RackHDExit: Sendable {
    var action: NodeAction
    var files: HostFiles

    /// Acts on `code`; as PID 1 then waits (for the reboot, or for ever) until cancelled (SIGTERM).
    func perform(_ code: Int32, logger: Logger) async throws {
        switch code {
        case 127:
            logger.notice("exit 127: staying up")
        case 2 where powerCycle(logger: logger):
            logger.notice("exit 2: power cycle requested from the BMC")
        default:
            logger.notice("exit \(code): rebooting")
            if !action.perform("reboot", logger: logger) { logger.error("reboot failed") }
        }
        if getpid() == 1 { try await idleForever() }
    }

    /// Chassis Control, power cycle (IPMI 2.0 section 28.3); false when there is no BMC or it refuses.
    private func powerCycle(logger: Logger) -> Bool {
        if case .dryRun = action {
            logger.notice("exit 2: --dry-run-actions: not power-cycling")
            return true
        }
        do {
            let device = try IPMIDevice(files: files)
            _ = try device.call(IPMIChassisControl.cycle.request)
            return true
        } catch {
            logger.error("exit 2: cannot power-cycle through the BMC (\(error)); rebooting instead")
            return false
        }
    }

    /// PID 1 must not exit (the kernel would panic): wait for the reboot, or for ever.
    private func idleForever() async throws {
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
