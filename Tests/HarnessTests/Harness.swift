import Foundation

/// The QEMU harness from Swift: builds the guest image once per test run (scripts/vm-image) and boots
/// profiles with scripts/vm-run.
enum Harness {
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Where the test runs keep their results: .build-vm/harness/PROFILE (kept after the run for a look).
    static let resultsRoot = projectRoot.appendingPathComponent(".build-vm/harness")

    /// Whether QEMU is installed; without it the harness tests are skipped with this as the reason.
    static let qemuAvailable = HostCommand.find("qemu-system-x86_64") != nil

    /// The guest image directory (vmlinuz, initrd.cpio, the guest's mkagent), built or found once per run.
    static let image: Result<URL, Failure> = {
        let start = Date()
        let result: HostCommand.Result
        do {
            result = try HostCommand.run([script("vm-image")])
        } catch {
            return .failure(Failure(description: "scripts/vm-image did not start: \(error)"))
        }
        let path = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard result.status == 0, !path.isEmpty else {
            return .failure(Failure(description: "scripts/vm-image failed (\(result.status)):\n\(result.stderr)"))
        }
        print("harness: image \(path) ready in \(seconds(since: start)) s")
        return .success(URL(fileURLWithPath: path))
    }()

    static func script(_ name: String) -> String {
        projectRoot.appendingPathComponent("scripts/\(name)").path
    }

    /// Boots PROFILE (a name in Tests/Harness/profiles or a path to a profile file), runs COMMANDS in the
    /// guest (each a bash command line) and returns what came back.
    /// FORWARDS are host ports on 127.0.0.1 the guest reaches at 10.0.2.100:PORT. Without ORACLE the guest
    /// runs neither the oracle tools nor the snapshot (vm-run --no-oracle --no-snapshot).
    static func run(profile: String, commands: [String], forwards: [Int] = [], oracle: Bool = true, results: URL) throws -> GuestRun {
        let image = try image.get()
        var arguments = [script("vm-run"), "--results", results.path]
        if !oracle { arguments += ["--no-oracle", "--no-snapshot"] }
        for port in forwards { arguments += ["--forward", String(port)] }
        arguments += [profile, "--"] + commands
        // One guest at a time, whichever suite boots it: the CI machine has 2 cores.
        bootLock.lock()
        let outcome = Result { try HostCommand.run(arguments, environment: ["MKAGENT_VM_IMAGE": image.path]) }
        bootLock.unlock()
        let result = try outcome.get()
        guard FileManager.default.fileExists(atPath: results.appendingPathComponent("timing").path) else {
            throw Failure(description: "scripts/vm-run \(profile) brought no results (\(result.status)):\n\(result.stderr)")
        }
        let machine = try profile.contains("/") ? MachineProfile(path: profile) : MachineProfile(named: profile)
        return try GuestRun(profile: machine, directory: results, image: image)
    }

    private static let bootLock = NSLock()

    static func seconds(since start: Date) -> String {
        String(format: "%.1f", Date().timeIntervalSince(start))
    }
}

/// What one boot brought back: scripts/vm-run's results directory.
struct GuestRun: Sendable {
    /// A guest command's or oracle tool's output and exit code.
    struct Output: Sendable {
        var stdout: String
        var stderr: String
        var status: Int?
    }

    let profile: MachineProfile
    let directory: URL
    /// The image the guest booted; its `mkagent` is the guest's binary.
    let image: URL
    /// `boot_wall_seconds`, `total_wall_seconds`, `guest_ready_uptime`, `accel`.
    let timing: [String: String]

    init(profile: MachineProfile, directory: URL, image: URL) throws {
        self.profile = profile
        self.directory = directory
        self.image = image
        let text = try String(contentsOf: directory.appendingPathComponent("timing"), encoding: .utf8)
        timing = Dictionary(text.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }) { first, _ in first }
    }

    /// The Nth command given to vm-run.
    func command(_ index: Int) -> Output {
        output(directory.appendingPathComponent("cmd/\(index)"))
    }

    /// The oracle tool NAME (a name in Tests/Harness/oracle).
    func oracle(_ name: String) -> Output {
        output(directory.appendingPathComponent("oracle/\(name)"))
    }

    /// How long the Nth command took in the guest (vm-run's `cmd/N.seconds`).
    func seconds(_ index: Int) -> Double? {
        (try? String(contentsOf: directory.appendingPathComponent("cmd/\(index).seconds"), encoding: .utf8))
            .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    var snapshot: URL { directory.appendingPathComponent("snapshot.tar.gz") }

    var mkagent: String { image.appendingPathComponent("mkagent").path }

    private func output(_ base: URL) -> Output {
        func read(_ suffix: String) -> String? {
            try? String(contentsOf: URL(fileURLWithPath: base.path + suffix), encoding: .utf8)
        }
        return Output(
            stdout: read(".stdout") ?? "", stderr: read(".stderr") ?? "",
            status: read(".rc").flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
    }
}
