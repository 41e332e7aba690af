#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The legacy way to find SMBIOS, for nodes whose kernel does not export the sysfs tables: through `mem`
/// under the dev root (root only), read the entry point where the EFI system table says it is, or scan the
/// BIOS area (0xF0000-0xFFFFF) for an anchor on a 16-byte boundary; then read the table it points to.
struct DevMemScanner {
    let files: HostFiles

    func load() -> (DMITableSource.Loaded?, [Diagnostic]) {
        let path = files.path(.dev, "mem")
        var diagnostics: [Diagnostic] = []
        // UEFI machines say where the entry point is; others keep it in the BIOS area.
        if let systab = try? files.text(.sys, "firmware/efi/systab") {
            guard let address = EFISystemTable.smbiosAddress(systab) else {
                return (nil, [Diagnostic(
                    collector: DMITableSource.collector, path: files.path(.sys, "firmware/efi/systab"),
                    error: "EFI system table has no SMBIOS entry point")])
            }
            do {
                let candidate = try Self.read(path: path, offset: Int(clamping: address), count: 0x20)
                if let loaded = try table(at: candidate, address: address, path: path, into: &diagnostics) {
                    return (loaded, diagnostics)
                }
                return (nil, [Diagnostic(
                    collector: DMITableSource.collector, path: path,
                    error: "no valid SMBIOS entry point at 0x\(hex(address, width: 8)), where the EFI system table points")])
            } catch {
                return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "cannot read the entry point: \(error)")])
            }
        }
        let area: [UInt8]
        do {
            area = try Self.read(path: path, offset: 0xF0000, count: 0x10000)
        } catch {
            return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "legacy scan not possible: \(error)")])
        }
        var offset = 0
        while offset + 0x20 <= area.count {
            do {
                let candidate = Array(area[offset..<offset + 0x20])
                if let loaded = try table(at: candidate, address: 0xF0000 + UInt64(offset), path: path, into: &diagnostics) {
                    return (loaded, diagnostics)
                }
            } catch {
                return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "cannot read the table: \(error)")])
            }
            offset += 16
        }
        return (nil, [Diagnostic(collector: DMITableSource.collector, path: path, error: "no SMBIOS anchor in 0xF0000-0xFFFFF")])
    }

    /// The table an entry point candidate leads to; nil when the candidate is not a valid entry point.
    private func table(
        at candidate: [UInt8], address: UInt64, path: String, into diagnostics: inout [Diagnostic]
    ) throws(HostFileError) -> DMITableSource.Loaded? {
        guard let entryPoint = try? SMBIOSEntryPoint.parse(candidate) else { return nil }
        let table = try Self.read(
            path: path, offset: Int(clamping: entryPoint.tableAddress), count: Int(entryPoint.tableLength))
        let parsed = SMBIOSTable.parse(table, entryPoint: entryPoint)
        diagnostics += DMITableSource.notes(entryPoint, parsed, path: path)
        return DMITableSource.Loaded(origin: .devMem(path, address: address), table: parsed, tableBytes: table.count)
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
