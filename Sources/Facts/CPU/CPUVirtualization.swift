/// Hardware virtualization support of the CPU and the hypervisor (or container) the system runs under.
///
/// The detection order is lscpu's (`sys-utils/lscpu-virt.c`): WSL, then — on the running machine only —
/// CPUID and the SMBIOS vendor strings, then the procfs traces: POWER device tree, Xen, the PCI IDs of
/// emulated graphics cards, s390 sysinfo, OpenVZ, User-mode Linux, Linux-VServer.
public struct CPUVirtualization: Sendable, Equatable {
    /// `vmx` (Intel VT-x) or `svm` (AMD-V) in the CPU flags.
    public var cpuFlag: String?
    public var vendor: Vendor?
    public var type: Kind?
    /// s390: the control program (`z/VM 6.1.0`, `KVM/Linux`, `PR/SM` for an LPAR).
    public var hypervisor: String?

    public enum Vendor: String, Sendable, Equatable, CaseIterable {
        case xen = "Xen"
        case kvm = "KVM"
        case microsoft = "Microsoft"
        case vmware = "VMware"
        case ibm = "IBM"
        case vserver = "Linux-VServer"
        case uml = "User-mode Linux"
        case innotek = "Innotek GmbH"
        case hitachi = "Hitachi"
        case parallels = "Parallels"
        case oracle = "Oracle"
        case os400 = "OS/400"
        case phyp = "pHyp"
        case spar = "Unisys s-Par"
        case wsl = "Windows Subsystem for Linux"
    }

    public enum Kind: String, Sendable, Equatable {
        case none, para, full, container
    }

    /// `VT-x` or `AMD-V`, as lscpu names the flag.
    public var featureName: String? {
        switch cpuFlag {
        case "vmx": return "VT-x"
        case "svm": return "AMD-V"
        default: return nil
        }
    }

    public static func detect(flags: String?, modelName: String?, probes: CPUHostProbes) -> CPUVirtualization {
        var result = CPUVirtualization()
        let flagSet = Set((flags ?? "").split(separator: " ").map(String.init))
        if flagSet.contains("svm") {
            result.cpuFlag = "svm"
        } else if flagSet.contains("vmx") {
            result.cpuFlag = "vmx"
        }

        if let release = probes.osRelease, release.contains("Microsoft") {
            result.vendor = .wsl
            result.type = .container
            return result
        }

        if probes.live {
            result.vendor = vendor(cpuid: probes.cpuidHypervisor) ?? vendor(dmiManufacturer: probes)
        }
        if let vendor = result.vendor {
            result.type = .full
            // Xen PV (mmu_pt_update_preserve_ad) and PVH (supervisor_mode_kernel + hvm_callback_vector).
            if vendor == .xen, let features = probes.xenFeatures {
                let pvh: UInt32 = (1 << 3) | (1 << 8)
                if features & (1 << 5) != 0 || features & pvh == pvh { result.type = .para }
            }
            return result
        }

        if let (vendor, type) = powerHypervisor(probes) {
            result.vendor = vendor
            result.type = type
        } else if probes.hasXen {
            result.vendor = .xen
            result.type = probes.xenCapabilities == "control_d" ? Kind.none : .para
        } else if probes.hasPCI(0x5853, 0x0001) {
            (result.vendor, result.type) = (.xen, .full)
        } else if probes.hasPCI(0x15ad, 0x0710) {
            (result.vendor, result.type) = (.vmware, .full)
        } else if probes.hasPCI(0x80ee, 0xbeef) {
            (result.vendor, result.type) = (.oracle, .full)
        } else if let sysinfo = probes.sysinfo {
            // An LPAR unless a control program says otherwise.
            result.vendor = .ibm
            result.hypervisor = "PR/SM"
            result.type = .full
            if let program = sysinfo.controlPrograms.first {
                result.vendor = program.contains("KVM") ? .kvm : .ibm
                result.hypervisor = program
            }
        } else if probes.hasVZ && !probes.hasBC {
            (result.vendor, result.type) = (.parallels, .container)
        } else if let modelName, modelName.contains("UML") {
            (result.vendor, result.type) = (.uml, .para)
        } else if let vxID = probes.vxID, !vxID.isEmpty, vxID.allSatisfy({ $0.isASCII && $0.isNumber }) {
            (result.vendor, result.type) = (.vserver, .container)
        }
        return result
    }

    static func vendor(cpuid signature: String?) -> Vendor? {
        guard let signature, !signature.isEmpty else { return nil }
        if signature.hasPrefix("XenVMMXenVMM") { return .xen }
        if signature.hasPrefix("KVMKVMKVM") { return .kvm }
        if signature.hasPrefix("Microsoft Hv") { return .microsoft }
        if signature.hasPrefix("VMwareVMware") { return .vmware }
        if signature.hasPrefix("UnisysSpar64") { return .spar }
        return nil
    }

    static func vendor(dmiManufacturer probes: CPUHostProbes) -> Vendor? {
        if probes.dmiManufacturer == "innotek GmbH" { return .innotek }
        if let manufacturer = probes.dmiManufacturer, manufacturer.contains("HITACHI"),
           let product = probes.dmiProduct, product.contains("LPAR") {
            return .hitachi
        }
        if probes.dmiBIOSVendor == "Parallels" { return .parallels }
        return nil
    }

    /// IBM iSeries, PowerNV (bare metal), PowerVM (pHyp) or QEMU/KVM pseries, from the device tree.
    static func powerHypervisor(_ probes: CPUHostProbes) -> (Vendor?, Kind)? {
        if probes.hasISeries { return (.os400, .para) }
        if probes.deviceTreeCompatible.contains("ibm,powernv") { return nil }
        if probes.hasPartitionName && probes.hasHMCManaged && !probes.hasQEMUGraphicWidth {
            return (.phyp, probes.partitionName == "full" ? Kind.none : .para)
        }
        if probes.deviceTreeCompatible.contains("qemu,pseries") { return (.kvm, .para) }
        return nil
    }
}
