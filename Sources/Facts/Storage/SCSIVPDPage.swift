/// SCSI VPD pages the kernel caches in sysfs (`vpd_pg80`, `vpd_pg83`; SPC-5 section 7.7).
public enum SCSIVPDPage {
    /// Page 0x80, Unit Serial Number: header (4 bytes, length in byte 3) then ASCII, often space-padded.
    public static func unitSerialNumber(_ page: [UInt8]) -> String? {
        guard page.count >= 4, page[1] == 0x80 else { return nil }
        let length = Int(page[3])
        let body = page.dropFirst(4).prefix(length).filter { $0 >= 0x20 && $0 < 0x7F }
        let text = String(decoding: body, as: UTF8.self).trimmed()
        return text.isEmpty ? nil : text
    }
}
