import Testing
@testable import Agent

@Suite struct DMITypeSelectionTests {
    @Test func keywordsAndNumbers_combine() throws {
        #expect(try DMITypeSelection.parse(["bios", "17"]) == [0, 13, 17])
        #expect(try DMITypeSelection.parse([]) == nil)
        #expect(throws: (any Error).self) { try DMITypeSelection.parse(["disks"]) }
    }
}
