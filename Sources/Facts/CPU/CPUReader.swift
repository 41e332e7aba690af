#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads what the CPU inventory is made of — `/proc/cpuinfo`, `/sys/devices/system/cpu/**`,
/// `/sys/devices/system/node/**` and the procfs traces of hypervisors — through `HostFiles`.
///
/// Attributes a kernel does not publish are simply absent. Diagnostics name what is missing where it
/// matters (no cpuinfo, no CPU lists, online CPUs without topology) and what could not be read for
/// another reason than absence (permissions, I/O errors).
public struct CPUReader: Sendable {
    static let collector = "cpu"
    static let cpuDirectory = "devices/system/cpu"
    static let nodeDirectory = "devices/system/node"

    public let files: HostFiles

    public init(files: HostFiles) {
        self.files = files
    }

    public func read() -> (CPUInventory.Sources, [Diagnostic]) {
        var run = Run(files: files)
        let sources = run.read()
        return (sources, run.diagnostics)
    }

    /// One read, with the diagnostics it collects.
    struct Run {
        let files: HostFiles
        var diagnostics: [Diagnostic] = []
        /// Caches whose details (ways, sets, line size, policies) were read: CPUs sharing a cache show
        /// the same values, so they are read once per cache, as lscpu does.
        var describedCaches: Set<String> = []

        /// `devices/system/cpu`, held open: a 96-CPU server has some 4000 attributes below it.
        let cpuTree: HostDirectory?

        init(files: HostFiles) {
            self.files = files
            cpuTree = try? files.directory(.sys, CPUReader.cpuDirectory)
        }

        /// Reads `relative` under a tree, through the open CPU directory when it lies below it.
        func load(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> String {
            let prefix = CPUReader.cpuDirectory + "/"
            if tree == .sys, let cpuTree, relative.hasPrefix(prefix) {
                return try cpuTree.text(String(relative.dropFirst(prefix.count)))
            }
            return try files.text(tree, relative)
        }

        func exists(_ tree: HostRoot.Tree, _ relative: String) -> Bool {
            let prefix = CPUReader.cpuDirectory + "/"
            if tree == .sys, let cpuTree, relative.hasPrefix(prefix) {
                return cpuTree.exists(String(relative.dropFirst(prefix.count)))
            }
            return files.exists(tree, relative)
        }

        mutating func read() -> CPUInventory.Sources {
            var probes = CPUHostProbes()
            probes.live = files.isLiveProcfs()
            if probes.live { probes.machine = HostMachine.name }

            let cpuinfo = readCPUInfo()
            var sysfs = readCPULists(cpuinfo: cpuinfo)
            readSystemAttributes(into: &sysfs)
            for id in sysfs.possible?.members ?? [] {
                if let processor = readProcessor(id, limit: limit(sysfs)) { sysfs.processors[id] = processor }
            }
            reportMissingTopology(sysfs)
            readProbes(into: &probes)
            return CPUInventory.Sources(cpuinfo: cpuinfo, sysfs: sysfs, probes: probes)
        }

        func limit(_ sysfs: CPUSysfs) -> Int {
            sysfs.kernelMax.map { min(max($0 + 1, 1), CPUSet.maximumCPUs) } ?? 2048
        }

        // MARK: cpuinfo

        mutating func readCPUInfo() -> CPUInfo? {
            let info: CPUInfo
            do {
                info = CPUInfoParser.parse(bytes: try files.bytes(.proc, "cpuinfo"))
            } catch {
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: error.path,
                    error: "\(error); CPU model, vendor and flags are unknown", severity: .error))
                return nil
            }
            if let first = info.malformedLines.first {
                let count = info.malformedLines.count
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: files.path(.proc, "cpuinfo"),
                    error: "\(count) line\(count == 1 ? "" : "s") not of the form 'key : value' (first: line \(first)); ignored"))
            }
            if info.types.isEmpty && info.processors.isEmpty {
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: files.path(.proc, "cpuinfo"),
                    error: "no processor or CPU model lines; vendor, model and flags are unknown"))
            }
            return info
        }

        // MARK: CPU lists

        /// `possible`, `present` and `online`. Without `possible` (partial snapshots) the CPUs are the
        /// `cpuN` directories, else the processors of cpuinfo; `present` then defaults to them and
        /// `online` to those whose `cpuN/online` does not say 0.
        mutating func readCPULists(cpuinfo: CPUInfo?) -> CPUSysfs {
            var sysfs = CPUSysfs()
            sysfs.kernelMax = int(.sys, "\(CPUReader.cpuDirectory)/kernel_max")
            let limit = limit(sysfs)
            sysfs.possible = list(.sys, "\(CPUReader.cpuDirectory)/possible", limit: limit)
            sysfs.present = list(.sys, "\(CPUReader.cpuDirectory)/present", limit: limit)
            sysfs.online = list(.sys, "\(CPUReader.cpuDirectory)/online", limit: limit)
            if sysfs.possible == nil {
                let directories = cpuDirectories()
                let fromCPUInfo = CPUSet(cpuinfo?.processors.keys.filter { $0 < limit } ?? [])
                let fallback = directories.isEmpty ? fromCPUInfo : directories
                let origin = directories.isEmpty ? "the processors in \(files.path(.proc, "cpuinfo"))" : "the cpuN directories"
                sysfs.possible = fallback
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: files.path(.sys, "\(CPUReader.cpuDirectory)/possible"),
                    error: fallback.isEmpty
                        ? "no list of possible CPUs, no cpuN directories and no processors in cpuinfo; no CPUs found"
                        : "no list of possible CPUs; using \(origin) (\(fallback.listString))",
                    severity: fallback.isEmpty ? .error : .warning))
            }
            let possible = sysfs.possible ?? .empty
            if sysfs.present == nil {
                sysfs.present = possible
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: files.path(.sys, "\(CPUReader.cpuDirectory)/present"),
                    error: "no list of present CPUs; counting the possible CPUs (\(possible.listString)) as present"))
            }
            if sysfs.online == nil {
                let offline = possible.members.filter { int(.sys, "\(CPUReader.cpuDirectory)/cpu\($0)/online") == 0 }
                sysfs.online = possible.subtracting(CPUSet(offline))
                diagnostics.append(Diagnostic(
                    collector: CPUReader.collector, path: files.path(.sys, "\(CPUReader.cpuDirectory)/online"),
                    error: "no list of online CPUs; taken from the cpuN/online files (\(sysfs.online!.listString))"))
            }
            return sysfs
        }

        func cpuDirectories() -> CPUSet {
            guard let names = try? files.list(.sys, CPUReader.cpuDirectory) else { return .empty }
            return CPUSet(names.compactMap { name -> Int? in
                guard name.hasPrefix("cpu") else { return nil }
                let digits = name.dropFirst(3)
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                return Int(digits)
            })
        }

        // MARK: system-wide attributes

        mutating func readSystemAttributes(into sysfs: inout CPUSysfs) {
            let directory = CPUReader.cpuDirectory
            sysfs.dispatching = int(.sys, "\(directory)/dispatching")
            sysfs.frequencyBoost = int(.sys, "\(directory)/cpufreq/boost")
            if let names = listing(.sys, "\(directory)/vulnerabilities") {
                for name in names {
                    // Directories and unreadable entries are skipped, as lscpu skips them.
                    guard let text = text(.sys, "\(directory)/vulnerabilities/\(name)", skipDirectories: true) else { continue }
                    sysfs.vulnerabilities.append(CPUSysfs.Vulnerability(file: name, text: text))
                }
            }
            if let names = listing(.sys, CPUReader.nodeDirectory) {
                for name in names where name.hasPrefix("node") {
                    let digits = name.dropFirst(4)
                    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(digits) else { continue }
                    let map = mask(.sys, "\(CPUReader.nodeDirectory)/\(name)/cpumap", limit: limit(sysfs))
                    sysfs.nodes.append(CPUSysfs.Node(id: id, cpus: map))
                }
            }
        }

        // MARK: one CPU

        mutating func readProcessor(_ id: Int, limit: Int) -> CPUSysfs.Processor? {
            let base = "\(CPUReader.cpuDirectory)/cpu\(id)"
            guard exists(.sys, base) else { return nil }
            var cpu = CPUSysfs.Processor(id: id)
            cpu.hasTopology = exists(.sys, "\(base)/topology")
            if cpu.hasTopology {
                cpu.threadSiblings = mask(.sys, "\(base)/topology/thread_siblings", limit: limit)
                if cpu.threadSiblings != nil {
                    cpu.coreSiblings = mask(.sys, "\(base)/topology/core_siblings", limit: limit)
                    cpu.bookSiblings = mask(.sys, "\(base)/topology/book_siblings", limit: limit)
                    cpu.drawerSiblings = mask(.sys, "\(base)/topology/drawer_siblings", limit: limit)
                }
                cpu.coreID = int(.sys, "\(base)/topology/core_id")
                cpu.socketID = int(.sys, "\(base)/topology/physical_package_id")
                cpu.bookID = int(.sys, "\(base)/topology/book_id")
                cpu.drawerID = int(.sys, "\(base)/topology/drawer_id")
            }
            cpu.polarization = text(.sys, "\(base)/polarization")
            cpu.address = int(.sys, "\(base)/address")
            cpu.configured = int(.sys, "\(base)/configure")
            if exists(.sys, "\(base)/cpufreq") {
                cpu.maxKHz = int(.sys, "\(base)/cpufreq/cpuinfo_max_freq")
                cpu.minKHz = int(.sys, "\(base)/cpufreq/cpuinfo_min_freq")
                cpu.currentKHz = int(.sys, "\(base)/cpufreq/scaling_cur_freq")
            }
            cpu.caches = readCaches(base, limit: limit)
            return cpu
        }

        /// `cache/index0`, `index1`, ... until one is missing; on SPARC, `l1_icache_size` and friends.
        mutating func readCaches(_ base: String, limit: Int) -> [CPUSysfs.CacheIndex] {
            var result: [CPUSysfs.CacheIndex] = []
            var number = 0
            while exists(.sys, "\(base)/cache/index\(number)") {
                let path = "\(base)/cache/index\(number)"
                var index = CPUSysfs.CacheIndex()
                index.id = int(.sys, "\(path)/id")
                index.level = int(.sys, "\(path)/level")
                index.type = text(.sys, "\(path)/type").flatMap { $0.isEmpty ? nil : $0 }
                index.sizeBytes = text(.sys, "\(path)/size").flatMap(CPUSysfs.CacheIndex.parseSize)
                index.sharedCPUs = mask(.sys, "\(path)/shared_cpu_map", limit: limit)
                let identity = "\(index.level ?? -1)|\(index.type ?? "")|" + (index.id.map(String.init) ?? index.sharedCPUs?.listString ?? path)
                if describedCaches.insert(identity).inserted {
                    index.waysOfAssociativity = int(.sys, "\(path)/ways_of_associativity")
                    index.physicalLinePartition = int(.sys, "\(path)/physical_line_partition")
                    index.numberOfSets = int(.sys, "\(path)/number_of_sets")
                    index.coherencyLineSize = int(.sys, "\(path)/coherency_line_size")
                    index.allocationPolicy = text(.sys, "\(path)/allocation_policy")
                    index.writePolicy = text(.sys, "\(path)/write_policy")
                }
                result.append(index)
                number += 1
            }
            if result.isEmpty && exists(.sys, "\(base)/l1_icache_size") {
                for (level, type, prefix) in [(1, "Instruction", "l1_i"), (1, "Data", "l1_d"), (2, "Unified", "l2_")] {
                    guard let size = int(.sys, "\(base)/\(prefix)cache_size"), size >= 0 else { continue }
                    var index = CPUSysfs.CacheIndex()
                    index.level = level
                    index.type = type
                    index.sizeBytes = UInt64(size)
                    index.coherencyLineSize = int(.sys, "\(base)/\(prefix)cache_line_size")
                    index.isPrivateByConvention = true
                    result.append(index)
                }
            }
            return result
        }

        /// One diagnostic for all online CPUs the kernel gave no topology: their cores and sockets are
        /// not counted.
        mutating func reportMissingTopology(_ sysfs: CPUSysfs) {
            let online = sysfs.online ?? .empty
            let missing = CPUSet(online.members.filter { id in
                guard let cpu = sysfs.processors[id] else { return true }
                return cpu.threadSiblings == nil
            })
            guard !missing.isEmpty else { return }
            let first = missing.members[0]
            let path = sysfs.processors[first] == nil
                ? files.path(.sys, "\(CPUReader.cpuDirectory)/cpu\(first)")
                : files.path(.sys, "\(CPUReader.cpuDirectory)/cpu\(first)/topology/thread_siblings")
            diagnostics.append(Diagnostic(
                collector: CPUReader.collector, path: path,
                error: "no topology for online CPU\(missing.count == 1 ? "" : "s") \(missing.listString); threads per core, cores and sockets are counted without \(missing.count == 1 ? "it" : "them")"))
        }

        // MARK: hypervisor traces

        mutating func readProbes(into probes: inout CPUHostProbes) {
            probes.osRelease = text(.proc, "sys/kernel/osrelease")
            probes.hasISeries = files.exists(.proc, "iSeries")
            if let bytes = try? files.bytes(.proc, "device-tree/compatible") {
                probes.deviceTreeCompatible = bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            }
            probes.hasPartitionName = files.exists(.proc, "device-tree/ibm,partition-name")
            if probes.hasPartitionName {
                probes.hasHMCManaged = files.exists(.proc, "device-tree/hmc-managed?")
                probes.hasQEMUGraphicWidth = files.exists(.proc, "device-tree/chosen/qemu,graphic-width")
                probes.partitionName = text(.proc, "device-tree/ibm,partition-name")?
                    .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\0" }).first.map(String.init)
            }
            probes.hasXen = files.exists(.proc, "xen")
            if probes.hasXen {
                probes.xenCapabilities = text(.proc, "xen/capabilities")?.split(separator: " ").first.map(String.init)
            }
            if let devices = text(.proc, "bus/pci/devices") { probes.pciDevices = CPUHostProbes.parsePCIDevices(devices) }
            if let sysinfo = text(.proc, "sysinfo") { probes.sysinfo = S390Sysinfo.parse(sysinfo) }
            probes.hasVZ = files.exists(.proc, "vz")
            probes.hasBC = files.exists(.proc, "bc")
            if let status = text(.proc, "self/status") {
                for line in status.split(separator: "\n") where line.hasPrefix("VxID") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    probes.vxID = line[line.index(after: colon)...].trimmingWhitespace
                    break
                }
            }
            guard probes.live else { return }
            probes.cpuidHypervisor = CPUIDProbe.hypervisorSignature()
            readDMI(into: &probes)
            if let features = text(.sys, "hypervisor/properties/features") {
                probes.xenFeatures = UInt32(features.hasPrefix("0x") ? String(features.dropFirst(2)) : features, radix: 16)
            }
        }

        /// The firmware's first processor, and (for hypervisors CPUID does not name) SMBIOS type 0 vendor and
        /// type 1 manufacturer and product.
        mutating func readDMI(into probes: inout CPUHostProbes) {
            guard let table = try? files.bytes(.sys, "firmware/dmi/tables/DMI") else { return }
            let parsed = SMBIOSTable.parse(table, entryPoint: nil)
            probes.biosProcessor = BIOSProcessor(parsed)
            guard CPUVirtualization.vendor(cpuid: probes.cpuidHypervisor) == nil else { return }
            if let bios = parsed.structures(ofType: 0).first { probes.dmiBIOSVendor = bios.string(at: 4)?.value }
            if let system = parsed.structures(ofType: 1).first {
                probes.dmiManufacturer = system.string(at: 4)?.value
                probes.dmiProduct = system.string(at: 5)?.value
            }
        }

        // MARK: file helpers

        /// A file's text without its trailing newline; nil when absent. Other failures are diagnostics.
        mutating func text(_ tree: HostRoot.Tree, _ relative: String, skipDirectories: Bool = false) -> String? {
            do {
                return try load(tree, relative)
            } catch {
                switch error {
                case .notFound:
                    return nil
                case .isDirectory where skipDirectories:
                    return nil
                default:
                    diagnostics.append(Diagnostic(
                        collector: CPUReader.collector, path: error.path, error: "\(error); left out"))
                }
                return nil
            }
        }

        mutating func int(_ tree: HostRoot.Tree, _ relative: String) -> Int? {
            guard let value = text(tree, relative) else { return nil }
            let trimmed = value.trimmingWhitespace
            if let number = Int(trimmed) { return number }
            diagnostics.append(Diagnostic(
                collector: CPUReader.collector, path: files.path(tree, relative),
                error: "'\(trimmed.prefix(40))' is not a number; left out"))
            return nil
        }

        mutating func list(_ tree: HostRoot.Tree, _ relative: String, limit: Int) -> CPUSet? {
            guard let value = text(tree, relative) else { return nil }
            if let set = CPUSet.parseList(value, limit: limit) { return set }
            diagnostics.append(Diagnostic(
                collector: CPUReader.collector, path: files.path(tree, relative),
                error: "'\(value.prefix(40))' is not a CPU list; left out"))
            return nil
        }

        mutating func mask(_ tree: HostRoot.Tree, _ relative: String, limit: Int) -> CPUSet? {
            guard let value = text(tree, relative) else { return nil }
            if let set = CPUSet.parseMask(value, limit: limit) { return set }
            diagnostics.append(Diagnostic(
                collector: CPUReader.collector, path: files.path(tree, relative),
                error: "'\(value.prefix(40))' is not a CPU mask; left out"))
            return nil
        }

        /// Names in a directory; nil when it is absent.
        mutating func listing(_ tree: HostRoot.Tree, _ relative: String) -> [String]? {
            do {
                return try files.list(tree, relative)
            } catch {
                if case .notFound = error { return nil }
                diagnostics.append(Diagnostic(collector: CPUReader.collector, path: error.path, error: "\(error); left out"))
                return nil
            }
        }
    }
}
