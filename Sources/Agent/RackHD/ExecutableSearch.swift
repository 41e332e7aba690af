#if canImport(Glibc)
import Glibc
#endif

/// Finding programs: this one (for native answers) and the tools a task's command needs.
enum ExecutableSearch {
    /// This process's executable: /proc/self/exe, else argv[0] when it is a path, else argv[0] found in PATH.
    static func currentExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let name = CommandLine.arguments.first ?? "mkagent"
        if name.contains("/") { return name }
        return find(name, path: getenv("PATH").map { String(cString: $0) }) ?? name
    }

    /// Whether `program` (a name looked up in PATH, or a path) is an executable file.
    static func isInstalled(_ program: String, path: String?) -> Bool {
        if program.contains("/") { return access(program, X_OK) == 0 }
        return find(program, path: path) != nil
    }

    static func find(_ name: String, path: String?) -> String? {
        let directories = (path ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
