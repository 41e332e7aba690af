/// Get Device GUID (App netfn, cmd 0x08; IPMI 2.0 section 20.8): the management controller's GUID.
///
/// BMCs disagree on the byte order (the spec says least significant byte first, QEMU's BMC and some others
/// send RFC 4122 order, many follow SMBIOS's mixed order), so the 16 bytes are kept in the order received,
/// written as 8-4-4-4-12 hex digits; no byte is swapped on a guess.
public enum IPMIDeviceGUID {
    public static let request = IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x08)

    public static func decode(response data: [UInt8]) throws(IPMIError) -> String {
        guard data.count >= 16 else {
            throw .malformed(what: "Get Device GUID", detail: "\(data.count) data bytes, 16 needed")
        }
        let hex = data.prefix(16).map(IPMIHex.byte).joined()
        var groups: [Substring] = []
        var rest = Substring(hex)
        for length in [8, 4, 4, 4, 12] {
            groups.append(rest.prefix(length))
            rest = rest.dropFirst(length)
        }
        return groups.joined(separator: "-")
    }
}
