import Foundation
import TestSupport
import Testing

/// `mkagent lspci`, `lsscsi`, `lshw` and the storage facts on this machine against the real tools run in the
/// same test: pciutils' lspci, lsscsi, util-linux's lsblk and lshw. Every PCI function, disk and network
/// interface the tools list must be in mkagent's output with equal ids, names, sizes, serials and logical
/// names; the fields that may differ are listed with the reason.
@Suite(.serialized) struct HardwareOracleTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/sbin", "/bin", "/sbin"].map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func runTool(_ name: String, _ arguments: [String]) throws -> String {
        let path = try #require(tool(name), "\(name) is not installed (see .ci/run)")
        let result = try MkAgentProcess.execute([path] + arguments)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        return result.stdout
    }

    // MARK: lspci

    /// With the same database lspci reads first (pci.ids), the records are identical, byte for byte.
    @Test func lspci_nnVmm_isIdenticalWithThePciIDsNames() throws {
        let oracle = try Self.runTool("lspci", ["-nn", "-vmm"])
        let ours = try MkAgentProcess.run(["lspci", "-nn", "-vmm", "--names", "ids"])
        #expect(ours.status == 0)
        #expect(ours.stdout == oracle)
        #expect(!oracle.isEmpty)
    }

    /// With hwdb (the default), names may come from a different copy of the PCI ID list, so only the ids in
    /// brackets, the slots and the other fields are compared; on this machine the names agree as well.
    @Test func lspci_withHwdbNames_hasTheSameIds() throws {
        let oracle = try Self.runTool("lspci", ["-nn", "-vmm"])
        let ours = try MkAgentProcess.run(["lspci", "-nn", "-vmm"]).stdout
        func ids(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return String(line) }
                return String(line.prefix { $0 != "\t" }) + String(line[open...])
            }
        }
        #expect(ids(ours) == ids(oracle))
    }

    // MARK: lsscsi

    @Test func lsscsi_andLsscsiSize_areIdentical() throws {
        for flags in [[], ["--size"], ["-s", "-s"]] {
            let oracle = try Self.runTool("lsscsi", flags)
            let ours = try MkAgentProcess.run(["lsscsi"] + flags)
            #expect(ours.status == 0)
            #expect(ours.stdout == oracle, "lsscsi \(flags)")
        }
    }

    // MARK: lsblk

    /// Fields lsblk 2.38 leaves empty for virtio-blk disks where mkagent has a value, with the reason. Any
    /// other difference fails.
    static let lsblkAllowedForVirtio: [String: String] = [
        // lsblk 2.38 knows no virtio transport and leaves TRAN empty; mkagent says "virtio".
        "tran": "no virtio transport in lsblk 2.38",
        // Without udev's database (none on this machine) lsblk 2.38 looks for a serial in device/serial only;
        // virtio-blk publishes it as block/vda/serial (the attribute udev's ID_SERIAL comes from), which
        // mkagent reads.
        "serial": "lsblk 2.38 does not read block/NAME/serial",
    ]

    @Test func storageFacts_matchLsblk_fieldByField() throws {
        let text = try Self.runTool("lsblk", ["-J", "-b", "-o", "NAME,SIZE,MODEL,SERIAL,ROTA,RM,RO,PHY-SEC,LOG-SEC,WWN,TRAN"])
        let oracle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let devices = try #require(oracle["blockdevices"] as? [[String: Any]])
        let facts = try FactsCommandTests.json(try MkAgentProcess.run(["facts", "--only", "storage"]).stdout)
        let storage = try #require(facts["storage"] as? [String: Any])
        let ours = try #require(storage["block_devices"] as? [[String: Any]])
        #expect(!devices.isEmpty)
        for device in devices {
            let name = try #require(device["name"] as? String)
            let mine = try #require(ours.first { $0["name"] as? String == name }, "\(name) missing from the storage facts")
            func check(_ key: String, _ ourKey: String) {
                let theirs = device[key].flatMap { $0 is NSNull ? nil : "\($0)" }
                let value = mine[ourKey].flatMap { $0 is NSNull ? nil : "\($0)" }
                if theirs == value { return }
                if theirs == nil, mine["transport"] as? String == "virtio", Self.lsblkAllowedForVirtio[key] != nil { return }
                Issue.record("\(name).\(key): lsblk \(theirs ?? "null"), mkagent \(value ?? "null")")
            }
            check("size", "size_bytes")
            check("model", "model")
            check("serial", "serial")
            check("phy-sec", "physical_sector_size")
            check("log-sec", "logical_sector_size")
            check("wwn", "wwn")
            check("tran", "transport")
            for (key, ourKey) in [("rota", "rotational"), ("rm", "removable"), ("ro", "read_only")] {
                #expect((device[key] as? Bool) == (mine[ourKey] as? Bool), "\(name).\(key)")
            }
            let partitions = (device["children"] as? [[String: Any]]) ?? []
            let ourPartitions = (mine["partitions"] as? [[String: Any]]) ?? []
            #expect(partitions.compactMap { $0["name"] as? String } == ourPartitions.compactMap { $0["name"] as? String }, "\(name) partitions")
        }
    }

    // MARK: lshw

    /// Node fields that may differ from lshw B.02.19 on this machine, with the reason.
    static let lshwAllowed: [String: String] = [
        // lshw opens /dev/vda for BLKGETSIZE64; the device cgroup forbids it here (EPERM), so lshw prints no
        // size while mkagent takes it from sysfs.
        "disk.size": "lshw cannot open the device node",
        // lshw (B.02.19) has no reader for virtio-blk serials; mkagent reads block/vda/serial.
        "disk.serial": "lshw does not read virtio-blk serials",
        // ethtool ioctls and interface addresses belong to the network collector, not to the tree.
        "network.configuration.autonegotiation": "ethtool",
        "network.configuration.driverversion": "ethtool",
        "network.configuration.ip": "interface addresses",
        "network.configuration.firmware": "ethtool",
        "network.configuration.port": "ethtool",
    ]

    @Test func lshwJSON_everyPCIFunctionDiskAndInterface_isInMkagentsTree() throws {
        let oracle = try LshwJSONNodes.all(try Self.runTool("lshw", ["-json"]))
        let result = try MkAgentProcess.run(["lshw"])
        #expect(result.status == 0)
        let ours = try LshwJSONNodes.all(result.stdout)

        var compared = (pci: 0, disks: 0, interfaces: 0)
        for node in oracle {
            let mine: [String: Any]?
            if let businfo = node["businfo"] as? String, businfo.hasPrefix("pci@") {
                mine = ours.first { $0["businfo"] as? String == businfo }
                compared.pci += 1
            } else if node["class"] as? String == "disk", let name = LshwJSONNodes.logicalNames(node).first {
                mine = ours.first { LshwJSONNodes.logicalNames($0).first == name }
                compared.disks += 1
            } else if node["class"] as? String == "network", let name = LshwJSONNodes.logicalNames(node).first {
                mine = ours.first { LshwJSONNodes.logicalNames($0).contains(name) }
                compared.interfaces += 1
            } else {
                continue
            }
            let label = (node["businfo"] as? String) ?? LshwJSONNodes.logicalNames(node).first ?? "?"
            guard let mine else {
                Issue.record("\(label) (\(node["class"] ?? "")) is not in mkagent's tree")
                continue
            }
            let nodeClass = node["class"] as? String ?? ""
            for key in ["class", "product", "vendor", "version", "serial", "businfo", "physid", "handle", "width", "clock"] {
                let theirs = node[key].map { "\($0)" }
                let value = mine[key].map { "\($0)" }
                if theirs != value && Self.lshwAllowed["\(nodeClass).\(key)"] == nil {
                    Issue.record("\(label).\(key): lshw \(theirs ?? "-"), mkagent \(value ?? "-")")
                }
            }
            if let size = node["size"] as? Int {
                #expect(mine["size"] as? Int == size, "\(label).size")
            }
            #expect(LshwJSONNodes.logicalNames(mine) == LshwJSONNodes.logicalNames(node), "\(label).logicalname")
            let theirConfig = (node["configuration"] as? [String: String]) ?? [:]
            let myConfig = (mine["configuration"] as? [String: String]) ?? [:]
            for (key, value) in theirConfig where Self.lshwAllowed["\(nodeClass).configuration.\(key)"] == nil {
                #expect(myConfig[key] == value, "\(label).configuration.\(key)")
            }
            let theirCaps = Set(((node["capabilities"] as? [String: Any]) ?? [:]).keys)
            let myCaps = Set(((mine["capabilities"] as? [String: Any]) ?? [:]).keys)
            #expect(theirCaps.subtracting(myCaps).filter { Self.lshwAllowed["\(nodeClass).capabilities.\($0)"] == nil } == [],
                    "\(label).capabilities")
        }
        #expect(compared.pci > 0 && compared.disks > 0 && compared.interfaces > 0)
    }

    /// lshw's memory node (24 GiB here, from the kernel's memory blocks when SMBIOS is absent).
    @Test func lshwJSON_systemMemoryIsTheSame() throws {
        let oracle = try LshwJSONNodes.all(try Self.runTool("lshw", ["-json"]))
        let ours = try LshwJSONNodes.all(try MkAgentProcess.run(["lshw"]).stdout)
        let theirs = oracle.first { $0["id"] as? String == "memory" }
        let mine = ours.first { $0["id"] as? String == "memory" }
        #expect(mine?["size"] as? Int == theirs?["size"] as? Int)
    }

    @Test func lshwShort_listsTheSameDevicesAndPaths() throws {
        let oracle = try Self.runTool("lshw", ["-short"])
        let ours = try MkAgentProcess.run(["lshw", "-short"]).stdout
        // Rows with a logical name (disks, interfaces) must appear with the same path, device and class.
        func rows(_ text: String) -> Set<String> {
            Set(text.split(separator: "\n").dropFirst(2).compactMap { line in
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 3, fields[0].hasPrefix("/"), fields[1].hasPrefix("/dev/") || fields[1].hasPrefix("eth") || fields[1].hasPrefix("en") else {
                    return nil
                }
                return "\(fields[0]) \(fields[1]) \(fields[2])"
            })
        }
        #expect(rows(oracle).subtracting(rows(ours)) == [])
        #expect(ours.hasPrefix("H/W path"))
    }
}
