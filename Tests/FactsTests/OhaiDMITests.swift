import Foundation
import Testing
@testable import Facts

/// The `dmi` section of `mkagent ohai` on the 22 DMI dumps: ohai's rules over mkagent's dmidecode text must
/// give what they give over dmidecode's own text, the keys RackHD reads must hold the DMI facts' values, and,
/// where ohai is installed, ohai itself (run over dmidecode's text of the same dump) must agree.
@Suite struct OhaiDMITests {
    static func section(_ text: String) -> OhaiObject { OhaiDMI.section(dmidecodeText: text) }

    static func mkagentText(_ fixture: String) throws -> String {
        DMITextRenderer.render(try DMIOracle.table(fixture))
    }

    @Test(arguments: DMIOracle.dumps)
    func sameSection_asFromDmidecodesText(_ fixture: String) throws {
        guard DMIOracle.dmidecode != nil else {
            print("skipped: dmidecode is not installed")
            return
        }
        let expected = Self.section(try DMIOracle.text(fixture))
        let actual = Self.section(try Self.mkagentText(fixture))
        // The header lines (version, structure count, table address) are not part of mkagent's table text.
        let types = expected.keys.filter { !["dmidecode_version", "smbios_version", "structures", "table_location"].contains($0) }
        #expect(!types.isEmpty)
        #expect(actual.keys == types, "\(fixture)")
        for type in types {
            #expect(actual[type] == expected[type], "\(fixture): dmi.\(type)")
        }
    }

    @Test(arguments: DMIOracle.dumps)
    func rackHDKeys_holdTheDMIFacts(_ fixture: String) throws {
        let table = try DMIOracle.table(fixture)
        let facts = DMIFacts(table, source: fixture)
        let dmi = OhaiValue.object(Self.section(DMITextRenderer.render(table)))
        var compared = 0
        // The facts trim trailing blanks off strings and write UUIDs in upper case; ohai keeps dmidecode's text.
        func normalized(_ text: String?) -> String? { text?.trimmed().uppercased() }
        func check(_ path: [String], _ value: String?) {
            guard let value else { return }
            compared += 1
            #expect(normalized(dmi.value(at: path)?.string) == normalized(value), "\(fixture): dmi.\(path.joined(separator: "."))")
        }
        if let system = facts.system {
            check(["system", "manufacturer"], system.manufacturer)
            check(["system", "product_name"], system.productName)
            check(["system", "version"], system.version)
            check(["system", "serial_number"], system.serialNumber)
            check(["system", "uuid"], system.uuid)
            check(["system", "sku_number"], system.skuNumber)
        }
        if let bios = facts.bios {
            check(["bios", "vendor"], bios.vendor)
            check(["bios", "version"], bios.version)
            check(["bios", "release_date"], bios.releaseDate)
            check(["bios", "bios_revision"], bios.biosRevision)
        }
        if let chassis = facts.chassis.first, facts.chassis.count == 1 {
            check(["chassis", "manufacturer"], chassis.manufacturer)
            check(["chassis", "type"], chassis.type)
            check(["chassis", "serial_number"], chassis.serialNumber)
            check(["chassis", "asset_tag"], chassis.assetTag)
            check(["chassis", "sku_number"], chassis.skuNumber)
        }
        if let board = facts.baseboards.first, facts.baseboards.count == 1 {
            check(["base_board", "manufacturer"], board.manufacturer)
            check(["base_board", "product_name"], board.productName)
            check(["base_board", "serial_number"], board.serialNumber)
        }
        // Per record: with several sockets, the convenience key exists only where all agree.
        for (index, processor) in facts.processors.enumerated() {
            guard case .array(let records)? = dmi["processor", "all_records"], index < records.count else {
                Issue.record("\(fixture): processor \(index) has no record")
                continue
            }
            if let version = processor.version {
                compared += 1
                #expect(normalized(records[index]["Version"]?.string) == normalized(version), "\(fixture): processor \(index) Version")
            }
        }
        if Set(facts.processors.compactMap(\.version)).count == 1, facts.processors.allSatisfy({ $0.version != nil }) {
            check(["processor", "version"], facts.processors.first?.version)
        }
        #expect(compared > 0, "\(fixture): no DMI fact to compare")
    }
}
