/// The `virtual` section: what kind of machine the facts describe — bare metal, a virtual machine (and
/// whose), or a container — and the evidence that decided it.
public struct VirtualFacts: Sendable, Equatable, Codable {
    /// The innermost layer: the container runtime when in a container, else the hypervisor, else
    /// `physical`. Xen's privileged domain 0 is `xen0`.
    public var type: String
    /// False on bare metal and in Xen's domain 0.
    public var isVirtual: Bool
    /// `kvm`, `qemu` (emulated, no KVM), `vmware`, `xen`, `hyperv`, `virtualbox`, `firecracker`,
    /// `parallels`, `bhyve`, `apple`, or `vm-other` (a hypervisor that does not say which); nil on bare metal.
    public var hypervisor: String?
    /// `docker`, `podman`, `lxc`, `kubernetes`, `systemd-nspawn` or whatever PID 1's `container=` says.
    public var container: String?
    /// What was found, in the order it was consulted (`sys/class/dmi/id/sys_vendor: QEMU`).
    public var evidence: [String]

    public init(hypervisor: String?, container: String?, xenDom0: Bool = false, evidence: [String]) {
        self.hypervisor = hypervisor
        self.container = container
        self.evidence = evidence
        type = container ?? (xenDom0 ? "xen0" : hypervisor) ?? "physical"
        isVirtual = container != nil || (hypervisor != nil && !xenDom0)
    }
}
