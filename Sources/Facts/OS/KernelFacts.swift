/// The running kernel, from `sys/kernel` under the proc root.
public struct KernelFacts: Sendable, Equatable, Codable {
    /// `ostype`: `Linux`.
    public var name: String?
    /// `osrelease`: `6.1.0-18-amd64` (uname -r).
    public var release: String?
    /// `version`: `#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)` (uname -v).
    public var version: String?
    /// `arch`: `x86_64` (uname -m); kernels before 6.1 lack the file.
    public var architecture: String?

    public init(name: String? = nil, release: String? = nil, version: String? = nil, architecture: String? = nil) {
        self.name = name
        self.release = release
        self.version = version
        self.architecture = architecture
    }
}
