#ifndef MKAGENT_CPUID_H
#define MKAGENT_CPUID_H

/// Copies the hypervisor vendor signature of CPUID leaf 0x40000000 (EBX, ECX, EDX: "KVMKVMKVM",
/// "VMwareVMware", "Microsoft Hv", ...) into `signature` and NUL-terminates it. Returns 1 on x86, where
/// the instruction exists (the signature is empty on bare metal), 0 elsewhere.
int mkagent_cpuid_hypervisor_signature(char signature[13]);

#endif
