import Foundation
import Testing

/// The profile files themselves (no QEMU needed): distinct machines with everything the harness tests check.
@Suite struct MachineProfileTests {
    @Test func optionValues_splitAtSingleCommas_andDoubledCommasAreLiteral() {
        let pairs = MachineProfile.pairs("type=0,vendor=Contoso,, Inc.,version=1.0,,2,uefi=on")
        #expect(pairs.map(\.key) == ["type", "vendor", "version", "uefi"])
        #expect(pairs.map(\.value) == ["0", "Contoso, Inc.", "1.0,2", "on"])
        #expect(MachineProfile.pairs("nvme,drive=d0").first?.key == "nvme")
    }

    @Test func profileLines_areOptionAndVerbatimValue() {
        let profile = MachineProfile(name: "t", text: """
            # comment
            -smbios type=1,product=Rack Server 9,uuid=4c4c4544-0042-3710-8052-b3c04f4a3532
            -smp sockets=2,cores=2,threads=2
            -device ipmi-bmc-sim,id=bmc0,mfg_id=0x2a7c
            @fru bmc0.fru product_serial=PS-1,board_serial=B,, 2
            """)
        #expect(profile.smbios(1, "product") == "Rack Server 9")
        #expect(profile.cpuCount == 8)
        #expect(profile.bmcManufacturerID == 10876)
        #expect(profile.fru == ["product_serial": "PS-1", "board_serial": "B, 2"])
    }

    @Test func thereAreAtLeastThreeDistinctMachines() throws {
        let profiles = try MachineProfile.names.map(MachineProfile.init(named:))
        #expect(profiles.count >= 3)
        #expect(Set(profiles.compactMap { $0.smbios(1, "uuid") }).count == profiles.count)
        #expect(Set(profiles.compactMap { $0.smbios(1, "serial") }).count == profiles.count)
        #expect(Set(profiles.compactMap { $0.options.first { $0.name == "-cpu" }?.value }).count == profiles.count)
    }

    @Test(arguments: MachineProfile.names)
    func profile_setsEverythingTheHarnessChecks(name: String) throws {
        let profile = try MachineProfile(named: name)
        for type in [0, 1, 2, 3, 4, 11, 17] {
            #expect(!profile.smbios(type).isEmpty, "SMBIOS type \(type)")
        }
        for fact in QEMUHarnessTests.factsFromSMBIOS {
            #expect(profile.smbios(fact.type, fact.option) != nil, "type \(fact.type) \(fact.option)")
        }
        #expect(profile.bmcManufacturerID != nil, "an ipmi-bmc-sim with mfg_id")
        #expect(!profile.elements("-device", first: "isa-ipmi-kcs").isEmpty, "a KCS interface")
        #expect(!profile.macAddresses.isEmpty, "a NIC with a set MAC")
        #expect(profile.options.contains { $0.name == "-device" && $0.value.hasPrefix("usb-") }, "a USB device")
        // Networking never leaves QEMU: user netdevs with restrict=on only.
        for netdev in profile.options.filter({ $0.name == "-netdev" }) {
            #expect(netdev.value.hasPrefix("user,") && MachineProfile.pairs(netdev.value).contains { $0 == ("restrict", "on") })
        }
        #expect(!profile.options.contains { $0.name == "-nic" || $0.name == "-net" })
    }
}
