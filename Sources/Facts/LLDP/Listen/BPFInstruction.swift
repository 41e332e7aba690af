/// One classic BPF instruction (`struct sock_filter`): opcode, jump offsets if true/false, constant.
public struct BPFInstruction: Sendable, Equatable {
    public var code: UInt16
    public var jt: UInt8
    public var jf: UInt8
    public var k: UInt32

    public init(_ code: UInt16, _ jt: UInt8, _ jf: UInt8, _ k: UInt32) {
        self.code = code
        self.jt = jt
        self.jf = jf
        self.k = k
    }

    // Opcodes used here (linux/filter.h, bpf_common.h).
    static let loadWord: UInt16 = 0x20      // BPF_LD | BPF_W | BPF_ABS
    static let loadHalf: UInt16 = 0x28      // BPF_LD | BPF_H | BPF_ABS
    static let jumpEqual: UInt16 = 0x15     // BPF_JMP | BPF_JEQ | BPF_K
    static let jumpGreater: UInt16 = 0x25   // BPF_JMP | BPF_JGT | BPF_K
    static let returnConstant: UInt16 = 0x06 // BPF_RET | BPF_K
}
