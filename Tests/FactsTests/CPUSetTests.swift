import Testing
@testable import Facts

@Suite struct CPUSetTests {
    @Test func lists_withRangesStridesAndSingles() {
        #expect(CPUSet.parseList("0-3,8,10-11")?.members == [0, 1, 2, 3, 8, 10, 11])
        #expect(CPUSet.parseList("0-15:4")?.members == [0, 4, 8, 12])
        #expect(CPUSet.parseList("6-7,10-11,14-15\n")?.members == [6, 7, 10, 11, 14, 15])
        #expect(CPUSet.parseList("")?.isEmpty == true)
    }

    @Test func lists_dropCPUsAtOrAboveTheLimit_andRejectGarbage() {
        #expect(CPUSet.parseList("0-140", limit: 8)?.members == Array(0..<8))
        #expect(CPUSet.parseList("3-1") == nil)
        #expect(CPUSet.parseList("0-x") == nil)
        #expect(CPUSet.parseList("a,b") == nil)
        #expect(CPUSet.parseList("1,,2") == nil)
    }

    @Test func masks_readFromTheRight_acrossCommaSeparatedWords() {
        #expect(CPUSet.parseMask("00000000,00000000,00000000,00000005")?.members == [0, 2])
        #expect(CPUSet.parseMask("ff,00000000")?.members == Array(32..<40))
        #expect(CPUSet.parseMask("0x3")?.members == [0, 1])
        #expect(CPUSet.parseMask("f0", limit: 6)?.members == [4, 5])
        #expect(CPUSet.parseMask("zz") == nil)
    }

    @Test func listString_isUtilLinuxsCpulist_pairsStayApart() {
        #expect(CPUSet([0, 1]).listString == "0,1")
        #expect(CPUSet([0, 1, 2]).listString == "0-2")
        #expect(CPUSet([1, 2, 3, 4, 5, 8, 9, 10, 19]).listString == "1-5,8-10,19")
        #expect(CPUSet([0, 2, 4]).listString == "0,2,4")
        #expect(CPUSet([]).listString == "")
    }

    @Test func membership_andSetAlgebra() {
        let set = CPUSet([5, 1, 3, 3])
        #expect(set.members == [1, 3, 5])
        #expect(set.contains(3) && !set.contains(4))
        #expect(set.subtracting(CPUSet([3])).members == [1, 5])
        #expect(set.union(CPUSet([2])).members == [1, 2, 3, 5])
    }
}
