/// HP's and HPE's vendor-specific structures of ProLiant-class servers (ProLiant, Apollo, Synergy,
/// Edgeline), as the HPE ProLiant SMBIOS documentation and the Linux hpwdt driver describe them.
enum HPOEMDecoder: DMIOEMDecoder {
    /// Server generation, read from the product name.
    enum Generation: Int, Comparable {
        case g6 = 6, g7, g8, g9, g10, g10Plus

        static func < (a: Generation, b: Generation) -> Bool { a.rawValue < b.rawValue }

        /// nil for products that are not servers of the families the structures belong to.
        init?(product: String, vendor: OEMVendor) {
            guard ["ProLiant", "Apollo", "Synergy", "Edgeline"].contains(where: { product.contains($0) }) else { return nil }
            let names: [(String, Generation)] = [
                ("Gen10 Plus", .g10Plus), ("Gen10", .g10), ("Gen9", .g9), ("Gen8", .g8), ("G7", .g7), ("G6", .g6),
            ]
            self = names.first { product.contains($0.0) }?.1 ?? (vendor == .hpe ? .g10Plus : .g6)
        }
    }

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) -> Bool {
        guard let vendor = OEMVendor(context), vendor == .hp || vendor == .hpe,
              let generation = Generation(product: context.systemProduct ?? "", vendor: vendor) else { return false }
        let company = vendor == .hp ? "HP" : "HPE"
        switch s.type {
        case 194:
            out.title("\(company) ProLiant Super IO Enable/Disable Indicator")
            guard let status = s.byte(0x04) else { break }
            let ports = ["Serial Port A", "Serial Port B", "Parallel Port", "Floppy Disk Port", "Virtual Serial Port"]
            for (bit, port) in ports.enumerated() {
                out.attr(port, status & (1 << bit) != 0 ? "Enabled" : "Disabled")
            }
        case 199:
            guard generation >= .g9 else { return false }
            out.title("\(company) ProLiant CPU Microcode Patch Support Info")
            microcodePatches(s, context, into: &out)
        case 203:
            guard generation >= .g9 else { return false }
            out.title("\(company) Device Correlation Record")
            deviceCorrelation(s, into: &out)
        case 204:
            out.title("\(company) ProLiant System/Rack Locator")
            guard s.length >= 0x0B else { break }
            out.attr("Rack Name", s.string(at: 0x04)!.text)
            out.attr("Enclosure Name", s.string(at: 0x05)!.text)
            out.attr("Enclosure Model", s.string(at: 0x06)!.text)
            out.attr("Enclosure Serial", s.string(at: 0x0A)!.text)
            out.attr("Enclosure Bays", "\(s.byte(0x08)!)")
            out.attr("Server Bay", s.string(at: 0x07)!.text)
            out.attr("Bays Filled", "\(s.byte(0x09)!)")
        case 209, 221:
            // Records of PCI device/function, bus and MAC address, numbered from 1 (221 is deprecated).
            out.title(company + (s.type == 221 ? " BIOS iSCSI NIC PCI and MAC Information" : " BIOS PXE NIC PCI and MAC Information"))
            var offset = 0x04
            var number = 1
            while offset + 8 <= s.length {
                out.attr("NIC \(UInt8(truncatingIfNeeded: number))", nic(bus: s.byte(offset + 1)!, deviceFunction: s.byte(offset)!, mac: s.bytes(offset + 2, 6)!))
                number += 1
                offset += 8
            }
        case 212:
            out.title("\(company) 64-bit CRU Information")
            guard s.length >= 0x18 else { break }
            cru(s, into: &out)
        case 219:
            out.title("\(company) ProLiant Information")
            guard s.length >= 0x08 else { break }
            out.attr("Power Features", "0x" + hex(s.dword(0x04)!, width: 8).lowercased())
            guard s.length >= 0x0C else { break }
            out.attr("Omega Features", "0x" + hex(s.dword(0x08)!, width: 8).lowercased())
            guard s.length >= 0x14 else { break }
            let features = s.dword(0x10)!
            out.attr("Misc. Features", "0x" + hex(features, width: 8).lowercased())
            out.subattr("iCRU", yesNo(features & 0x0001 != 0))
            out.subattr("UEFI", yesNo(features & 0x1400 != 0))
        case 233:
            out.title("\(company) BIOS PXE NIC PCI and MAC Information")
            guard s.length >= 0x0E else { break }
            // Short records have no port number; those are numbered in table order.
            let number = isUnnumberedNIC(s)
                ? UInt8(truncatingIfNeeded: (context.unnumberedNICRecords.firstIndex(of: s.offset) ?? 0) + 1)
                : s.byte(0x28)!
            out.attr("NIC \(number)", nic(bus: s.byte(0x06)!, deviceFunction: s.byte(0x07)!, mac: s.bytes(0x08, 6)!))
        case 236:
            out.title("\(company) HDD Backplane FRU Information")
            guard s.length >= 0x08 else { break }
            backplane(s, generation, into: &out)
        case 237:
            guard generation >= .g9 else { return false }
            out.title("\(company) DIMM Vendor Information")
            guard s.length >= 0x08 else { break }
            out.attr("Associated Handle", "0x" + hex(s.word(0x04)!, width: 4))
            out.attr("DIMM Manufacturer", s.string(at: 0x06)!.text)
            out.attr("DIMM Manufacturer Part Number", s.string(at: 0x07)!.text)
            guard s.length >= 0x09 else { break }
            out.attr("DIMM Vendor Serial Number", s.string(at: 0x08)!.text)
            guard s.length >= 0x0A else { break }
            out.attr("DIMM Spare Part Number", s.string(at: 0x09)!.text)
        case 238:
            guard generation >= .g9 else { return false }
            out.title("\(company) Proliant USB Port Connector Correlation Record")
            guard s.length >= 0x0F else { break }
            usbPort(s, into: &out)
        case 240:
            out.title("\(company) Proliant Inventory Record")
            guard s.length >= 0x27 else { break }
            inventory(s, into: &out)
        default:
            return false
        }
        return true
    }

    /// Whether dmidecode numbers this type 233 NIC record itself: it is long enough to be decoded but
    /// has no port number byte, or the byte says "none".
    static func isUnnumberedNIC(_ s: SMBIOSStructure) -> Bool {
        s.type == 233 && s.length >= 0x0E && (s.length <= 0x28 || s.byte(0x28)! == 0xFF)
    }

    /// A NIC's PCI location and MAC address; bus and device 0 mean disabled, all ones not installed.
    static func nic(bus: UInt8, deviceFunction: UInt8, mac: [UInt8]) -> String {
        if bus == 0 && deviceFunction == 0 { return "Disabled" }
        if bus == 0xFF && deviceFunction == 0xFF { return "Not Installed" }
        return "PCI device \(pciDevice(bus: bus, deviceFunction: deviceFunction)), MAC address "
            + mac.map(hex2).joined(separator: ":")
    }

    static func pciDevice(bus: UInt8, deviceFunction: UInt8) -> String {
        "\(hex2(bus).lowercased()):\(hex(deviceFunction >> 3, width: 2).lowercased()).\(deviceFunction & 7)"
    }

    /// Type 199: 12-byte records of patch ID, date and CPUID.
    static func microcodePatches(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        var offset = 0x04
        while offset + 12 <= s.length {
            var cpuid = s.dword(offset + 8)!
            // AMD leaves out the base family; rebuilt this way it is right for families 15 and later.
            if context.cpuidKind == .x86AMD {
                cpuid = (cpuid & 0xFFF00) << 8 | 0x0F00 | cpuid & 0xFF
            }
            let id = (0..<4).map { UInt8(truncatingIfNeeded: cpuid >> (8 * $0)) }
            // dmidecode labels an Arm SoC ID "Signature" even here.
            if let signature = CPUID.signature(context.cpuidKind, id + [0, 0, 0, 0]) {
                out.attr(context.cpuidKind == .armSoCID ? "Signature" : "CPU ID", signature)
            }
            let date = s.dword(offset + 4)!
            out.subattr("Date", hex(date & 0xFFFF, width: 4).lowercased() + "-"
                + hex((date >> 24) & 0xFF, width: 2).lowercased() + "-" + hex((date >> 16) & 0xFF, width: 2).lowercased())
            out.subattr("Patch", "0x" + hex(s.dword(offset)!, width: 1))
            offset += 12
        }
    }

    /// Type 203: which PCI device a boot or inventory record belongs to.
    static func deviceCorrelation(_ s: SMBIOSStructure, into out: inout DMILines) {
        guard s.length >= 0x1F else { return }
        out.attr("Associated Device Record", handleOrNA(s.word(0x04)!))
        out.attr("Associated SMBus Record", handleOrNA(s.word(0x06)!))
        let ids = [0x08, 0x0A, 0x0C, 0x0E].map { s.word($0)! }
        let classes = [s.byte(0x10)!, s.byte(0x11)!]
        if ids.allSatisfy({ $0 == 0xFFFF }) && classes.allSatisfy({ $0 == 0xFF }) {
            out.attr("PCI Device Info", "Device Not Present")
        } else {
            for (name, id) in zip(["PCI Vendor ID", "PCI Device ID", "PCI Sub Vendor ID", "PCI Sub Device ID"], ids) {
                out.attr(name, pciID(id))
            }
            // The class bytes are sign-extended on their way to the 16-bit ID format.
            for (name, code) in zip(["PCI Class Code", "PCI Sub Class Code"], classes) {
                out.attr(name, pciID(UInt16(bitPattern: Int16(Int8(bitPattern: code)))))
            }
        }
        out.attr("Parent Handle", handleOrNA(s.word(0x12)!))
        let flags = s.word(0x14)!
        out.attr("Flags", "0x" + hex(flags, width: 4))
        out.attr("Device Type", name(s.byte(0x16)!, deviceTypes))
        out.attr("Device Location", name(s.byte(0x17)!, deviceLocations))
        out.attr("Device Instance", "\(s.byte(0x18)!)")
        out.attr("Device Sub-Instance", "\(s.byte(0x19)!)")
        out.attr("Bay", bayOrEnclosure(s.byte(0x1A)!))
        out.attr("Enclosure", bayOrEnclosure(s.byte(0x1B)!))
        out.attr("Device Path", s.string(at: 0x1C)!.text)
        out.attr("Structured Name", s.string(at: 0x1D)!.text)
        out.attr("Device Name", s.string(at: 0x1E)!.text)
        guard s.length >= 0x22 else { return }
        out.attr("UEFI Location", s.string(at: 0x1F)!.text)
        out.attr("Associated Real/Phys Handle", flags & 1 != 0 ? "0x" + hex(s.word(0x20)!, width: 4) : "N/A")
        guard s.length >= 0x24 else { return }
        out.attr("PCI Part Number", s.string(at: 0x22)!.text)
        out.attr("Serial Number", s.string(at: 0x23)!.text)
        guard s.length >= 0x28 else { return }
        out.attr("Segment Group Number", "0x" + hex(s.word(0x24)!, width: 4).lowercased())
        out.attr("PCI Device", pciDevice(bus: s.byte(0x26)!, deviceFunction: s.byte(0x27)!))
    }

    static func handleOrNA(_ handle: UInt16) -> String {
        handle == 0xFFFE ? "N/A" : "0x" + hex(handle, width: 4)
    }

    static func pciID(_ id: UInt16) -> String {
        id == 0xFFFF ? "Device Not Present" : "0x" + hex(id, width: 4).lowercased()
    }

    static func bayOrEnclosure(_ code: UInt8) -> String {
        switch code {
        case 0x00: return "Unknown"
        case 0xFF: return "Do Not Display"
        default: return "\(code)"
        }
    }

    /// An entry of an HPE enumeration; codes past the table are "Reserved".
    static func name(_ code: UInt8, _ table: [String]) -> String {
        table[safe: Int(code)] ?? "Reserved"
    }

    static let deviceTypes = [
        "Unknown", "Reserved", "Reserved", "Flexible LOM", "Embedded LOM", "NIC in a Slot", "Storage Controller",
        "Smart Array Storage Controller", "USB Hard Disk", "Other PCI Device", "RAM Disk", "Firmware Volume",
        "UEFI Shell", "Generic UEFI USB Boot Entry", "Dynamic Smart Array Controller", "File", "NVME Hard Drive",
        "NVDIMM",
    ]
    // "Virutal" is the firmware documentation's spelling, which dmidecode prints.
    static let deviceLocations = [
        "Unknown", "Embedded", "iLO Virtual Media", "Front USB Port", "Rear USB Port", "Internal USB",
        "Internal SD Card", "Internal Virutal USB (Embedded NAND)", "Embedded SATA Port", "Embedded Smart Array",
        "PCI Slot", "RAM Memory", "USB", "Dynamic Smart Array Controller", "URL", "NVMe Drive Bay",
    ]

    /// Type 212: where the 64-bit Compaq ROM utility services are, signature "$CRU".
    static func cru(_ s: SMBIOSStructure, into out: inout DMILines) {
        let signature = s.dword(0x04)!
        let bytes = s.bytes(0x04, 4)!
        var text = "0x" + hex(signature, width: 8).lowercased()
        if bytes.allSatisfy({ $0 >= 32 && $0 < 127 }) { text += " (\(String(decoding: bytes, as: UTF8.self)))" }
        out.attr("Signature", text)
        guard signature == 0x5552_4324 else { return }
        let address = s.qword(0x08)! &+ UInt64(s.dword(0x14)!)
        out.attr("Physical Address", "0x" + hex(address, width: 16).lowercased())
        out.attr("Length", "0x" + hex(s.dword(0x10)!, width: 8).lowercased())
    }

    /// Type 236: a drive backplane's FRU.
    static func backplane(_ s: SMBIOSStructure, _ generation: Generation, into out: inout DMILines) {
        let address = s.byte(0x04)!
        out.attr("FRU I2C Address", "0x\(hex(address >> 1, width: 1)) raw(0x\(hex(address, width: 1)))")
        out.attr("Box Number", "\(s.word(0x05)!)")
        // A structure of 8 bytes ends inside this word; its high byte is then the first byte after the
        // formatted area.
        let nvram = s.word(0x07) ?? UInt16(s.byte(0x07)!) | UInt16(s.strings.first?.first ?? 0) << 8
        out.attr("NVRAM ID", "0x" + hex(nvram, width: 1))
        guard s.length >= 0x11 else { return }
        // Shown as printf shows a 64-bit value given to a 32-bit conversion: its low half.
        out.attr("SAS Expander WWID", "0x" + hex(UInt32(truncatingIfNeeded: s.qword(0x09)!), width: 1))
        guard s.length >= 0x12 else { return }
        out.attr("Total SAS Bays", "\(s.byte(0x11)!)")
        guard s.length >= 0x15, generation < .g10Plus else { return }
        out.attr("A0 Bay Count", "\(s.byte(0x12)!)")
        out.attr("A2 Bay Count", "\(s.byte(0x13)!)")
        out.attr("Backplane Name", s.string(at: 0x14)!.text)
    }

    /// Type 238: a USB port and its controller.
    static func usbPort(_ s: SMBIOSStructure, into out: inout DMILines) {
        out.attr("Associated Handle", "0x" + hex(s.word(0x04)!, width: 4))
        out.attr("PCI Device", pciDevice(bus: s.byte(0x06)!, deviceFunction: s.byte(0x07)!))
        out.attr("Location", name(s.byte(0x08)!, [
            "Internal", "Front of Server", "Rear of Server", "Embedded internal SD Card", "iLO USB",
            "HP NAND Controller (USX 2065 or other)", "Reserved", "Debug Port",
        ]))
        let managementPort = s.word(0x09)!
        out.attr("Management Port", managementPort < 3
            ? ["Not Shared", "Shared with physical switch", "Shared with automatic control"][Int(managementPort)]
            : "Reserved")
        out.attr("Port Instance", "\(s.byte(0x0B)!)")
        let hub = s.byte(0x0C)!
        out.attr("Parent Hub Port Instance", hub == 0xFE ? "N/A" : "\(hub)")
        out.attr("Port Speed Capability", name(s.byte(0x0D)!, [
            "Reserved", "USB 1.1 Full Speed", "USB 2.0 High Speed", "USB 3.0 Super Speed",
        ]))
        out.attr("Device Path", s.string(at: 0x0E)!.text)
    }

    /// Type 240: firmware version of a device that reports it through its UEFI driver.
    static func inventory(_ s: SMBIOSStructure, into out: inout DMILines) {
        out.attr("Associated Handle", "0x" + hex(s.word(0x04)!, width: 4))
        out.attr("Package Version", "0x" + hex(s.dword(0x06)!, width: 8))
        out.attr("Version String", s.string(at: 0x0A)!.text)
        // A size whose low half is zero counts as not given.
        out.attr("Image Size", s.dword(0x0B)! != 0 ? DMIFormat.memorySize(s.qword(0x0B)!) : "Not Available")
        let defined = s.qword(0x13)!
        let set = s.qword(0x1B)!
        out.attr("Attributes Defined/Set", "")
        let attributes = ["Updatable", "Reset Required", "Authentication Required", "In Use", "UEFI Image"]
        for (bit, attribute) in attributes.enumerated() where defined & (1 << bit) != 0 {
            out.subattr(attribute, yesNo(set & (1 << bit) != 0))
        }
        let lowest = s.dword(0x23)!
        out.attr("Lowest Supported Version", lowest != 0 ? "0x" + hex(lowest, width: 8) : "Not Available")
    }
}

private func yesNo(_ flag: Bool) -> String { flag ? "Yes" : "No" }
