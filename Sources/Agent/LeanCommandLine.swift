import Facts

/// The command lines that RackHD's catalog tasks and benchmarks run again and again, answered without
/// swift-argument-parser: building its argument tree reflects over every option of the command (generic
/// metadata and protocol-conformance lookups), about 1.5 ms of CPU per start — an eighth of `mkagent lshw`.
/// Only these exact argument lists take this path; every other one, including any option or flag the lean
/// path does not know, goes through the parser and means the same there (the command's own `print`).
/// Host roots come from the environment (MKAGENT_ROOT, MKAGENT_SYS_ROOT, ... and /host-proc detection),
/// as for a parsed command given no root flags.
enum LeanCommandLine {
    /// Runs ARGUMENTS (without the program name) when they are one of the known lines; false otherwise.
    static func run(_ arguments: [String]) -> Bool {
        let short: Bool
        switch arguments {
        case ["lshw"], ["lshw", "-json"]: short = false
        case ["lshw", "-short"]: short = true
        default: return false
        }
        let files = HostFiles(root: RootOptions.resolve(HostRootResolver.Flags()).root)
        LshwCommand.print(context: CollectionContext(files: files, dmiDumpFile: nil, names: NameOptions.options(.auto)),
                          short: short)
        return true
    }
}
