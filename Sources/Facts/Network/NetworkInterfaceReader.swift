/// Reads one interface's attributes from `class/net/<name>` under the sys root.
///
/// Every attribute is optional: virtual devices lack most, a link that is down refuses `speed` and
/// `carrier`, and copied trees (ghw snapshots) keep only a few. Only unexpected failures (permission
/// denied, I/O errors) become diagnostics, through the `AttributeReader`.
struct NetworkInterfaceReader {
    var vlans: [String: VLANConfig.Entry]

    func read(_ name: String, _ reader: inout AttributeReader) -> NetworkInterface {
        let base = "class/net/\(name)"
        var interface = NetworkInterface(name: name)
        let entries = Set(reader.list(.sys, base) ?? [])

        interface.index = reader.integer(.sys, base + "/ifindex").map(Int.init)
        interface.macAddress = reader.value(.sys, base + "/address")
        interface.addressAssignType = reader.integer(.sys, base + "/addr_assign_type").map(NetworkNames.addressAssignType)
        interface.linkType = reader.integer(.sys, base + "/type").map(NetworkNames.linkType)
        interface.mtu = reader.integer(.sys, base + "/mtu").map(Int.init)
        interface.operstate = reader.value(.sys, base + "/operstate")
        interface.carrier = reader.value(.sys, base + "/carrier").map { $0 == "1" }
        // -1 (or its unsigned form) when the driver does not know.
        interface.speedBps = reader.integer(.sys, base + "/speed").flatMap {
            $0 > 0 && $0 < 0xFFFF_FFFF ? UInt64($0) * 1_000_000 : nil
        }
        interface.duplex = reader.value(.sys, base + "/duplex").flatMap { $0 == "unknown" ? nil : $0 }
        interface.kind = reader.text(.sys, base + "/uevent").flatMap(Self.deviceType)

        readDevice(base, entries, &interface, &reader)

        if entries.contains("bonding_slave"),
           let permanent = reader.value(.sys, base + "/bonding_slave/perm_hwaddr") {
            interface.permanentMacAddress = permanent
            interface.permanentMacSource = "bonding_slave/perm_hwaddr"
        } else if interface.addressAssignType == "permanent", !interface.virtual, let mac = interface.macAddress {
            interface.permanentMacAddress = mac
            interface.permanentMacSource = "address (addr_assign_type permanent)"
        }
        readMembership(base, entries, &interface, &reader)
        return interface
    }

    /// The device behind the interface: bus, addresses, driver, SR-IOV.
    func readDevice(_ base: String, _ entries: Set<String>, _ interface: inout NetworkInterface, _ reader: inout AttributeReader) {
        interface.sysfsPath = reader.resolvedLink(.sys, base)
        var device = reader.resolvedLink(.sys, base + "/device", in: interface.sysfsPath ?? base)
        // A copied tree may keep the class link but not `device`: the device is the parent of `net/<name>`.
        if device == nil, let path = interface.sysfsPath, !path.hasPrefix("devices/virtual/") {
            let netDirectory = HostPath.parent(path)
            if HostPath.lastComponent(netDirectory) == "net" { device = HostPath.parent(netDirectory) }
        }
        interface.virtual = interface.sysfsPath.map { $0.hasPrefix("devices/virtual/") } ?? (device == nil)
        guard let device else { return }

        interface.busAddress = HostPath.lastComponent(device)
        interface.pciAddress = device.split(separator: "/").last { Self.isPCIAddress($0) }.map(String.init)
        interface.bus = reader.linkName(.sys, base + "/device/subsystem")
            ?? (interface.busAddress.map { Self.isPCIAddress($0[...]) } == true ? "pci" : nil)

        interface.driver = reader.linkName(.sys, base + "/device/driver")
        if interface.driver != nil {
            interface.driverModule = reader.linkName(.sys, base + "/device/driver/module")
            if let module = interface.driverModule ?? interface.driver {
                interface.driverVersion = reader.value(.sys, "module/\(module)/version")
            }
        }
        interface.sriovTotalVfs = reader.integer(.sys, base + "/device/sriov_totalvfs").map(Int.init)
        interface.sriovNumVfs = reader.integer(.sys, base + "/device/sriov_numvfs").map(Int.init)
        interface.sriovPhysicalFunction = reader.linkName(.sys, base + "/device/physfn")
    }

    /// Bonds, bridges, VLANs and the stacking links.
    func readMembership(_ base: String, _ entries: Set<String>, _ interface: inout NetworkInterface, _ reader: inout AttributeReader) {
        if entries.contains("master") { interface.master = reader.linkName(.sys, base + "/master") }
        if entries.contains("bonding") {
            interface.bondSlaves = SysfsValue.words(reader.value(.sys, base + "/bonding/slaves") ?? "")
            interface.bondMode = reader.value(.sys, base + "/bonding/mode").flatMap { SysfsValue.words($0).first }
        }
        if entries.contains("brif") { interface.bridgePorts = reader.list(.sys, base + "/brif") ?? [] }
        let lower = entries.filter { $0.hasPrefix("lower_") }.map { String($0.dropFirst(6)) }.sorted()
        let upper = entries.filter { $0.hasPrefix("upper_") }.map { String($0.dropFirst(6)) }.sorted()
        interface.lowerInterfaces = lower.isEmpty ? nil : lower
        interface.upperInterfaces = upper.isEmpty ? nil : upper
        if let vlan = vlans[interface.name] {
            interface.vlanId = vlan.id
            interface.vlanParent = vlan.parent
        } else if interface.kind == "vlan" {
            interface.vlanParent = lower.first
        }
    }

    /// The `DEVTYPE=` line of a `uevent` file.
    static func deviceType(_ uevent: String) -> String? {
        uevent.split(separator: "\n").first { $0.hasPrefix("DEVTYPE=") }.map { String($0.dropFirst(8)) }
    }

    /// `dddd:bb:dd.f`, the kernel's name of a PCI function.
    static func isPCIAddress(_ name: Substring) -> Bool {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[1].count == 2 else { return false }
        let deviceFunction = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard deviceFunction.count == 2, deviceFunction[0].count == 2, deviceFunction[1].count == 1 else { return false }
        return [parts[0], parts[1], deviceFunction[0], deviceFunction[1]].allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
