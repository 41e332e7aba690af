/// Reads a FRU device's inventory image: Get FRU Inventory Area Info, then Read FRU Data in chunks
/// (Storage netfn, cmds 0x10/0x11; IPMI 2.0 sections 34.1-34.2).
public enum IPMIFRUReader {
    public static func areaInfoRequest(_ id: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x10, data: [id])
    }

    public static func readRequest(_ id: UInt8, offset: Int, count: Int) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x11,
                    data: [id, UInt8(offset & 0xFF), UInt8((offset >> 8) & 0xFF), UInt8(count)])
    }

    /// The area size in bytes and whether the device is accessed by words.
    public static func areaInfo(response data: [UInt8]) throws(IPMIError) -> (size: Int, byWords: Bool) {
        guard data.count >= 3 else {
            throw .malformed(what: "Get FRU Inventory Area Info", detail: "response has \(data.count) data bytes, 3 expected")
        }
        return (Int(data[0]) | Int(data[1]) << 8, data[2] & 0x01 != 0)
    }

    /// The whole image of FRU `id`. Chunks start at 32 bytes and shrink when the BMC says the request or
    /// its answer would be too long (0xC7, 0xC8, 0xCA), as ipmitool does.
    public static func read(_ id: UInt8, from transport: some IPMITransport) throws(IPMIError) -> [UInt8] {
        let info = try areaInfo(response: transport.call(areaInfoRequest(id)))
        var image: [UInt8] = []
        image.reserveCapacity(info.size)
        var chunk = 32
        while image.count < info.size {
            let wanted = min(chunk, info.size - image.count)
            let unit = info.byWords ? 2 : 1
            let request = readRequest(id, offset: image.count / unit, count: wanted / unit)
            let response = try transport.send(request)
            if [0xC7, 0xC8, 0xCA].contains(response.completionCode.rawValue) && chunk > 8 {
                chunk /= 2
                continue
            }
            guard response.completionCode == .normal else {
                throw .completion(request: request.description, code: response.completionCode)
            }
            guard let count = response.data.first, count > 0, response.data.count >= 1 + Int(count) * unit else {
                throw .malformed(what: "Read FRU Data at offset \(image.count)", detail: "response [\(IPMIHex.bytes(response.data))]")
            }
            image += response.data[1..<(1 + Int(count) * unit)]
        }
        return Array(image.prefix(info.size))
    }
}
