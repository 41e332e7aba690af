/// The `virtual` collector: decides between bare metal, a hypervisor and a container.
///
/// Hypervisor, first answer wins: `sys/hypervisor/type` (Xen, where DMI may show the real hardware of
/// domain 0); the DMI strings (`sys/class/dmi/id`, or the SMBIOS table when sysfs has no copy); the OEM ID
/// of the ACPI tables (Firecracker has no SMBIOS); paravirtual clock sources; the `hypervisor` CPU flag
/// (some hypervisor, unnamed). DMI's `QEMU` becomes `kvm` when `kvm-clock` shows KVM acceleration.
///
/// Container, through PID 1 of the proc root (the host's init, also when mkagent runs in a container with
/// the host's /proc at /host-proc): its `container=` environment variable, `.dockerenv` or
/// `run/.containerenv` in its root directory (`proc/1/root`), and its cgroup paths.
public struct VirtualCollector: FactCollector {
    public let name = "virtual"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        var reader = AttributeReader(files: context.files, collector: name)
        var evidence: [String] = []
        let (hypervisor, dom0) = detectHypervisor(context, &reader, &evidence)
        let container = detectContainer(&reader, &evidence)
        let section = VirtualFacts(hypervisor: hypervisor, container: container, xenDom0: dom0, evidence: evidence)
        return CollectorOutput(diagnostics: reader.diagnostics) { facts in facts.virtual = section }
    }

    func detectHypervisor(
        _ context: CollectionContext, _ reader: inout AttributeReader, _ evidence: inout [String]
    ) -> (String?, Bool) {
        if reader.value(.sys, "hypervisor/type") == "xen" {
            evidence.append("sys/hypervisor/type: xen")
            let capabilities = reader.value(.proc, "xen/capabilities") ?? ""
            let dom0 = capabilities.contains("control_d")
            if dom0 { evidence.append("proc/xen/capabilities: control_d (domain 0)") }
            return ("xen", dom0)
        }
        let clocksources = SysfsValue.words(
            reader.value(.sys, "devices/system/clocksource/clocksource0/available_clocksource") ?? "")
        let paravirtualClock = HypervisorSignatures.fromClocksources(clocksources)
        var found: String?
        if let (name, why) = HypervisorSignatures.fromDMI(dmiStrings(context, &reader)) {
            evidence.append("dmi \(why)")
            if name == "physical" { return (nil, false) }
            found = name
        } else if let (oemID, table) = acpiOEMID(&reader), let name = HypervisorSignatures.fromACPI(oemID: oemID) {
            evidence.append("acpi \(table) oem id: \(oemID)")
            found = name
        } else if let clock = paravirtualClock {
            evidence.append("clocksource: \(clock.clocksource)")
            found = clock.hypervisor
        }
        if found == "qemu", let clock = paravirtualClock, clock.hypervisor == "kvm" {
            evidence.append("clocksource: \(clock.clocksource) (KVM acceleration)")
            found = "kvm"
        }
        if found == nil, let cpuinfo = reader.text(.proc, "cpuinfo"),
           HypervisorSignatures.cpuinfoHasHypervisorFlag(cpuinfo) {
            evidence.append("cpuinfo flag: hypervisor")
            found = "vm-other"
        }
        return (found, false)
    }

    /// `sys/class/dmi/id/*` when the kernel exports it, else the same strings from the SMBIOS table.
    func dmiStrings(_ context: CollectionContext, _ reader: inout AttributeReader) -> [String: String] {
        var fields: [String: String] = [:]
        if reader.exists(.sys, "class/dmi/id") {
            for field in HypervisorSignatures.dmiFields {
                if let value = reader.value(.sys, "class/dmi/id/\(field)") { fields[field] = value }
            }
            return fields
        }
        // No sysfs copy (a kernel without CONFIG_DMI_SYSFS, a copied tree): decode the table. Its absence
        // is the dmi collector's to report; many virtual machines have none.
        let (loaded, _) = DMITableSource(files: context.files).load(dumpFile: context.dmiDumpFile)
        guard let table = loaded?.table else { return fields }
        let dmiContext = DMIContext(table: table)
        if let system = table.structures(ofType: 1).lazy.compactMap({ SystemInformation($0, dmiContext) }).first {
            fields["sys_vendor"] = system.manufacturer
            fields["product_name"] = system.productName
            fields["product_version"] = system.version
        }
        if let bios = table.structures(ofType: 0).lazy.compactMap({ BIOSInformation($0) }).first {
            fields["bios_vendor"] = bios.vendor
        }
        if let board = table.structures(ofType: 2).lazy.compactMap({ BaseboardInformation($0, dmiContext) }).first {
            fields["board_vendor"] = board.manufacturer
        }
        return fields
    }

    /// The OEM ID of the first readable ACPI table among DSDT and FACP.
    func acpiOEMID(_ reader: inout AttributeReader) -> (String, String)? {
        for table in ["DSDT", "FACP"] {
            if let bytes = reader.bytes(.sys, "firmware/acpi/tables/\(table)", consequence: "its OEM ID is not consulted"),
               let id = HypervisorSignatures.acpiOEMID(bytes), !id.isEmpty {
                return (id, table)
            }
        }
        return nil
    }

    func detectContainer(_ reader: inout AttributeReader, _ evidence: inout [String]) -> String? {
        if let environ = reader.bytes(.proc, "1/environ", consequence: "PID 1's container= variable is not consulted"),
           let name = ContainerSignatures.fromEnviron(environ) {
            evidence.append("proc/1/environ: container=\(name)")
            return name
        }
        let markers = [("1/root/run/.containerenv", "podman"), ("1/root/.dockerenv", "docker")]
        for (marker, name) in markers where reader.exists(.proc, marker, consequence: "this \(name) marker is not consulted") {
            evidence.append("proc/\(marker) exists")
            return name
        }
        if let cgroup = reader.text(.proc, "1/cgroup"), let (name, line) = ContainerSignatures.fromCgroup(cgroup) {
            evidence.append("proc/1/cgroup: \(line)")
            return name
        }
        return nil
    }
}
