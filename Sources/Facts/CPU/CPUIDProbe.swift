import CCPUID

/// The CPUID instruction, for what only the running CPU can say.
enum CPUIDProbe {
    /// The hypervisor vendor signature of leaf 0x40000000 (`KVMKVMKVM`, `VMwareVMware`); nil on bare
    /// metal and on other architectures.
    static func hypervisorSignature() -> String? {
        var buffer = [CChar](repeating: 0, count: 13)
        guard mkagent_cpuid_hypervisor_signature(&buffer) == 1 else { return nil }
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
