import Facts
#if canImport(Glibc)
import Glibc
#endif

/// The `attributes_hash` of a Hanlon registration: flat string facts named as Facter 2 named them (Hanlon's
/// tag rules match on those names), plus the Microkernel's `mk_hw_*` hardware facts.
///
/// Only facts the model has are produced; a name is left out rather than sent empty.
enum HanlonFlatFacts {
    static func flatten(_ facts: Facts) -> [String: String] {
        var out: [String: String] = [:]
        addSystem(facts, into: &out)
        addDMI(facts.dmi, into: &out)
        addMemory(facts.memory, into: &out)
        addVirtual(facts.virtual, into: &out)
        addNetwork(facts.network, into: &out)
        out.merge(cpuFacts(facts)) { current, _ in current }
        out.merge(HanlonIPMIFacts.facts(facts.ipmi)) { current, _ in current }
        return out
    }

    /// Drops the names `mk_fact_excl_pattern` matches (anywhere in the name, as Ruby's `=~` does).
    static func excluding(_ facts: [String: String], pattern: String) throws -> [String: String] {
        let regex = try Regex(pattern)
        return facts.filter { (try? regex.firstMatch(in: $0.key)) == nil }
    }

    /// Facter's `processorcount` (online logical CPUs), `physicalprocessorcount` (sockets) and `processor<N>`
    /// (the model name of each logical CPU, numbered from 0), from the `cpu` section.
    static func cpuFacts(_ facts: Facts) -> [String: String] {
        guard let cpu = facts.cpu else { return [:] }
        var out: [String: String] = [:]
        let online = cpu.onlineCpus.isEmpty ? cpu.cpuCount : cpu.onlineCpus.count
        out["processorcount"] = String(online)
        if let sockets = cpu.sockets ?? cpu.types.compactMap(\.sockets).reduce(nil, { ($0 ?? 0) + $1 }) {
            out["physicalprocessorcount"] = String(sockets)
        }
        for type in cpu.types {
            guard let model = type.modelName else { continue }
            let ids = cpu.onlineCpus.isEmpty ? type.cpus : type.cpus.filter(cpu.onlineCpus.contains)
            for id in ids { out["processor\(id)"] = model }
        }
        return out
    }

    private static func addSystem(_ facts: Facts, into out: inout [String: String]) {
        if let hostname = facts.os?.hostname, !hostname.isEmpty {
            let short = hostname.split(separator: ".", maxSplits: 1).first.map(String.init) ?? hostname
            out["hostname"] = short
            if short != hostname {
                out["fqdn"] = hostname
                out["domain"] = String(hostname.dropFirst(short.count + 1))
            }
        }
        if let machine = facts.os?.kernel.architecture {
            out["hardwaremodel"] = machine
            out["architecture"] = architecture(machine, release: facts.os?.release)
        }
        if let kernel = facts.os?.kernel.name { out["kernel"] = kernel }
        if let release = facts.os?.kernel.release { out["kernelrelease"] = release }
    }

    /// Facter names the architecture as the distribution's packages do: amd64 on Debian and Ubuntu,
    /// i386 for any x86 32-bit, else the machine name (`uname -m`).
    static func architecture(_ machine: String, release: OSRelease?) -> String {
        let family = ([release?.id] + (release?.idLike ?? [])).compactMap { $0?.lowercased() }
        if machine == "x86_64" && (family.contains("debian") || family.contains("ubuntu") || family.contains("gentoo")) {
            return "amd64"
        }
        if ["i386", "i486", "i586", "i686"].contains(machine) { return "i386" }
        return machine
    }

    private static func addDMI(_ dmi: DMIFacts?, into out: inout [String: String]) {
        guard let dmi else { return }
        func put(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { out[name] = value }
        }
        put("manufacturer", dmi.system?.manufacturer)
        put("productname", dmi.system?.productName)
        put("serialnumber", dmi.system?.serialNumber)
        put("uuid", dmi.system?.uuid)
        put("type", dmi.chassis.first?.type)
        put("bios_vendor", dmi.bios?.vendor)
        put("bios_version", dmi.bios?.version)
        put("bios_release_date", dmi.bios?.releaseDate)
        put("boardmanufacturer", dmi.baseboards.first?.manufacturer)
        put("boardproductname", dmi.baseboards.first?.productName)
        put("boardserialnumber", dmi.baseboards.first?.serialNumber)
        // lshw -c bus, node `core`; lshw -c memory, node `firmware`.
        put("mk_hw_bus_vendor", dmi.baseboards.first?.manufacturer)
        put("mk_hw_bus_product", dmi.baseboards.first?.productName)
        put("mk_hw_bus_version", dmi.baseboards.first?.version)
        put("mk_hw_bus_serial", dmi.baseboards.first?.serialNumber)
        if !dmi.baseboards.isEmpty { out["mk_hw_bus_description"] = "Motherboard" }
        put("mk_hw_fw_vendor", dmi.bios?.vendor)
        put("mk_hw_fw_version", dmi.bios?.version)
        put("mk_hw_fw_date", dmi.bios?.releaseDate)
        if dmi.bios != nil { out["mk_hw_fw_description"] = "BIOS" }
    }

    private static func addMemory(_ memory: MemoryFacts?, into out: inout [String: String]) {
        guard let memory else { return }
        if let total = memory.totalBytes {
            out["memorysize"] = humanReadable(total)
            out["memorysize_mb"] = "\(Double(total) / 1_048_576)"
        }
        if let free = memory.availableBytes ?? memory.freeBytes {
            out["memoryfree"] = humanReadable(free)
            out["memoryfree_mb"] = "\(Double(free) / 1_048_576)"
        }
        if let swap = memory.swapTotalBytes {
            out["swapsize"] = humanReadable(swap)
            out["swapsize_mb"] = "\(Double(swap) / 1_048_576)"
        }
        if let installed = memory.installedBytes {
            out["mk_hw_mem_description"] = "System Memory"
            out["mk_hw_mem_size"] = lshwSize(installed)
        }
        let banks = memory.dimms.filter { ($0.sizeBytes ?? 0) > 0 }
        if !banks.isEmpty {
            out["mk_hw_mem_slot_count"] = "\(banks.count)"
            for (i, bank) in banks.enumerated() {
                out["mk_hw_mem_slot\(i)_description"] = [bank.formFactor, bank.type].compactMap { $0 }.joined(separator: " ")
                if let slot = bank.locator { out["mk_hw_mem_slot\(i)_slot"] = slot }
                out["mk_hw_mem_slot\(i)_size"] = lshwSize(bank.sizeBytes!)
            }
        }
    }

    private static func addVirtual(_ virtual: VirtualFacts?, into out: inout [String: String]) {
        guard let virtual else { return }
        out["virtual"] = virtual.type
        out["is_virtual"] = virtual.isVirtual ? "true" : "false"
    }

    private static func addNetwork(_ network: NetworkFacts?, into out: inout [String: String]) {
        guard let network else { return }
        let interfaces = network.interfaces.sorted { $0.name < $1.name }
        out["interfaces"] = interfaces.map(\.name).joined(separator: ",")
        let primary = network.defaultRoutes.first { $0.family == "inet" && $0.interface != nil }?.interface
        for i in interfaces {
            var bound: [String: String] = [:]
            if let mac = NodeIdentity.hardwareAddress(i), i.linkType == "ether" || i.linkType == "infiniband" {
                bound["macaddress"] = i.macAddress ?? mac
            }
            if let mtu = i.mtu { bound["mtu"] = "\(mtu)" }
            let addresses = i.addresses ?? []
            if let v4 = chooseBinding(addresses.filter { $0.family == "inet" }, linkLocalPrefix: "169.254."),
               let mask = IPv4.mask(v4.prefixLength), let address = IPv4.parse(v4.address) {
                bound["ipaddress"] = v4.address
                bound["netmask"] = IPv4.format(mask)
                bound["network"] = IPv4.format(address & mask)
            }
            if let v6 = chooseBinding(addresses.filter { $0.family == "inet6" }, linkLocalPrefix: "fe80"),
               let address = IPv6.parse(v6.address) {
                let mask = IPv6.mask(v6.prefixLength)
                bound["ipaddress6"] = v6.address
                bound["netmask6"] = IPv6.format(mask)
                bound["network6"] = IPv6.format(zip(address, mask).map { $0 & $1 })
                bound["scope6"] = v6.scope
            }
            for (name, value) in bound {
                out["\(name)_\(i.name)"] = value
                if i.name == primary { out[name] = value }
            }
        }
        // lshw -c network, physical NICs only.
        let nics = NodeIdentity.physicalEthernet(network.interfaces)
        out["mk_hw_nic_count"] = "\(nics.count)"
        for (n, nic) in nics.enumerated() {
            let p = "mk_hw_nic\(n)_"
            out[p + "description"] = "Ethernet interface"
            out[p + "logical_name"] = nic.name
            if let mac = NodeIdentity.hardwareAddress(nic) { out[p + "serial"] = mac.lowercased() }
            if let pci = nic.pciAddress { out[p + "bus_info"] = "pci@\(pci)" }
            if let speed = nic.speedBps { out[p + "size"] = "\(speed / 1_000_000)Mbit/s" }
            var configuration: [String] = []
            if let driver = nic.driver { configuration.append("driver=\(driver)") }
            if let version = nic.driverVersion { configuration.append("driverversion=\(version)") }
            if let duplex = nic.duplex { configuration.append("duplex=\(duplex)") }
            if let carrier = nic.carrier { configuration.append("link=\(carrier ? "yes" : "no")") }
            if let mtu = nic.mtu { configuration.append("mtu=\(mtu)") }
            if !configuration.isEmpty { out[p + "configuration"] = configuration.joined(separator: " ") }
        }
    }

    /// Facter 4's pick among an interface's addresses: the first that is not link-local, else the first.
    private static func chooseBinding(_ addresses: [InterfaceAddress], linkLocalPrefix: String) -> InterfaceAddress? {
        addresses.first { !$0.address.lowercased().hasPrefix(linkLocalPrefix) } ?? addresses.first
    }

    /// Facter's `memorysize` text: two decimals and the largest binary unit below 1024 (`23.54 GiB`).
    static func humanReadable(_ bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var exponent = 0
        var value = Double(bytes)
        while value >= 1024 && exponent < units.count {
            value /= 1024
            exponent += 1
        }
        var hundredths = (value * 100).rounded()
        if hundredths >= 102_400 && exponent < units.count {
            hundredths = (hundredths / 1024).rounded()
            exponent += 1
        }
        let whole = Int(hundredths) / 100, fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction) \(units[exponent - 1])"
    }

    /// lshw's size text: the largest binary unit that divides the size (`4GiB`, `512MiB`).
    static func lshwSize(_ bytes: UInt64) -> String {
        let units = ["", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = bytes
        var exponent = 0
        while value >= 1024 && value % 1024 == 0 && exponent < units.count - 1 {
            value /= 1024
            exponent += 1
        }
        return exponent == 0 ? "\(bytes)B" : "\(value)\(units[exponent])"
    }
}

enum IPv6 {
    static func parse(_ text: String) -> [UInt8]? {
        var storage = in6_addr()
        guard inet_pton(AF_INET6, text, &storage) == 1 else { return nil }
        return withUnsafeBytes(of: &storage) { Array($0) }
    }

    static func mask(_ prefix: Int) -> [UInt8] {
        (0..<16).map { byte in
            let bits = max(0, min(8, prefix - byte * 8))
            return bits == 0 ? 0 : UInt8(0xff) << UInt8(8 - bits)
        }
    }

    /// RFC 5952 text, as Ruby's IPAddr and `ip` print it (glibc's inet_ntop).
    static func format(_ bytes: [UInt8]) -> String {
        var storage = in6_addr()
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes.prefix(16)) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count)) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
