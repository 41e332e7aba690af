/// Reads every function under `SYS/bus/pci/devices` through `HostFiles`.
///
/// The separate attributes (`vendor`, `class`, `subsystem_vendor`, ...) are preferred; where they are
/// missing (snapshots, old kernels) the `modalias` and then the configuration space header fill in.
public struct PCIReader {
    public let files: HostFiles
    public let names: any IDNameLookup
    public let collector: String
    /// Whether subsystems are named (the facts' `pci` section); the hardware tree shows only their ids, and
    /// each subsystem is a database lookup of its own.
    public var namesSubsystems = true

    /// What the hardware tree needs beyond the facts: the header and where the function sits in sysfs.
    public struct Function {
        public var address: PCIAddress
        public var device: PCIDevice
        public var config: PCIConfigSpace?
        /// PCI capability ids in list order (empty when the header was not readable).
        public var capabilityIDs: [UInt8]
        /// Whether a BAR is a 64-bit memory BAR (from sysfs `resource`); nil when not readable.
        public var memory64Bit: Bool?
        /// The resolved sysfs path relative to SYS (`devices/pci0000:00/0000:00:02.0`).
        public var sysfsPath: String?
        public var vendor: UInt16
        public var deviceID: UInt16
        public var subsystem: (vendor: UInt16, device: UInt16)?
        public var classCode: (base: UInt8, sub: UInt8, interface: UInt8)
        public var revision: UInt8?
    }

    public init(files: HostFiles, names: any IDNameLookup, collector: String = "pci") {
        self.files = files
        self.names = names
        self.collector = collector
    }

    static let directory = "bus/pci/devices"

    public func read() -> (functions: [Function], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries: [String]
        do {
            entries = try files.list(.sys, Self.directory)
        } catch {
            let message = error.isNotFound
                ? "no PCI bus on this host (or sysfs not mounted); the section lists no devices"
                : "\(error); the section lists no devices"
            diagnostics.append(Diagnostic(collector: collector, path: error.path, error: message,
                                          severity: error.isNotFound ? .warning : .error))
            return ([], diagnostics)
        }
        let slots = physicalSlots()
        var vpdDenied: [String] = []
        var functions: [Function] = []
        for entry in entries {
            guard let address = PCIAddress(entry) else { continue }
            if let function = readFunction(address, entry: entry, slots: slots, vpdDenied: &vpdDenied, diagnostics: &diagnostics) {
                functions.append(function)
            }
        }
        if !vpdDenied.isEmpty {
            diagnostics.append(Diagnostic(
                collector: collector, path: files.path(.sys, Self.directory + "/*/vpd"),
                error: "permission denied reading the VPD of \(vpdDenied.count) function(s) (\(vpdDenied.joined(separator: ", "))); their vpd_* fields are left out"))
        }
        functions.sort { $0.address < $1.address }
        return (functions, diagnostics)
    }

    private func readFunction(
        _ address: PCIAddress, entry: String, slots: [String: String], vpdDenied: inout [String],
        diagnostics: inout [Diagnostic]
    ) -> Function? {
        let base = Self.directory + "/" + entry
        // The function's directory is walked to once; its attributes are opened relative to it.
        let directory: HostDirectory
        do {
            directory = try files.directory(.sys, base)
        } catch {
            diagnostics.append(Diagnostic(collector: collector, path: error.path, error: "\(error); function skipped",
                                          severity: .error))
            return nil
        }
        func attribute(_ name: String) -> String? { try? directory.text(name) }
        // Only the dwords of the header that are used and the capability entries are read: in a VM every dword
        // of configuration space traps to the hypervisor (a PCIe host bridge has 1024 of them).
        let configFile = try? directory.openFile("config")
        func configDwords(_ offsets: [Int], into header: inout [UInt8]) -> Bool {
            var any = false
            for offset in offsets {
                guard let dword = try? configFile?.read(offset: UInt64(offset), count: 4), dword.count == 4 else { continue }
                header.replaceSubrange(offset..<offset + 4, with: dword)
                any = true
            }
            return any
        }
        var header = [UInt8](repeating: 0, count: 64)
        // Command/status, latency/header type, capability pointer; bridges' bus numbers (type 1 and 2 headers).
        var config = configDwords([0x04, 0x0C, 0x34], into: &header) ? PCIConfigSpace(header) : nil
        if let type = config?.headerType, type != 0, configDwords([0x18], into: &header) {
            config = PCIConfigSpace(header)
        }
        let capabilityIDs = PCIConfigSpace.capabilityIDs(from: config?.firstCapability) { offset in
            guard let entry = try? configFile?.read(offset: UInt64(offset), count: 2), entry.count == 2 else { return nil }
            return (entry[0], entry[1])
        }
        let modalias = attribute("modalias").flatMap(PCIModalias.init)
        var headerHasIDs = false
        if config != nil, modalias == nil, attribute("vendor") == nil || attribute("class") == nil {
            // No attributes and no modalias (a very old kernel): the ids from the header itself.
            headerHasIDs = configDwords([0x00, 0x08, 0x2C], into: &header)
            config = PCIConfigSpace(header)
        }
        let headerIDs = headerHasIDs ? config : nil
        // The modalias carries the ids and class the separate attributes do, in one read.
        let vendor = modalias?.vendor
            ?? attribute("vendor").flatMap(PCISysfsValue.hexNumber).map { UInt16(truncatingIfNeeded: $0) }
            ?? headerIDs?.vendor
        let deviceID = modalias?.device
            ?? attribute("device").flatMap(PCISysfsValue.hexNumber).map { UInt16(truncatingIfNeeded: $0) }
            ?? headerIDs?.device
        let classCode = modalias.map { ($0.baseClass, $0.subclass, $0.interface) }
            ?? attribute("class").flatMap(PCISysfsValue.classCode)
            ?? headerIDs.map { ($0.baseClass, $0.subclass, $0.interface) }
        guard let vendor, let deviceID, let classCode else {
            diagnostics.append(Diagnostic(
                collector: collector, path: files.path(.sys, base),
                error: "no readable vendor, device or class (nor modalias or config); function skipped",
                severity: .error))
            return nil
        }
        var subsystem: (vendor: UInt16, device: UInt16)?
        if let modalias {
            subsystem = (modalias.subsystemVendor, modalias.subsystemDevice)
        } else if let sv = attribute("subsystem_vendor").flatMap(PCISysfsValue.hexNumber),
                  let sd = attribute("subsystem_device").flatMap(PCISysfsValue.hexNumber) {
            subsystem = (UInt16(truncatingIfNeeded: sv), UInt16(truncatingIfNeeded: sd))
        } else {
            subsystem = headerIDs?.subsystem
        }
        let revision = attribute("revision").flatMap(PCISysfsValue.hexNumber).map { UInt8(truncatingIfNeeded: $0) }
            ?? headerIDs?.revision

        var device = PCIDevice(
            address: address.description,
            classId: hex(classCode.base, 2), subclassId: hex(classCode.sub, 2), progIf: hex(classCode.interface, 2),
            vendorId: hex(vendor, 4), deviceId: hex(deviceID, 4))
        let named = names.names(
            vendor: vendor, device: deviceID, class: classCode.base, classCode.sub, classCode.interface)
        device.className = named.className
        device.subclassName = named.subclassName
        device.progIfName = named.interfaceName
        device.vendorName = named.vendor
        device.deviceName = named.device
        // 0 and 0xffff mean "no subsystem" (bridges have none in their header).
        if let subsystem, subsystem.vendor != 0, subsystem.vendor != 0xFFFF {
            device.subsystemVendorId = hex(subsystem.vendor, 4)
            device.subsystemDeviceId = hex(subsystem.device, 4)
            if namesSubsystems {
                device.subsystemVendorName = names.vendor(subsystem.vendor)
                device.subsystemDeviceName = names.subsystem(
                    vendor: vendor, device: deviceID, subvendor: subsystem.vendor, subdevice: subsystem.device)
            }
        }
        device.revision = revision.map { hex($0, 2) }
        if let driver = try? directory.linkTarget("driver") {
            device.driver = PCISysfsValue.lastComponent(driver)
            device.module = (try? directory.linkTarget("driver/module")).flatMap(PCISysfsValue.lastComponent)
        }
        device.irq = attribute("irq").flatMap(PCISysfsValue.integer).flatMap { $0 > 0 ? $0 : nil }
        device.numaNode = attribute("numa_node").flatMap(PCISysfsValue.integer).flatMap { $0 >= 0 ? $0 : nil }
        // Only a link that resolves counts, as in lspci (a snapshot may keep the link without its target).
        if directory.exists("iommu_group") {
            device.iommuGroup = (try? directory.linkTarget("iommu_group"))
                .flatMap(PCISysfsValue.lastComponent).flatMap { Int($0) }
        }
        device.physicalSlot = slots[String(address.description.dropLast(2))]
        // Only PCI Express functions have links. The attributes decide when the header or its capability list
        // could not be read (only the first 64 bytes of config are readable without root).
        let capabilitiesRead = config.map { $0.firstCapability == nil || !capabilityIDs.isEmpty } ?? false
        if capabilityIDs.contains(0x10) || !capabilitiesRead {
            device.currentLinkSpeedMts = attribute("current_link_speed").flatMap(PCISysfsValue.linkSpeedMTs)
            device.currentLinkWidth = attribute("current_link_width").flatMap(PCISysfsValue.linkWidth)
            device.maxLinkSpeedMts = attribute("max_link_speed").flatMap(PCISysfsValue.linkSpeedMTs)
            device.maxLinkWidth = attribute("max_link_width").flatMap(PCISysfsValue.linkWidth)
        }
        device.sriovTotalVfs = attribute("sriov_totalvfs").flatMap(PCISysfsValue.integer)
        if device.sriovTotalVfs != nil {
            device.sriovNumVfs = attribute("sriov_numvfs").flatMap(PCISysfsValue.integer)
        }
        // Only functions with the VPD capability have VPD, and reading it is slow (the device answers dword by
        // dword); without a readable header the attribute's presence decides.
        if capabilityIDs.contains(0x03) || config == nil, let vpd = readVPD(directory, address, &vpdDenied) {
            device.vpdProductName = vpd.productName
            device.vpdPartNumber = vpd.partNumber
            device.vpdSerialNumber = vpd.serialNumber
        }
        if config != nil {
            var seen = Set<String>()
            device.capabilities = capabilityIDs.map(PCISysfsValue.capabilityName).filter { seen.insert($0).inserted }
        }
        let sysfsPath = files.resolved(.sys, directory)
        device.parentAddress = sysfsPath.flatMap(PCISysfsValue.parentAddress(devicePath:))?.description
        return Function(
            address: address, device: device, config: config, capabilityIDs: capabilityIDs,
            memory64Bit: attribute("resource").map { PCISysfsValue.hasMemory64BitBAR($0, headerType: config?.headerType ?? 0) },
            sysfsPath: sysfsPath, vendor: vendor,
            deviceID: deviceID, subsystem: subsystem, classCode: classCode, revision: revision)
    }

    private func readVPD(_ directory: HostDirectory, _ address: PCIAddress, _ denied: inout [String]) -> PCIVitalProductData? {
        do {
            return PCIVitalProductData(parsing: try directory.openFile("vpd").read(offset: 0, count: 32768))
        } catch {
            if case .permissionDenied = error { denied.append(address.description) }
            return nil
        }
    }

    /// `SYS/bus/pci/slots/NAME/address` (`0000:04:00`) → NAME, for every slot the platform describes.
    private func physicalSlots() -> [String: String] {
        guard let names = try? files.list(.sys, "bus/pci/slots") else { return [:] }
        var result: [String: String] = [:]
        for name in names {
            if let address = try? files.text(.sys, "bus/pci/slots/\(name)/address"), !address.isEmpty {
                result[address.trimmed()] = name
            }
        }
        return result
    }

    private func hex<T: BinaryInteger>(_ value: T, _ digits: Int) -> String {
        HexText.lower(UInt64(value), digits: digits)
    }
}

extension HostFileError {
    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }
}
