/// Names of MBR partition type bytes, as util-linux's fdisk names them.
public enum MBRPartitionType {
    public static func name(_ type: UInt8) -> String? { names[type] }

    static let names: [UInt8: String] = [
        0x01: "FAT12", 0x04: "FAT16 <32M", 0x05: "Extended", 0x06: "FAT16", 0x07: "HPFS/NTFS/exFAT",
        0x0B: "W95 FAT32", 0x0C: "W95 FAT32 (LBA)", 0x0E: "W95 FAT16 (LBA)", 0x0F: "W95 Ext'd (LBA)",
        0x11: "Hidden FAT12", 0x12: "Compaq diagnostics", 0x14: "Hidden FAT16 <32M", 0x16: "Hidden FAT16",
        0x17: "Hidden HPFS/NTFS", 0x1B: "Hidden W95 FAT32", 0x1C: "Hidden W95 FAT32 (LBA)",
        0x1E: "Hidden W95 FAT16 (LBA)", 0x27: "Hidden NTFS WinRE", 0x42: "SFS", 0x63: "GNU HURD or SysV",
        0x80: "Old Minix", 0x81: "Minix / old Linux", 0x82: "Linux swap / Solaris", 0x83: "Linux",
        0x85: "Linux extended", 0x86: "NTFS volume set", 0x87: "NTFS volume set", 0x88: "Linux plaintext",
        0x8E: "Linux LVM", 0x93: "Amoeba", 0xA5: "FreeBSD", 0xA6: "OpenBSD", 0xA8: "Darwin UFS",
        0xA9: "NetBSD", 0xAB: "Darwin boot", 0xAF: "HFS / HFS+", 0xBE: "Solaris boot", 0xBF: "Solaris",
        0xDA: "Non-FS data", 0xDE: "Dell Utility", 0xEE: "GPT", 0xEF: "EFI (FAT-12/16/32)",
        0xFB: "VMware VMFS", 0xFC: "VMware VMKCORE", 0xFD: "Linux raid autodetect",
    ]
}
