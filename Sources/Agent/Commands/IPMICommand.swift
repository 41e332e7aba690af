import ArgumentParser
import Facts

/// `mkagent ipmi ...`: the BMC through the OpenIPMI device, printed in the layouts of the same ipmitool
/// commands (what RackHD's catalogs parse).
struct IPMICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipmi",
        abstract: "Query the BMC in-band and print what the same ipmitool command prints.",
        discussion: """
            Commands: mc info | lan print [CHANNEL] | fru [print [ID]] | sel [info] | sel list | user summary N | user list N | chassis status | \
            chassis bootdev DEVICE (none, pxe, disk, safe, diag, cdrom, bios, floppy) | \
            chassis power status|on|off|cycle|reset|diag|soft | sensor. \
            sensor prints FreeIPMI ipmimonitoring's layout (-c: its comma-separated form) from libipmimonitoring, \
            loaded at run time; ipmitool's sensor layout needs thresholds that library does not give. \
            Exit code 1 when there is no IPMI device or the BMC refuses the command; without a usable device \
            the message and exit code are ipmitool's.
            """)

    @OptionGroup var roots: RootOptions

    @Option(name: .customLong("ipmi-timeout"), help: ArgumentHelp("Seconds to wait for each response.", valueName: "SECONDS"))
    var timeout: Double = 5

    @Flag(name: .customShort("c"), help: "Comma-separated output (ipmitool -c), for sel list, user and sensor.")
    var csv = false

    @Argument(help: ArgumentHelp("The ipmitool command words.", valueName: "COMMAND"))
    var words: [String] = []

    func validate() throws {
        guard Self.action(words) != nil else {
            throw ValidationError("unknown ipmi command '\(words.joined(separator: " "))'; see --help")
        }
    }

    enum Action: Equatable {
        case mcInfo, lanPrint(UInt8?), fruPrint(UInt8?), chassisStatus, bootdev(UInt8, String), selInfo, selList, userSummary(UInt8), userList(UInt8)
        case sensor
        case powerStatus, power(IPMIChassisControl)
    }

    static func action(_ words: [String]) -> Action? {
        switch words.first {
        case "mc": return words.dropFirst() == ["info"] ? .mcInfo : nil
        case "lan":
            guard words.count >= 2, words[1] == "print", words.count <= 3 else { return nil }
            if words.count == 2 { return .lanPrint(nil) }
            return UInt8(words[2]).map { .lanPrint($0) }
        case "fru":
            if words.count == 1 { return .fruPrint(nil) }
            guard words[1] == "print", words.count <= 3 else { return nil }
            if words.count == 2 { return .fruPrint(nil) }
            return UInt8(words[2]).map { .fruPrint($0) }
        case "user":
            guard words.count == 3, let channel = UInt8(words[2]) else { return nil }
            if words[1] == "summary" { return .userSummary(channel) }
            return words[1] == "list" ? .userList(channel) : nil
        case "sel":
            if words.dropFirst() == ["list"] { return .selList }
            return words.dropFirst() == ["info"] || words.count == 1 ? .selInfo : nil
        case "sensor": return words.count == 1 || words.dropFirst() == ["list"] ? .sensor : nil
        case "chassis":
            if words.dropFirst() == ["status"] { return .chassisStatus }
            if words.count == 3, words[1] == "power" {
                if words[2] == "status" { return .powerStatus }
                return IPMIChassisControl(rawValue: words[2]).map { .power($0) }
            }
            if words.count == 3, words[1] == "bootdev", let device = IPMIBootOptions.devices[words[2]] {
                return .bootdev(device, words[2])
            }
            return nil
        default: return nil
        }
    }

    func run() throws {
        let files = HostFiles(root: roots.resolve().root)
        let device: IPMIDevice
        do {
            device = try IPMIDevice(files: files, timeoutSeconds: timeout)
        } catch {
            printError(IPMIToolText.openFailure(error) ?? "ipmi: \(error)")
            throw ExitCode.failure
        }
        var inventory = IPMIInventory(manufacturers: IPMICollector.manufacturers(files), path: device.path)
        var output = ""
        var failed = false
        switch Self.action(words)! {
        case .mcInfo:
            if let id = inventory.deviceID(device) { output = IPMIToolText.mcInfo(id) } else { failed = true }
        case .lanPrint(let channel):
            let channels = inventory.lanChannels(device, only: channel)
            failed = channels.isEmpty || channels.contains { $0.failedParameter != nil }
            output = channels.map(IPMIToolText.lanPrint).joined(separator: "\n")
        case .fruPrint(let id):
            if let fru = inventory.fru(device, id: id ?? 0) {
                output = id == nil ? IPMIToolText.fruPrint(fru) : IPMIToolText.fruFields(fru)
            } else {
                failed = true
            }
        case .selInfo:
            if let info = inventory.selInfo(device) { output = IPMIToolText.selInfo(info) } else { failed = true }
        case .selList:
            if let info = inventory.selInfo(device) {
                if info.entries == 0 {
                    printError("SEL has no entries")
                } else {
                    let manufacturer = inventory.deviceID(device)?.manufacturerID
                    output = IPMIToolText.selList(inventory.selEntries(device), csv: csv, manufacturerID: manufacturer)
                }
            } else {
                failed = true
            }
        case .userSummary(let channel), .userList(let channel):
            if let read = inventory.users(device, channel: channel) {
                if case .userSummary = Self.action(words)! {
                    output = IPMIToolText.userSummary(read.summary, csv: csv)
                } else {
                    output = IPMIToolText.userList(read.users, csv: csv)
                }
            } else {
                failed = true
            }
        case .chassisStatus:
            if let status = inventory.chassisStatus(device) { output = IPMIToolText.chassisStatus(status) } else { failed = true }
        case .sensor:
            switch IPMISensorReader.read(devicePath: device.path, timeoutSeconds: IPMISensorReader.defaultTimeoutSeconds) {
            case .success(let sensors): output = csv ? IPMISensorsText.csv(sensors) : IPMISensorsText.table(sensors)
            case .failure(let failure):
                printError("ipmi: sensor: \(failure)")
                failed = true
            }
        case .powerStatus:
            if let status = inventory.chassisStatus(device) { output = "Chassis Power is \(status.powerOn ? "on" : "off")\n" } else { failed = true }
        case .power(let control):
            do {
                _ = try device.call(control.request)
                output = "Chassis Power Control: \(control.label)\n"
            } catch {
                if case .completion(_, let code) = error {
                    printError("Set Chassis Power Control to \(control.label) failed: \(IPMIToolText.completion(code))")
                } else {
                    printError("Unable to set Chassis Power Control to \(control.label)")
                }
                failed = true
            }
        case .bootdev(let code, let name):
            let outcome = IPMIBootOptions.setBootDevice(code, name: name, on: device)
            output = outcome.stdout
            if !outcome.stderr.isEmpty { printError(String(outcome.stderr.dropLast())) }
            failed = outcome.status != 0
        }
        for diagnostic in inventory.diagnostics { printError(diagnostic.description) }
        writeStandardOutput(Array(output.utf8))
        if failed { throw ExitCode.failure }
    }
}
