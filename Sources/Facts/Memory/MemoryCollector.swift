/// The `memory` collector: `meminfo`, memory blocks and NUMA nodes from the proc and sys roots, and the
/// module list from the SMBIOS table (read by `DMITableSource` and decoded into `MemoryDevice`s exactly as
/// the `dmi` section does).
public struct MemoryCollector: FactCollector {
    public let name = "memory"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        var reader = AttributeReader(files: context.files, collector: name)
        var section = MemoryFacts()
        readMeminfo(&reader, into: &section)
        readBlocks(&reader, into: &section)
        section.numaNodes = readNodes(&reader)
        readModules(context, &reader, into: &section)
        let result = section
        return CollectorOutput(diagnostics: reader.diagnostics) { facts in facts.memory = result }
    }

    func readMeminfo(_ reader: inout AttributeReader, into section: inout MemoryFacts) {
        let path = reader.files.path(.proc, "meminfo")
        guard let text = reader.text(.proc, "meminfo", required: true, consequence: "the memory totals are left out")
        else { return }
        let info = MemInfo.parse(text)
        for problem in info.problems { reader.note(path, problem) }
        if info.values["MemTotal"] == nil {
            let what = text.isEmpty ? "the file is empty" : "no MemTotal line"
            reader.note(path, "\(what); the total is left out", severity: .error)
        }
        section.apply(info)
    }

    /// Memory hotplug blocks. Kernels without memory hotplug have no `devices/system/memory`: nothing to say.
    func readBlocks(_ reader: inout AttributeReader, into section: inout MemoryFacts) {
        let directory = "devices/system/memory"
        if let text = reader.value(.sys, directory + "/block_size_bytes") {
            section.blockSizeBytes = SysfsValue.hexadecimal(text)
            if section.blockSizeBytes == nil {
                reader.note(reader.files.path(.sys, directory + "/block_size_bytes"),
                            "'\(text.prefix(40))' is not a hexadecimal size; left out")
            }
        }
        guard let names = reader.list(.sys, directory) else { return }
        var online = 0, offline = 0
        for name in names where name.hasPrefix("memory") && Int(name.dropFirst(6)) != nil {
            // `state` is online, offline or going-offline; `online` (1/0) is the older spelling.
            if let state = reader.value(.sys, "\(directory)/\(name)/state") {
                if state == "online" { online += 1 } else { offline += 1 }
            } else if let flag = reader.value(.sys, "\(directory)/\(name)/online") {
                if flag == "1" { online += 1 } else { offline += 1 }
            }
        }
        guard online + offline > 0 else { return }
        section.onlineBlocks = online
        section.offlineBlocks = offline
        if let size = section.blockSizeBytes {
            let (bytes, overflow) = UInt64(online).multipliedReportingOverflow(by: size)
            section.onlineBytes = overflow ? nil : bytes
        }
    }

    func readNodes(_ reader: inout AttributeReader) -> [NUMANodeMemory] {
        guard let names = reader.list(.sys, "devices/system/node") else { return [] }
        let nodes = names.compactMap { name -> Int? in name.hasPrefix("node") ? Int(name.dropFirst(4)) : nil }
        return nodes.sorted().map { node in
            let relative = "devices/system/node/node\(node)/meminfo"
            var entry = NUMANodeMemory(node: node)
            if let text = reader.text(.sys, relative) {
                let info = MemInfo.parse(text)
                for problem in info.problems { reader.note(reader.files.path(.sys, relative), problem) }
                entry.totalBytes = info.values["MemTotal"]
                entry.freeBytes = info.values["MemFree"]
                entry.usedBytes = info.values["MemUsed"]
            }
            return entry
        }
    }

    func readModules(_ context: CollectionContext, _ reader: inout AttributeReader, into section: inout MemoryFacts) {
        let (loaded, problems) = DMITableSource(files: context.files).load(dumpFile: context.dmiDumpFile)
        guard let loaded else {
            // The dmi collector reports every place it looked; here only the consequence.
            for problem in problems where problem.severity == .error {
                let reason = problem.error.replacing("; dmi facts are empty", with: "")
                reader.note(problem.path, "\(reason); the DIMM list is left out")
            }
            return
        }
        let context = DMIContext(table: loaded.table)
        let devices = loaded.table.structures(ofType: 17).compactMap { MemoryDevice($0, context) }
        section.apply(devices, source: loaded.origin.description)
    }
}
