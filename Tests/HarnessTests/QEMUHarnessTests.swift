import Foundation
import Testing

/// Whole machines: each profile booted once in QEMU, mkagent and the oracle tools run in the same guest.
@Suite(.serialized, .enabled(if: Harness.qemuAvailable, "qemu-system-x86_64 not installed"))
struct QEMUHarnessTests {
    /// `mkagent facts` keys and the `-smbios` option each must repeat verbatim.
    static let factsFromSMBIOS: [(section: String, key: String, type: Int, option: String)] = [
        ("bios", "vendor", 0, "vendor"), ("bios", "version", 0, "version"), ("bios", "release_date", 0, "date"),
        ("system", "manufacturer", 1, "manufacturer"), ("system", "product_name", 1, "product"),
        ("system", "version", 1, "version"), ("system", "serial_number", 1, "serial"),
        ("system", "uuid", 1, "uuid"), ("system", "sku_number", 1, "sku"), ("system", "family", 1, "family"),
    ]

    /// `-smbios` keys that are not strings dmidecode prints as they were given.
    static let nonStringSMBIOSKeys: Set<String> = [
        "type", "uuid", "release", "uefi", "speed", "max-speed", "current-speed", "sock_pfx", "loc_pfx", "file", "path",
    ]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed]), as: UTF8.self)
    }

    @Test(arguments: MachineProfile.names)
    func mkagentDMI_matchesDmidecodeInTheGuest_handleByHandle(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let dmidecode = boot.run.oracle("dmidecode")
        let mkagent = boot.output(.dmi)
        #expect(mkagent.status == 0, "mkagent dmi: \(mkagent.stderr)")
        let expected = DMIText.blocks(dmidecode.stdout)
        let mine = DMIText.blocks(mkagent.stdout)
        let actual = Dictionary(mine.map { ($0.handle, $0) }) { first, _ in first }
        #expect(Set(expected.map(\.type)).isSuperset(of: DMIText.profileTypes), "dmidecode shows the profile's types")
        #expect(mine.count == expected.count, "mkagent printed \(mine.count) blocks, dmidecode \(expected.count)")
        for block in expected {
            #expect(actual[block.handle]?.lines == block.lines, "Handle \(block.handle), DMI type \(block.type)")
        }
    }

    @Test(arguments: MachineProfile.names)
    func mkagentFacts_showTheSMBIOSValuesOfTheQEMUCommandLineVerbatim(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let facts = boot.output(.facts)
        #expect(facts.status == 0, "mkagent facts: \(facts.stderr)")
        let dmi = try #require(try Self.json(facts.stdout)["dmi"] as? [String: Any], "no dmi section")
        for fact in Self.factsFromSMBIOS {
            let given = try #require(boot.run.profile.smbios(fact.type, fact.option), "profile sets type \(fact.type) \(fact.option)")
            let shown = (dmi[fact.section] as? [String: Any])?[fact.key] as? String
            #expect(shown == (fact.key == "uuid" ? given.uppercased() : given), "dmi.\(fact.section).\(fact.key)")
        }
        let diagnostics = try Self.json(facts.stdout)["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.filter { $0["collector"] as? String == "dmi" }.isEmpty, "\(diagnostics)")
    }

    /// `{"lscpu": [{"field", "data"}]}` as (field, data) pairs in order.
    static func lscpuRows(_ text: String) throws -> [[String]] {
        let rows = try #require(try json(text)["lscpu"] as? [[String: Any]], "not lscpu -J output")
        return rows.map { [$0["field"] as? String ?? "", $0["data"] as? String ?? "null"] }
    }

    @Test(arguments: MachineProfile.names)
    func mkagentLscpu_matchesTheGuestsLscpu_fieldByField(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let mine = boot.output(.lscpu)
        #expect(mine.status == 0, "mkagent lscpu -J: \(mine.stderr)")
        let expected = try Self.lscpuRows(boot.run.oracle("lscpu").stdout)
        let actual = try Self.lscpuRows(mine.stdout)
        #expect(expected.count > 10, "lscpu printed \(expected.count) fields")
        let differing = zip(expected, actual).filter { $0 != $1 }.map { "lscpu \($0), mkagent \($1)" }
        #expect(differing.isEmpty && actual.count == expected.count,
                "\(actual.count) fields vs lscpu's \(expected.count); differing: \(differing)")
    }

    @Test(arguments: MachineProfile.names)
    func snapshot_replayedOnTheHost_givesTheGuestsDMISection(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let root = try SnapshotTree(boot)

        let replay = try root.facts(only: "dmi")
        #expect(replay.status == 0, "\(replay.stderr)")
        var host = try #require(try Self.json(replay.stdout)["dmi"] as? [String: Any], "no dmi section in the replay")
        var guest = try #require(try Self.json(boot.output(.facts).stdout)["dmi"] as? [String: Any])
        // The source names the path read, which is under the snapshot on the host.
        #expect(host.removeValue(forKey: "source") as? String == "sysfs \(root.url.path)/sys/firmware/dmi/tables/DMI")
        #expect(guest.removeValue(forKey: "source") as? String == "sysfs /sys/firmware/dmi/tables/DMI")
        #expect(try Self.canonical(host) == Self.canonical(guest))
    }

    @Test(arguments: MachineProfile.names)
    func snapshot_replayedOnTheHost_givesTheGuestsCPUAndMemory(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let root = try SnapshotTree(boot)

        let replay = try root.facts(only: "cpu,memory")
        #expect(replay.status == 0, "\(replay.stderr)")
        let host = try Self.json(replay.stdout)
        let guest = try Self.json(boot.output(.facts).stdout)
        let hostCPU = try #require(host["cpu"] as? [String: Any], "no cpu section in the replay")
        let guestCPU = try #require(guest["cpu"] as? [String: Any], "no cpu section in the guest")
        #expect(try Self.canonical(hostCPU) == Self.canonical(guestCPU))
        // Memory use moves between the facts run and the snapshot; what the machine has does not.
        let stable = ["total_bytes", "swap_total_bytes", "block_size_bytes", "online_blocks", "offline_blocks", "installed_bytes", "dimms"]
        let hostMemory = try #require(host["memory"] as? [String: Any], "no memory section in the replay")
        let guestMemory = try #require(guest["memory"] as? [String: Any], "no memory section in the guest")
        for key in stable {
            #expect(try Self.canonical(hostMemory[key] ?? NSNull()) == Self.canonical(guestMemory[key] ?? NSNull()), "memory.\(key)")
        }
        let nodes = { (memory: [String: Any]) in
            (memory["numa_nodes"] as? [[String: Any]] ?? []).map { "\($0["node"] ?? "?"):\($0["total_bytes"] ?? "?")" }
        }
        #expect(nodes(hostMemory) == nodes(guestMemory))
        #expect(!nodes(guestMemory).isEmpty, "the guest has NUMA nodes")
    }

    @Test(arguments: MachineProfile.names)
    func oracleTools_ranInTheGuest_andSawTheProfilesDevices(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let machine = boot.run.profile
        let oracleList = try String(
            contentsOf: Harness.projectRoot.appendingPathComponent("Tests/Harness/oracle"), encoding: .utf8)
        let names = oracleList.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: " ").first }
        #expect(names.count >= 10)
        for name in names.map(String.init) {
            let output = boot.run.oracle(name)
            #expect(output.status == 0, "\(name) exited \(output.status.map(String.init) ?? "-"): \(output.stderr)")
            #expect(!output.stdout.isEmpty || name == "dmidecode-dump", "\(name) printed nothing")
        }
        for name in ["lscpu", "lshw", "lsblk", "ip-link", "ip-addr"] {
            #expect(throws: Never.self, "\(name) -J/-json output parses") {
                try JSONSerialization.jsonObject(with: Data(boot.run.oracle(name).stdout.utf8))
            }
        }

        // Every string the -smbios options set is in dmidecode's text as given.
        let dmidecode = boot.run.oracle("dmidecode").stdout
        for type in [0, 1, 2, 3, 4, 11, 17] {
            let pairs = machine.smbios(type).filter { !Self.nonStringSMBIOSKeys.contains($0.key) }
            #expect(!pairs.isEmpty, "profile sets SMBIOS type \(type)")
            for pair in pairs {
                #expect(dmidecode.contains(": \(pair.value)\n"), "type \(type) \(pair.key)=\(pair.value) in dmidecode")
            }
        }
        #expect(dmidecode.contains("UUID: \(try #require(machine.smbios(1, "uuid")).lowercased())"))

        // The BMC answers with the ids it was given, and its FRU data is the profile's.
        let mcInfo = boot.run.oracle("ipmitool-mc-info").stdout
        let manufacturerID = try #require(machine.bmcManufacturerID)
        #expect(mcInfo.contains("Manufacturer ID           : \(manufacturerID)\n"), "\(mcInfo)")
        let fru = boot.run.oracle("ipmitool-fru").stdout
        for key in ["board_serial", "product_serial", "product_name"] where machine.fru[key] != nil {
            #expect(fru.contains(": \(machine.fru[key]!)\n"), "FRU \(key) in ipmitool fru print")
        }

        // The disks: NVMe serials in lsblk, every NVMe and SCSI/SATA disk in lsscsi.
        let lsblk = boot.run.oracle("lsblk").stdout
        for serial in machine.devices("nvme", "serial") {
            #expect(lsblk.contains("\"serial\": \"\(serial)"), "NVMe serial \(serial) in lsblk")
        }
        let lsscsi = boot.run.oracle("lsscsi").stdout.split(separator: "\n")
        #expect(lsscsi.filter { $0.contains("/dev/nvme") }.count == machine.devices("nvme", "drive").count)
        let scsiDisks = machine.devices("ide-hd", "drive").count + machine.devices("scsi-hd", "drive").count
        #expect(lsscsi.filter { $0.contains("/dev/sd") }.count == scsiDisks, "\(lsscsi)")

        // CPUs, NICs and the USB device.
        #expect(boot.run.oracle("lscpu").stdout.contains("\"data\": \"\(machine.cpuCount)\""), "lscpu CPU(s)")
        let links = boot.run.oracle("ip-link").stdout
        for mac in machine.macAddresses {
            #expect(links.contains("\"address\":\"\(mac.lowercased())\""), "NIC \(mac) in ip link")
        }
        #expect(boot.run.oracle("lshw").stdout.contains("QEMU USB"), "the USB device in lshw")
    }

    @Test(arguments: MachineProfile.names)
    func guest_reachesTheHostServer_onlyThroughTheForward(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let forwarded = boot.output(.forwardedFetch)
        #expect(forwarded.status == 0, "\(forwarded.stderr)")
        #expect(forwarded.stdout == boot.token)
        let direct = boot.output(.hostFetch)
        #expect(direct.status != 0)
        #expect(!direct.stdout.contains(boot.token))
    }
}
