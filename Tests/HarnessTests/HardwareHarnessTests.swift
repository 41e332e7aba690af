import Foundation
import TestSupport
import Testing

/// mkagent's hardware commands against the tools they replace, run in the same guest boot of each profile:
/// `lspci -nn -vmm`, `lsscsi`, `lsscsi --size` and lsblk (in several layouts) byte for byte; `lshw -json`
/// node by node for every PCI function, disk, network interface and USB device it lists; lsusb's devices
/// against the `usb` facts.
@Suite(.serialized, .enabled(if: Harness.qemuAvailable, "qemu-system-x86_64 not installed"))
struct HardwareHarnessTests {
    static let allLsblkColumns = "NAME,KNAME,PKNAME,PATH,MAJ:MIN,RM,SIZE,RO,TYPE,MOUNTPOINT,MOUNTPOINTS,ROTA,MODEL,SERIAL,TRAN,VENDOR,WWN,HCTL,REV,LOG-SEC,PHY-SEC,START"

    /// lsblk's arguments for each compared layout (RackHD's `-o KNAME,TYPE,ROTA` among them).
    static let lsblkVariants = [
        "", "-l", "-J", "-b -d", "-o KNAME,TYPE,ROTA", "-o \(allLsblkColumns)", "-l -o \(allLsblkColumns)",
        "-J -b -o \(allLsblkColumns)",
    ]

    /// One guest command running COMMAND with every variant, each after a `== ARGUMENTS` line.
    static func lsblkScript(_ command: String) -> String {
        lsblkVariants.map { "echo '== \($0)'; \(command) \($0)" }.joined(separator: "; ")
    }

    /// Nodes of lshw's tree mkagent does not have, with the reason; any other missing node or differing
    /// field fails.
    static func lshwOnly(_ node: [String: Any]) -> String? {
        // lshw B.02.19 lists each NVMe namespace's generic character device (/dev/ngXnY, the NVMe passthrough
        // interface) as one more "namespace" disk; it is not a block device and has no size or serial.
        if LshwJSONNodes.logicalNames(node).first?.hasPrefix("/dev/ng") == true { return "NVMe generic character device" }
        // ... and the controller's hwmon temperature sensor (`hwmon0`) as a namespace disk too.
        if node["class"] as? String == "disk", LshwJSONNodes.logicalNames(node).first?.hasPrefix("hwmon") == true { return "NVMe hwmon sensor" }
        return nil
    }

    @Test(arguments: MachineProfile.names)
    func lspci_isTheGuestsLspci(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let oracle = boot.run.oracle("lspci")
        let ours = boot.output(.lspci)
        #expect(ours.status == 0, "mkagent lspci: \(ours.stderr)")
        #expect(oracle.stdout.contains("Slot:\t"), "lspci listed no function")
        #expect(ours.stdout == oracle.stdout)
    }

    @Test(arguments: MachineProfile.names)
    func lsscsi_isTheGuestsLsscsi(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        #expect(boot.output(.lsscsi).stdout == boot.run.oracle("lsscsi").stdout)
        let sized = boot.output(.lsscsiSizeTool).stdout
        #expect(!sized.isEmpty, "lsscsi --size listed nothing")
        #expect(boot.output(.lsscsiSize).stdout == sized)
    }

    @Test(arguments: MachineProfile.names)
    func lsblk_isTheGuestsLsblk_inEveryLayout(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        func sections(_ text: String) -> [String: String] {
            var result: [String: String] = [:]
            for part in text.components(separatedBy: "== ").dropFirst() {
                let head = part.prefix { $0 != "\n" }
                result[String(head)] = String(part.dropFirst(head.count + 1))
            }
            return result
        }
        let oracle = sections(boot.output(.lsblkTool).stdout)
        let ours = sections(boot.output(.lsblk).stdout)
        #expect(oracle.count == Self.lsblkVariants.count, "lsblk ran \(oracle.count) variants")
        for variant in Self.lsblkVariants {
            #expect(ours[variant] == oracle[variant], "lsblk \(variant)")
            #expect((oracle[variant] ?? "").count > 40, "lsblk \(variant) printed almost nothing")
        }
    }

    /// Every PCI function (businfo `pci@`), disk, network interface and USB device (`usb@`) of the guest's
    /// `lshw -json` is in `mkagent lshw -json` with the same class, ids and names, serial, size, logical
    /// names and bus address.
    @Test(arguments: MachineProfile.names)
    func lshw_hasEveryDeviceOfLshw_withEqualFields(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let ours = boot.output(.lshw)
        #expect(ours.status == 0, "mkagent lshw: \(ours.stderr)")
        let theirs = try LshwJSONNodes.all(boot.run.oracle("lshw").stdout)
        let mine = try LshwJSONNodes.all(ours.stdout)
        var devices: [String: Int] = [:]
        var fields = 0
        for node in theirs {
            let kind: String
            let match: [String: Any]?
            let businfo = node["businfo"] as? String ?? ""
            let names = LshwJSONNodes.logicalNames(node)
            if businfo.hasPrefix("pci@") || businfo.hasPrefix("usb@") {
                kind = String(businfo.prefix(3))
                match = mine.first { $0["businfo"] as? String == businfo }
            } else if Self.lshwOnly(node) != nil {
                continue
            } else if node["class"] as? String == "disk", let name = names.first {
                kind = "disk"
                match = mine.first { LshwJSONNodes.logicalNames($0).first == name }
            } else if node["class"] as? String == "network", let name = names.first {
                kind = "network"
                match = mine.first { LshwJSONNodes.logicalNames($0).contains(name) }
            } else {
                continue
            }
            devices[kind, default: 0] += 1
            let label = "\(kind) \(businfo.isEmpty ? names.first ?? "?" : businfo)"
            guard let match else {
                Issue.record("\(profile): \(label) (\(node["class"] ?? "")) is not in mkagent's tree")
                continue
            }
            for key in ["class", "vendor", "product", "serial", "size", "businfo", "handle", "version", "width", "clock"] {
                guard let value = node[key] else { continue }
                fields += 1
                let expected = "\(value)", actual = match[key].map { "\($0)" }
                if actual != expected {
                    Issue.record("\(profile): \(label).\(key): lshw \(expected), mkagent \(actual ?? "-")")
                }
            }
            fields += 1
            #expect(LshwJSONNodes.logicalNames(match) == names, "\(profile): \(label).logicalname")
        }
        print("harness: \(profile): lshw nodes compared \(devices.sorted { $0.key < $1.key }), \(fields) fields")
        #expect(devices["pci", default: 0] > 0 && devices["network", default: 0] > 0)
        if let mkagent = boot.run.seconds(ProfileBoot.Command.lshw.rawValue),
           let lshw = boot.run.seconds(ProfileBoot.Command.lshwTool.rawValue) {
            print("harness: \(profile): lshw -json \(lshw) s, mkagent lshw \(mkagent) s in the guest")
        }
    }

    /// lsusb's `Bus BBB Device DDD: ID VVVV:PPPP` lines are the `usb` facts' devices, ids equal.
    @Test(arguments: MachineProfile.names)
    func usbFacts_areLsusbsDevices(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let lsusb = boot.run.oracle("lsusb").stdout.split(separator: "\n").compactMap { line -> (Int, Int, String)? in
            let words = line.split(separator: " ")
            guard words.count >= 6, words[0] == "Bus", let bus = Int(words[1]), let device = Int(words[3].dropLast()) else { return nil }
            return (bus, device, String(words[5]))
        }
        #expect(lsusb.count >= 2, "lsusb listed \(lsusb.count) devices")
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(boot.output(.facts).stdout.utf8)) as? [String: Any])
        let usb = ((facts["usb"] as? [String: Any])?["devices"] as? [[String: Any]]) ?? []
        #expect(usb.count == lsusb.count, "usb facts list \(usb.count) devices, lsusb \(lsusb.count)")
        for (bus, number, ids) in lsusb {
            let device = usb.first { $0["bus"] as? Int == bus && $0["device_number"] as? Int == number }
            let mine = device.map { "\($0["vendor_id"] as? String ?? "?"):\($0["product_id"] as? String ?? "?")" }
            #expect(mine == ids, "\(profile): bus \(bus) device \(number)")
        }
    }

    /// rack-server carries every kind of device the hardware issue names, so the comparisons above cover
    /// them: NVMe, virtio-blk, SATA on AHCI, a SCSI disk behind virtio-scsi, e1000 and virtio-net, and USB.
    @Test func rackServer_hasEveryDeviceKind() throws {
        let boot = try ProfileBoot.of("rack-server")
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(boot.output(.facts).stdout.utf8)) as? [String: Any])
        let storage = try #require(facts["storage"] as? [String: Any])
        let disks = (storage["block_devices"] as? [[String: Any]]) ?? []
        let transports = Set(disks.compactMap { $0["transport"] as? String })
        #expect(transports.isSuperset(of: ["nvme", "virtio", "sata"]), "\(transports)")
        let hosts = (storage["scsi_hosts"] as? [[String: Any]]) ?? []
        #expect(hosts.contains { $0["proc_name"] as? String == "virtio_scsi" }, "a virtio-scsi host")
        let interfaces = ((facts["network"] as? [String: Any])?["interfaces"] as? [[String: Any]]) ?? []
        let drivers = Set(interfaces.compactMap { $0["driver"] as? String })
        #expect(drivers.isSuperset(of: ["e1000", "virtio_net"]), "\(drivers)")
        let usb = ((facts["usb"] as? [String: Any])?["devices"] as? [[String: Any]]) ?? []
        #expect(usb.contains { $0["class_id"] as? String != "09" }, "a USB device besides hubs")
    }
}
