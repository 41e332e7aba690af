/// The JSON object `ohai` 6.14 prints on Linux, for the attributes its core plugins give that consumers of
/// ohai data read (RackHD's `ohai` catalog: `dmi.*`, `cpu.*`, `kernel.*`, `network.interfaces`, `memory`...),
/// built from mkagent's facts and in ohai's value formats: strings where ohai has strings (`"1024 KB"`,
/// `"16318484kB"`, `"1500"`), integers only for `cpu.total` and `cpu.real`.
///
/// Sections and where they come from:
/// - `kernel`: the os facts (`uname` values) and the module list (`name`, `size`, `refcount` as lsmod).
/// - `os` (`linux`), `os_version` (kernel release), `platform`, `platform_version`, `platform_family`:
///   os-release (`/etc/debian_version` for Debian's version); without it ohai's fallback, os and kernel release.
/// - `hostname` (up to the first dot), `fqdn` (the canonical name `/etc/hosts` gives it, else the hostname),
///   `domain`.
/// - `network`, `ipaddress`, `macaddress`: `OhaiNetwork`.
/// - `dmi`: `OhaiDMI` over mkagent's dmidecode text. `cpu`: `OhaiCPU` over /proc/cpuinfo.
/// - `memory`: the meminfo totals mkagent keeps (`total`, `free`, `buffers`, `cached`, `swap.total`,
///   `swap.free`), as `<kB>kB`.
/// - `block_device.<name>`: each entry of SYS/block with its `size` (512-byte sectors) and `removable`, and
///   the `model`, `rev`, `state`, `timeout` and `vendor` files of its `device` directory where they exist,
///   as ohai reads them.
public enum OhaiDocument {
    public static func render(_ sources: OhaiSources) -> OhaiValue {
        let facts = sources.facts
        var document = OhaiObject()
        if let os = facts.os {
            document["kernel"] = .object(kernel(os.kernel, modules: sources.modules))
            document.set("os", "linux")
            document.set("os_version", os.kernel.release)
            if let hostname = os.hostname {
                let fqdn = canonicalName(of: hostname, hosts: sources.hosts) ?? hostname
                document.set("hostname", String(hostname.prefix { $0 != "." }))
                document.set("fqdn", fqdn)
                // ohai sets `domain` from `fqdn =~ /.+?\.(.*)/`: null when the name has no dot.
                if let dot = fqdn.firstIndex(of: "."), dot != fqdn.startIndex {
                    document.set("domain", String(fqdn[fqdn.index(after: dot)...]))
                } else {
                    document["domain"] = .null
                }
            }
        }
        if let network = facts.network {
            let result = OhaiNetwork.section(network, flags: sources.interfaceFlags)
            document["network"] = .object(result.network)
            document["ipaddress"] = result.ipaddress.map(OhaiValue.string) ?? .null
            document["macaddress"] = result.macaddress.map(OhaiValue.string) ?? .null
        }
        if let os = facts.os {
            let (platform, version) = platform(os, debianVersion: sources.debianVersion)
            document.set("platform", platform)
            document.set("platform_version", version)
            document.set("platform_family", family(of: platform))
        }
        if let text = sources.dmidecodeText { document["dmi"] = .object(OhaiDMI.section(dmidecodeText: text)) }
        if let cpuinfo = sources.cpuinfo { document["cpu"] = .object(OhaiCPU.section(cpuinfo: cpuinfo)) }
        if let memory = facts.memory { document["memory"] = .object(Self.memory(memory)) }
        if !sources.blockDevices.isEmpty { document["block_device"] = .object(blockDevices(sources.blockDevices)) }
        return .object(document)
    }

    static func kernel(_ kernel: KernelFacts, modules: String?) -> OhaiObject {
        var section = OhaiObject()
        section.set("name", kernel.name)
        section.set("release", kernel.release)
        section.set("version", kernel.version)
        section.set("machine", kernel.architecture)
        var list = OhaiObject()
        // /proc/modules: `name size refcount deps state address`, the columns lsmod prints first.
        for line in (modules ?? "").split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3, fields[1].allSatisfy(OhaiText.isDigit), fields[2].allSatisfy(OhaiText.isDigit) else { continue }
            var module = OhaiObject()
            module.set("size", String(fields[1]))
            module.set("refcount", String(fields[2]))
            list[String(fields[0])] = .object(module)
        }
        section["modules"] = .object(list)
        section.set("os", kernel.name == "Linux" ? "GNU/Linux" : kernel.name)
        return section
    }

    /// What `hostname --fqdn` finds in the hosts file: the first name of the first line that lists the host.
    static func canonicalName(of hostname: String, hosts: String?) -> String? {
        for line in (hosts ?? "").split(separator: "\n") {
            let names = line.prefix { $0 != "#" }.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
            if names.contains(where: { $0 == hostname }) { return names.first.map(String.init) }
        }
        return nil
    }

    /// ohai's platform names for os-release ids, and its versions (Debian's from /etc/debian_version).
    static func platform(_ os: OSFacts, debianVersion: String?) -> (String?, String?) {
        guard let release = os.release, let id = release.id else { return ("linux", os.kernel.release) }
        let names = ["rhel": "redhat", "ol": "oracle", "amzn": "amazon", "sles": "suse", "opensuse": "suse", "opensuse-leap": "suse"]
        if id == "debian", let debianVersion { return ("debian", debianVersion) }
        return (names[id] ?? id, release.versionId)
    }

    static func family(of platform: String?) -> String? {
        switch platform {
        case "debian", "ubuntu", "linuxmint": return "debian"
        case "oracle", "centos", "redhat", "scientific", "amazon": return "rhel"
        default: return platform
        }
    }

    static func memory(_ memory: MemoryFacts) -> OhaiObject {
        func kB(_ bytes: UInt64?) -> String? { bytes.map { "\($0 / 1024)kB" } }
        var section = OhaiObject()
        var swap = OhaiObject()
        swap.set("total", kB(memory.swapTotalBytes))
        swap.set("free", kB(memory.swapFreeBytes))
        section["swap"] = .object(swap)
        section.set("total", kB(memory.totalBytes))
        section.set("free", kB(memory.freeBytes))
        section.set("buffers", kB(memory.buffersBytes))
        section.set("cached", kB(memory.cachedBytes))
        return section
    }

    /// ohai's block device attributes, in its order.
    static let blockAttributes = ["size", "removable", "model", "rev", "state", "timeout", "vendor"]

    static func blockDevices(_ devices: [(name: String, attributes: [String: String])]) -> OhaiObject {
        var section = OhaiObject()
        for device in devices {
            var entry = OhaiObject()
            for key in blockAttributes { entry.set(key, device.attributes[key]) }
            section[device.name] = .object(entry)
        }
        return section
    }
}
