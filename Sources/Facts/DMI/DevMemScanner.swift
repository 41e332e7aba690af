#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The legacy way to find SMBIOS: scan the BIOS area (0xF0000-0xFFFFF) of physical memory for an anchor
/// on a 16-byte boundary, then read the table at the address it gives. Only for nodes whose kernel does
/// not export the sysfs tables; needs read access to `mem` under the dev root.
struct DevMemScanner {
    let files: HostFiles

    func load() -> (DMITableSource.Loaded?, [Diagnostic]) {
        let path = files.path(.dev, "mem")
        let area: [UInt8]
        do {
            area = try Self.read(path: path, offset: 0xF0000, count: 0x10000)
        } catch {
            return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "legacy scan not possible: \(error)")])
        }
        var offset = 0
        while offset + 0x20 <= area.count {
            let candidate = Array(area[offset..<min(offset + 0x20, area.count)])
            if let entryPoint = try? SMBIOSEntryPoint.parse(candidate) {
                do {
                    let table = try Self.read(
                        path: path, offset: Int(clamping: entryPoint.tableAddress), count: Int(entryPoint.tableLength))
                    let parsed = SMBIOSTable.parse(table, entryPoint: entryPoint)
                    return (
                        DMITableSource.Loaded(
                            origin: .devMem(path, address: 0xF0000 + UInt64(offset)), table: parsed, tableBytes: table.count),
                        DMITableSource.notes(entryPoint, parsed, path: path))
                } catch {
                    return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "cannot read the table: \(error)")])
                }
            }
            offset += 16
        }
        return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "no SMBIOS anchor in 0xF0000-0xFFFFF")])
    }

    static func read(path: String, offset: Int, count: Int) throws(HostFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HostFileError.from(errno: errno, path: path) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HostFileError.from(errno: errno, path: path)
            }
            if n == 0 { break }
            done += n
        }
        return Array(buffer.prefix(done))
    }
}
