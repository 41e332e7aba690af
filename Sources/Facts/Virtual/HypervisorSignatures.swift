/// Pure rules that name a hypervisor from what it leaves in the guest's firmware tables and kernel.
enum HypervisorSignatures {
    /// DMI string prefixes, after systemd's `detect_vm_dmi` table. Cloud products built on KVM count as KVM.
    static let dmiPrefixes: [(prefix: String, hypervisor: String)] = [
        ("KVM", "kvm"), ("OpenStack", "kvm"), ("KubeVirt", "kvm"), ("Amazon EC2", "kvm"),
        ("Google Compute Engine", "kvm"), ("Google", "kvm"), ("Cloud Hypervisor", "kvm"),
        ("QEMU", "qemu"), ("Bochs", "qemu"),
        ("VMware", "vmware"), ("VMW", "vmware"),
        ("innotek GmbH", "virtualbox"), ("VirtualBox", "virtualbox"),
        ("Xen", "xen"), ("Parallels", "parallels"), ("BHYVE", "bhyve"), ("Hyper-V", "hyperv"),
        ("Firecracker", "firecracker"), ("Apple Virtualization", "apple"),
    ]

    /// The DMI fields consulted, in systemd's order.
    static let dmiFields = ["product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"]

    /// The hypervisor the DMI strings name, with the string that named it; `physical` for Amazon's bare
    /// metal instances, which keep the `Amazon EC2` vendor.
    static func fromDMI(_ fields: [String: String]) -> (hypervisor: String, evidence: String)? {
        if fields["sys_vendor"] == "Amazon EC2", let product = fields["product_name"], product.hasSuffix(".metal") {
            return ("physical", "product_name: \(product)")
        }
        // Surface and other Microsoft hardware share the vendor; only the product tells a Hyper-V guest.
        if fields["sys_vendor"] == "Microsoft Corporation", fields["product_name"] == "Virtual Machine" {
            return ("hyperv", "sys_vendor: Microsoft Corporation, product_name: Virtual Machine")
        }
        for field in dmiFields {
            guard let value = fields[field] else { continue }
            if let match = dmiPrefixes.first(where: { value.hasPrefix($0.prefix) }) {
                return (match.hypervisor, "\(field): \(value)")
            }
        }
        return nil
    }

    /// ACPI table OEM IDs (bytes 10-15 of every table header). Firecracker publishes no SMBIOS table,
    /// so its ACPI tables (`FIRECK`) are what names it.
    static let acpiOEMIDs: [(prefix: String, hypervisor: String)] = [
        ("FIRECK", "firecracker"), ("CLOUDH", "kvm"), ("BOCHS", "qemu"), ("BXPC", "qemu"), ("VBOX", "virtualbox"),
        ("VMWARE", "vmware"), ("VRTUAL", "hyperv"), ("Xen", "xen"), ("BHYVE", "bhyve"), ("PRLS", "parallels"),
    ]

    /// The OEM ID of an ACPI table header, trimmed; nil when the header is too short.
    static func acpiOEMID(_ header: [UInt8]) -> String? {
        guard header.count >= 16 else { return nil }
        let id = String(decoding: header[10..<16].prefix { $0 != 0 }, as: UTF8.self)
        return SysfsValue.trimmed(id)
    }

    static func fromACPI(oemID: String) -> String? {
        acpiOEMIDs.first { oemID.hasPrefix($0.prefix) }?.hypervisor
    }

    /// Paravirtual clock sources exist only in guests of their hypervisor.
    static func fromClocksources(_ available: [String]) -> (hypervisor: String, clocksource: String)? {
        for name in available {
            if name == "kvm-clock" { return ("kvm", name) }
            if name == "xen" { return ("xen", name) }
            if name.hasPrefix("hyperv_clocksource") { return ("hyperv", name) }
        }
        return nil
    }

    /// Whether the x86 `flags` line of `/proc/cpuinfo` has `hypervisor` (CPUID.1:ECX bit 31, set by
    /// every hypervisor for its guests). Only the first processor is looked at.
    static func cpuinfoHasHypervisorFlag(_ text: String) -> Bool {
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return SysfsValue.words(line[line.index(after: colon)...]).contains("hypervisor")
        }
        return false
    }
}
