import ArgumentParser
import Facts

/// Where PCI and USB ids get their names: shared by the commands that print device names.
struct NameOptions: ParsableArguments {
    enum Source: String, ExpressibleByArgument, CaseIterable {
        /// udev's hwdb, else pci.ids/usb.ids, else ids only.
        case auto
        /// pci.ids/usb.ids (what lspci and lshw read first), else ids only.
        case ids
        /// ids only.
        case none
    }

    @Option(name: .customLong("names"), help: ArgumentHelp(
        "Device names from: auto (udev hwdb, else pci.ids/usb.ids, else ids only), ids (pci.ids/usb.ids only), none.",
        valueName: "SOURCE"))
    var source: Source = .auto

    var options: NameDatabaseOptions { Self.options(source) }

    static func options(_ source: Source) -> NameDatabaseOptions {
        var options = NameDatabaseOptions()
        switch source {
        case .auto: break
        case .ids: options.useHwdb = false
        case .none:
            options.useHwdb = false
            options.pciIDsPaths = []
            options.usbIDsPaths = []
        }
        return options
    }
}
