#include "mkagent_cpuid.h"

#include <string.h>

int mkagent_cpuid_hypervisor_signature(char signature[13])
{
    memset(signature, 0, 13);
#if defined(__x86_64__) || defined(__i386__)
    unsigned int eax = 0x40000000, ebx = 0, ecx = 0, edx = 0;
    /* ECX is an input of leaf 0x4000000x on some hypervisors; give 0 as lscpu does. */
    __asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
    memcpy(signature + 0, &ebx, 4);
    memcpy(signature + 4, &ecx, 4);
    memcpy(signature + 8, &edx, 4);
    return 1;
#else
    return 0;
#endif
}
