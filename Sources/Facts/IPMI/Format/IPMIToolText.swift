/// The text layouts of ipmitool 1.8 commands (what RackHD's catalog parsers read), from mkagent's values.
public enum IPMIToolText {
    /// `ipmitool mc info`.
    public static func mcInfo(_ device: IPMIDeviceID) -> String {
        var out = """
            Device ID                 : \(device.deviceID)
            Device Revision           : \(device.deviceRevision)
            Firmware Revision         : \(device.firmwareRevision)
            IPMI Version              : \(device.ipmiVersion)
            Manufacturer ID           : \(device.manufacturerID)
            Manufacturer Name         : \(device.manufacturerName)
            Product ID                : \(device.productID) (0x\(hex4(device.productID)))
            Product Name              : \(productName(device))
            Device Available          : \(device.deviceAvailable ? "yes" : "no")
            Provides Device SDRs      : \(device.providesDeviceSdrs ? "yes" : "no")
            Additional Device Support :

            """
        for name in device.additionalDeviceSupport { out += "    \(name)\n" }
        if let aux = device.auxFirmwareRevision {
            out += "Aux Firmware Rev Info     : \n"
            for byte in aux { out += "    0x\(IPMIHex.byte(byte))\n" }
        }
        return out
    }

    /// `ipmitool fru print` for one FRU device: the description line, the non-empty fields, a blank line.
    public static func fruPrint(_ fru: IPMIFRU, description: String? = nil) -> String {
        "FRU Device Description : \(description ?? "Builtin FRU Device (ID \(fru.id))")\n" + fruFields(fru) + "\n"
    }

    /// `ipmitool fru print ID`: the non-empty fields alone.
    public static func fruFields(_ fru: IPMIFRU) -> String {
        var out = ""
        func line(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            out += " " + label.padding(21) + " : " + value + "\n"
        }
        if let chassis = fru.chassis {
            line("Chassis Type", chassis.typeName)
            line("Chassis Part Number", chassis.partNumber)
            line("Chassis Serial", chassis.serialNumber)
            for extra in chassis.extra { line("Chassis Extra", extra) }
        }
        if let board = fru.board {
            line("Board Mfg Date", board.manufacturingDate ?? "Unspecified")
            line("Board Mfg", board.manufacturer)
            line("Board Product", board.productName)
            line("Board Serial", board.serialNumber)
            line("Board Part Number", board.partNumber)
            for extra in board.extra { line("Board Extra", extra) }
        }
        if let product = fru.product {
            line("Product Manufacturer", product.manufacturer)
            line("Product Name", product.name)
            line("Product Part Number", product.partNumber)
            line("Product Version", product.version)
            line("Product Serial", product.serialNumber)
            line("Product Asset Tag", product.assetTag)
            for extra in product.extra { line("Product Extra", extra) }
        }
        return out
    }

    /// `ipmitool chassis status`.
    public static func chassisStatus(_ status: IPMIChassisStatus) -> String {
        func tf(_ value: Bool) -> String { value ? "true" : "false" }
        func active(_ value: Bool) -> String { value ? "active" : "inactive" }
        var out = """
            System Power         : \(status.powerOn ? "on" : "off")
            Power Overload       : \(tf(status.powerOverload))
            Power Interlock      : \(active(status.powerInterlock))
            Main Power Fault     : \(tf(status.mainPowerFault))
            Power Control Fault  : \(tf(status.powerControlFault))
            Power Restore Policy : \(status.powerRestorePolicy)
            Last Power Event     : \(status.lastPowerEvent.map { $0 == "command" ? $0 : $0 + " " }.joined())
            Chassis Intrusion    : \(active(status.chassisIntrusion))
            Front-Panel Lockout  : \(active(status.frontPanelLockout))
            Drive Fault          : \(tf(status.driveFault))
            Cooling/Fan Fault    : \(tf(status.coolingFault))

            """
        if let panel = status.frontPanelControl {
            if panel == 0 {
                out += "Front Panel Control  : none\n"
            } else {
                for (bit, label) in [(0x80, "Sleep Button Disable :"), (0x40, "Diag Button Disable  :"),
                                     (0x20, "Reset Button Disable :"), (0x10, "Power Button Disable :")] {
                    out += "\(label) \(Int(panel) & bit != 0 ? "allowed" : "not allowed")\n"
                }
                for (bit, label) in [(0x08, "Sleep Button Disabled:"), (0x04, "Diag Button Disabled :"),
                                     (0x02, "Reset Button Disabled:"), (0x01, "Power Button Disabled:")] {
                    out += "\(label) \(Int(panel) & bit != 0 ? "true" : "false")\n"
                }
            }
        }
        return out
    }

    /// `ipmitool lan print N`, for the parameters mkagent reads.
    public static func lanPrint(_ lan: IPMILANConfiguration) -> String {
        var out = ""
        // Each line with the parameter it shows: ipmitool prints none from a failed parameter on.
        func line(_ parameter: UInt8, _ label: String, _ value: String?) {
            guard let value, lan.printReaches(parameter) else { return }
            out += label.padding(24) + ": " + value + "\n"
        }
        func hex(_ byte: UInt8) -> String { "0x" + IPMIHex.byte(byte).lowercased() }
        line(0, "Set in Progress", lan.setInProgress)
        line(1, "Auth Type Support", lan.authTypeSupport.map { $0.map { $0 + " " }.joined() })
        if let enables = lan.authTypeEnables {
            for (index, (level, label)) in [("callback", "Callback"), ("user", "User"), ("operator", "Operator"),
                                            ("admin", "Admin"), ("oem", "OEM")].enumerated() {
                let value = label.padding(9) + ": " + (enables[level] ?? []).map { $0 + " " }.joined()
                line(2, index == 0 ? "Auth Type Enable" : "", value)
            }
        }
        let sources = ["unspecified": "Unspecified", "static": "Static Address", "dhcp": "DHCP Address",
                       "bios": "BIOS Assigned Address", "other": "Other"]
        line(4, "IP Address Source", lan.ipAddressSource.map { sources[$0] ?? $0 })
        line(3, "IP Address", lan.ipAddress)
        line(6, "Subnet Mask", lan.subnetMask)
        line(5, "MAC Address", lan.macAddress)
        line(16, "SNMP Community String", lan.snmpCommunity)
        line(7, "IP Header", lan.ipHeader.map {
            "TTL=\(hex($0.ttl)) Flags=\(hex($0.flags)) Precedence=\(hex($0.precedence)) TOS=\(hex($0.tos))"
        })
        if let responses = lan.arpResponses, let gratuitous = lan.gratuitousARP {
            line(10, "BMC ARP Control", "ARP Responses \(responses ? "En" : "Dis")abled, Gratuitous ARP \(gratuitous ? "En" : "Dis")abled")
        }
        // ipmitool halves the count in integers before printing it as a float.
        line(11, "Gratituous ARP Intrvl", lan.gratuitousARPInterval.map { "\((Int($0) + 1) / 2).0 seconds" })
        line(12, "Default Gateway IP", lan.defaultGatewayIP)
        line(13, "Default Gateway MAC", lan.defaultGatewayMAC)
        line(14, "Backup Gateway IP", lan.backupGatewayIP)
        line(15, "Backup Gateway MAC", lan.backupGatewayMAC)
        if lan.vlanEnabled != nil { line(20, "802.1q VLAN ID", lan.vlanID.map(String.init) ?? "Disabled") }
        line(21, "802.1q VLAN Priority", lan.vlanPriority.map(String.init))
        if lan.cipherSuiteCount != nil {
            line(23, "RMCP+ Cipher Suites", lan.cipherSuites.map { $0.map(String.init).joined(separator: ",") } ?? "None")
        }
        line(24, "Cipher Suite Priv Max", lan.cipherSuitePrivileges ?? "Not Available")
        if lan.cipherSuitePrivileges != nil {
            for legend in ["X=Cipher Suite Unused", "c=CALLBACK", "u=USER", "o=OPERATOR", "a=ADMIN", "O=OEM"] {
                line(24, "", "    " + legend)
            }
        }
        if let bad = lan.badPasswordThreshold {
            line(26, "Bad Password Threshold", String(bad.threshold))
            line(26, "Invalid password disable", bad.disableUser ? "yes" : "no")
            line(26, "Attempt Count Reset Int.", String(bad.attemptCountResetSeconds))
            line(26, "User Lockout Interval", String(bad.lockoutIntervalSeconds))
        } else {
            line(26, "Bad Password Threshold", "Not Available")
        }
        return out
    }

    /// `ipmitool sel info`.
    public static func selInfo(_ info: IPMISELInfo) -> String {
        let compliant = info.versionByte == 0x51 || info.versionByte == 0x02 ? "v1.5, v2 compliant" : "Unknown"
        var out = "SEL Information\n"
        out += "Version          : \(info.version) (\(compliant))\n"
        out += "Entries          : \(info.entries)\n"
        out += "Free Space       : \(info.freeSpaceBytes) bytes \(info.freeSpaceBytes == 65535 ? "or more" : "")\n"
        out += "Percent Used     : \(info.percentUsed.map { "\($0)%" } ?? "unknown")\n"
        out += "Last Add Time    : \(info.lastAddTime.map { IPMITime.selTimestamp(Int64($0)) } ?? "Not Available")\n"
        out += "Last Del Time    : \(info.lastEraseTime.map { IPMITime.selTimestamp(Int64($0)) } ?? "Not Available")\n"
        out += "Overflow         : \(info.overflow ? "true" : "false")\n"
        out += "Supported Cmds   : \(info.supportedCommands.isEmpty ? "None" : info.supportedCommands.map { "'\($0)' " }.joined())\n"
        if let allocation = info.allocation {
            out += "# of Alloc Units : \(allocation.units)\n"
            out += "Alloc Unit Size  : \(allocation.unitSizeBytes)\n"
            out += "# Free Units     : \(allocation.freeUnits)\n"
            out += "Largest Free Blk : \(allocation.largestFreeBlock)\n"
            out += "Max Record Size  : \(allocation.maxRecordSize)\n"
        }
        return out
    }

    /// `ipmitool sel list` (`-c`: `ipmitool -c sel list`): one line per record, without SDR names.
    /// `manufacturerID` is the BMC's: for Supermicro's (10876, 47488) ipmitool appends its OEM decoding of
    /// event data 2 and 3 to sensor-specific descriptions, " ()" when that decodes to nothing.
    public static func selList(_ entries: [IPMISELEntry], csv: Bool = false, manufacturerID: UInt32? = nil) -> String {
        let supermicro = manufacturerID == 10876 || manufacturerID == 47488
        let separator = csv ? "," : " | "
        var out = ""
        for entry in entries {
            let id = String(entry.recordID, radix: 16)
            var fields: [String] = []
            var line = csv ? id : String(repeating: " ", count: max(0, 4 - id.count)) + id
            if let time = entry.timestamp, entry.recordType < 0xE0 {
                if time < 0x2000_0000 {
                    let digits = String(time)
                    fields.append(" Pre-Init " + (csv ? "," : " |") + String(repeating: "0", count: max(0, 10 - digits.count)) + digits)
                } else {
                    fields += [IPMITime.selDate(Int64(time)), IPMITime.selTime(Int64(time))]
                }
            }
            if entry.recordType >= 0xC0 {
                fields.append("OEM record \(IPMIHex.byte(entry.recordType))")
                fields.append(String(entry.raw.dropFirst(entry.recordType < 0xE0 ? 14 : 6)))
            } else {
                var sensor = entry.sensorTypeName ?? ""
                if let number = entry.sensorNumber, number != 0 { sensor += " #0x\(IPMIHex.byte(number))" }
                fields.append(sensor)
                let oemSuffix = supermicro && entry.eventType == 0x6F && entry.description != nil ? " ()" : ""
                fields.append((entry.description ?? "") + oemSuffix)
                fields.append(entry.deasserted == true ? "Deasserted" : "Asserted")
            }
            line += separator + fields.joined(separator: separator)
            out += line + "\n"
        }
        return out
    }

    /// `ipmitool [-c] user summary N` (ipmitool 1.8.19's layout; QEMU's BMC has no user commands to check it against).
    public static func userSummary(_ summary: IPMIUserSummary, csv: Bool = false) -> String {
        if csv { return "\(summary.maximumUsers),\(summary.enabledUserCount),\(summary.fixedNameCount)\n" }
        return "Maximum IDs\t    : \(summary.maximumUsers)\nEnabled User Count  : \(summary.enabledUserCount)\nFixed Name Count    : \(summary.fixedNameCount)\n"
    }

    /// `ipmitool [-c] user list N`.
    public static func userList(_ users: [IPMIUser], csv: Bool = false) -> String {
        func tf(_ value: Bool) -> String { value ? "true" : "false" }
        if csv {
            return users.map {
                "\($0.id),\($0.name),\(tf($0.callin)),\(tf($0.linkAuthentication)),\(tf($0.ipmiMessaging)),\($0.privilegeName)\n"
            }.joined()
        }
        var out = "ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit\n"
        for user in users {
            out += String(user.id).padding(4) + user.name.padding(17) + tf(user.callin).padding(8)
                + tf(user.linkAuthentication).padding(11) + tf(user.ipmiMessaging).padding(11) + user.privilegeName + "\n"
        }
        return out
    }

    /// ipmitool's name for the product, or its "Unknown (0x%02X)".
    static func productName(_ device: IPMIDeviceID) -> String {
        IPMIProducts.name(manufacturer: device.manufacturerID, product: device.productID)
            ?? "Unknown (0x\(device.productID < 0x10 ? "0" : "")\(String(device.productID, radix: 16, uppercase: true)))"
    }

    static func hex4(_ value: UInt16) -> String { IPMIHex.byte(UInt8(value >> 8)) + IPMIHex.byte(UInt8(value & 0xFF)) }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
