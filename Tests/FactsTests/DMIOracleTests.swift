import Testing
@testable import Facts

/// mkagent's dmidecode text against the real dmidecode on the same 21 real tables, block by block.
@Suite(.enabled(if: DMIOracle.dmidecode != nil, "dmidecode is not installed (apt-get install dmidecode)"))
struct DMIOracleTests {
    @Test func fixtureSet_isComplete() {
        #expect(DMIOracle.dumps.count == 21)
    }

    @Test(arguments: DMIOracle.dumps)
    func everyHandleBlock_matchesDmidecode_lineForLine(_ dump: String) throws {
        let expected = DMIOracle.blocks(try DMIOracle.text(dump))
        let actual = DMIOracle.blocks(DMITextRenderer.render(try DMIOracle.table(dump)))
        #expect(actual.count == expected.count, "\(dump): \(actual.count) blocks, dmidecode printed \(expected.count)")
        for (mine, theirs) in zip(actual, expected) where mine != theirs {
            let firstDifference = zip(mine, theirs).first { $0 != $1 }
                .map { "mkagent: \($0.0)\ndmidecode: \($0.1)" } ?? "\(mine.count) lines vs \(theirs.count)"
            Issue.record("\(dump) \(theirs[0]) (\(theirs.dropFirst().first ?? "")):\n\(firstDifference)")
        }
    }
}
