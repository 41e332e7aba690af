/// One NVMe controller (`SYS/class/nvme/nvme0`) and the namespaces it exposes.
public struct NVMeController: Sendable, Equatable, Codable {
    /// `nvme0`
    public var name: String
    public var model: String?
    public var serial: String?
    public var firmwareRevision: String?
    /// `pcie`, `tcp`, `rdma`, `fc`, `loop`.
    public var transport: String?
    /// The controller id within its subsystem (what lsscsi shows as the target).
    public var controllerId: Int?
    public var state: String?
    public var subsystemNqn: String?
    /// The PCI function, for PCIe controllers.
    public var address: String?
    /// Block devices of its namespaces (`nvme0n1`).
    public var namespaces: [String]

    public init(name: String) {
        self.name = name
        self.namespaces = []
    }
}
