/// The `os` section: the running kernel, the names it knows the node by, how long it has been up, its
/// command line and, when the etc root has one, the distribution's `os-release`.
public struct OSFacts: Sendable, Equatable, Codable {
    public var kernel: KernelFacts
    /// `sys/kernel/hostname` (uname -n).
    public var hostname: String?
    /// `sys/kernel/domainname`: the kernel's NIS/YP domain; absent when unset (`(none)`).
    public var domainname: String?
    public var uptimeSeconds: Double?
    /// RFC 3339 UTC time of boot (`btime` of `/proc/stat`).
    public var bootTime: String?
    public var loadAverage: LoadAverage?
    public var cmdline: KernelCommandLine?
    public var release: OSRelease?

    public init(kernel: KernelFacts = KernelFacts()) {
        self.kernel = kernel
    }
}
