/// The kernel's `firmware/efi/systab`: one `NAME=0xADDRESS` line per EFI configuration table. On UEFI
/// machines the SMBIOS entry point is not in the legacy BIOS area; this file says where it is.
enum EFISystemTable {
    /// The physical address of the SMBIOS entry point: `SMBIOS3=` or `SMBIOS=`, whichever comes first,
    /// as dmidecode takes it; nil when neither line is there.
    static func smbiosAddress(_ text: String) -> UInt64? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "SMBIOS3" || parts[0] == "SMBIOS" else { continue }
            let value = parts[1].trimmingPrefix("0x")
            return UInt64(value, radix: value.count == parts[1].count ? 10 : 16)
        }
        return nil
    }
}
