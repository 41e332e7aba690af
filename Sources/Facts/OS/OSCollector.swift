/// The `os` collector: kernel identity, names, uptime and load from the proc root, the kernel command line
/// (parsed by `KernelCommandLine`), and `os-release` from the etc root.
public struct OSCollector: FactCollector {
    public let name = "os"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        var reader = AttributeReader(files: context.files, collector: name)
        var section = OSFacts()
        section.kernel = KernelFacts(
            name: reader.value(.proc, "sys/kernel/ostype"),
            release: reader.value(.proc, "sys/kernel/osrelease", required: true),
            version: reader.value(.proc, "sys/kernel/version"),
            architecture: reader.value(.proc, "sys/kernel/arch"))
        section.hostname = reader.value(.proc, "sys/kernel/hostname", required: true)
        section.domainname = reader.value(.proc, "sys/kernel/domainname").flatMap { $0 == "(none)" ? nil : $0 }
        if let text = reader.value(.proc, "uptime") {
            section.uptimeSeconds = SysfsValue.words(text).first.flatMap(Double.init)
            if section.uptimeSeconds == nil {
                reader.note(reader.files.path(.proc, "uptime"), "'\(text.prefix(40))' does not start with seconds; left out")
            }
        }
        section.bootTime = bootTime(&reader)
        if let text = reader.value(.proc, "loadavg") {
            section.loadAverage = LoadAverage.parse(text)
            if section.loadAverage == nil {
                reader.note(reader.files.path(.proc, "loadavg"), "'\(text.prefix(40))' is not three load averages; left out")
            }
        }
        if let text = reader.text(.proc, "cmdline", required: true, consequence: "the command line is left out") {
            section.cmdline = KernelCommandLine(parsing: text)
        }
        if let text = reader.text(.etc, "os-release") {
            let (fields, problems) = OSRelease.parse(text)
            for problem in problems { reader.note(reader.files.path(.etc, "os-release"), problem) }
            section.release = OSRelease(fields: fields)
        }
        let result = section
        return CollectorOutput(diagnostics: reader.diagnostics) { facts in facts.os = result }
    }

    /// The `btime` line of `/proc/stat` (seconds since the epoch) as an RFC 3339 time.
    func bootTime(_ reader: inout AttributeReader) -> String? {
        guard let text = reader.text(.proc, "stat") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            if let seconds = Int64(SysfsValue.trimmed(line.dropFirst(6))) {
                return RFC3339.format(seconds: seconds)
            }
        }
        reader.note(reader.files.path(.proc, "stat"), "no btime line; the boot time is left out")
        return nil
    }
}
