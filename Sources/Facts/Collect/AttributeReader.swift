#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files one collector needs and turns failures into that collector's diagnostics.
///
/// Most sysfs and procfs attributes are optional: a file that does not exist (an older kernel, a virtual
/// device, a copied tree that left it out) is an absent value and no diagnostic. Some attributes exist but
/// cannot be read in the device's current state (`speed` and `carrier` of a link that is down fail with
/// EINVAL, others with EOPNOTSUPP); those are absent values too. Anything else — permission denied, an I/O
/// error, a directory where a file should be — is absent *and* named in a diagnostic. Files a section
/// cannot do without are read with `required: true`, which also reports their absence.
struct AttributeReader {
    let files: HostFiles
    let collector: String
    private(set) var diagnostics: [Diagnostic] = []

    init(files: HostFiles, collector: String) {
        self.files = files
        self.collector = collector
    }

    /// The file's text without its trailing newline; nil when it cannot be read.
    mutating func text(
        _ tree: HostRoot.Tree, _ relative: String, required: Bool = false, consequence: String = "left out"
    ) -> String? {
        do {
            return try files.text(tree, relative)
        } catch {
            record(error, required: required, consequence: consequence)
            return nil
        }
    }

    /// The file's bytes; nil when it cannot be read.
    mutating func bytes(
        _ tree: HostRoot.Tree, _ relative: String, required: Bool = false, consequence: String = "left out"
    ) -> [UInt8]? {
        do {
            return try files.bytes(tree, relative)
        } catch {
            record(error, required: required, consequence: consequence)
            return nil
        }
    }

    /// The file's text with surrounding white space removed; nil when unreadable or empty.
    mutating func value(_ tree: HostRoot.Tree, _ relative: String, required: Bool = false) -> String? {
        guard let text = text(tree, relative, required: required) else { return nil }
        let trimmed = SysfsValue.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A decimal integer attribute; a value that does not parse is a diagnostic.
    mutating func integer(_ tree: HostRoot.Tree, _ relative: String) -> Int64? {
        guard let text = value(tree, relative) else { return nil }
        guard let number = Int64(text) else {
            note(files.path(tree, relative), "'\(text.prefix(40))' is not an integer; left out")
            return nil
        }
        return number
    }

    /// Directory entries, sorted; nil when the directory cannot be listed.
    mutating func list(
        _ tree: HostRoot.Tree, _ relative: String, required: Bool = false, consequence: String = "left out"
    ) -> [String]? {
        do {
            return try files.list(tree, relative)
        } catch {
            record(error, required: required, consequence: consequence)
            return nil
        }
    }

    /// A link's target resolved against the directory holding the link, relative to the tree's root
    /// (`class/net/lo` gives `devices/virtual/net/lo`); nil when `relative` is not a readable link.
    /// `directory` is that directory's real path when `relative` passes through other links (the
    /// `device` link of `class/net/eth0` sits in `devices/.../net/eth0`).
    mutating func resolvedLink(_ tree: HostRoot.Tree, _ relative: String, in directory: String? = nil) -> String? {
        do {
            return HostPath.resolve(directory ?? HostPath.parent(relative), try files.linkTarget(tree, relative))
        } catch {
            // EINVAL: the entry exists but is no link (a copied tree that flattened it).
            if case .system(_, EINVAL) = error { return nil }
            record(error, required: false, consequence: "left out")
            return nil
        }
    }

    /// The last component of a link's target (`device/driver` gives `e1000e`).
    mutating func linkName(_ tree: HostRoot.Tree, _ relative: String) -> String? {
        resolvedLink(tree, relative).map(HostPath.lastComponent)
    }

    /// Whether the entry exists; a lookup the system refuses is a diagnostic and counts as "no".
    mutating func exists(_ tree: HostRoot.Tree, _ relative: String, consequence: String = "taken as absent") -> Bool {
        do {
            return try files.entryExists(tree, relative)
        } catch {
            record(error, required: false, consequence: consequence)
            return false
        }
    }

    mutating func note(_ path: String?, _ message: String, severity: Diagnostic.Severity = .warning) {
        diagnostics.append(Diagnostic(collector: collector, path: path, error: message, severity: severity))
    }

    private mutating func record(_ error: HostFileError, required: Bool, consequence: String) {
        switch error {
        case .notFound where !required:
            return
        case .system(_, let code) where !required && Self.stateErrors.contains(code):
            return
        default:
            note(error.path, "\(error); \(consequence)", severity: required ? .error : .warning)
        }
    }

    /// Errors with which sysfs says "no value in this state" (a link that is down, an operation the
    /// driver does not support, a device being removed).
    static let stateErrors: Set<Int32> = [EINVAL, EOPNOTSUPP, ENODEV, ENXIO, EAGAIN]
}
