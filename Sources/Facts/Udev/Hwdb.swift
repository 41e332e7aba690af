import CUdev

/// udev's hardware database (`hwdb.bin`, compiled by `systemd-hwdb update` from the same pci.ids and usb.ids
/// data lspci and lsusb use), queried through libudev loaded at run time.
///
/// libudev (252) opens the database only at its fixed paths (`/etc/udev/hwdb.bin`, `/usr/lib/udev/hwdb.bin`)
/// and has no call to open another file, so in a container these are the image's own copy, not the host's.
/// Not thread-safe (libudev objects are not): each collector opens its own.
public final class Hwdb {
    public enum OpenError: Error, Equatable, CustomStringConvertible {
        /// libudev.so.1 could not be loaded (the message is dlerror()'s).
        case libraryUnavailable(String)
        /// libudev loaded but found no hwdb.bin (udev_hwdb_new returned NULL).
        case noDatabase

        public var description: String {
            switch self {
            case .libraryUnavailable(let why): return "libudev not available (\(why))"
            case .noDatabase: return "libudev found no hwdb.bin in /etc/udev or /usr/lib/udev"
            }
        }
    }

    private var api: mk_udev_api
    private let udev: OpaquePointer
    private let hwdb: OpaquePointer
    /// `properties` by modalias, for `property`.
    private var answered: [String: [String: String]] = [:]

    private init(api: mk_udev_api, udev: OpaquePointer, hwdb: OpaquePointer) {
        self.api = api
        self.udev = udev
        self.hwdb = hwdb
    }

    deinit {
        _ = api.udev_hwdb_unref(hwdb)
        _ = api.udev_unref(udev)
        mk_udev_close(&api)
    }

    public static func open(library: String = "libudev.so.1") -> Result<Hwdb, OpenError> {
        var api = mk_udev_api()
        var message = [CChar](repeating: 0, count: 512)
        guard mk_udev_open(library, &api, &message, UInt(message.count)) == 0 else {
            let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return .failure(.libraryUnavailable(text))
        }
        guard let udev = api.udev_new() else {
            mk_udev_close(&api)
            return .failure(.libraryUnavailable("udev_new failed"))
        }
        guard let hwdb = api.udev_hwdb_new(udev) else {
            _ = api.udev_unref(udev)
            mk_udev_close(&api)
            return .failure(.noDatabase)
        }
        return .success(Hwdb(api: api, udev: udev, hwdb: hwdb))
    }

    /// Every property whose pattern matches `modalias`, as udev would attach them to a device.
    public func properties(_ modalias: String) -> [String: String] {
        var result: [String: String] = [:]
        var entry = api.udev_hwdb_get_properties_list_entry(hwdb, modalias, 0)
        while let current = entry {
            if let name = api.udev_list_entry_get_name(current) {
                result[String(cString: name)] = api.udev_list_entry_get_value(current).map { String(cString: $0) }
            }
            entry = api.udev_list_entry_get_next(current)
        }
        return result
    }

    /// One property of `modalias`; nil when no pattern gives it. Answers are kept: a tree asks the same
    /// vendor and class names for many devices, and each lookup globs through the database's patterns.
    public func property(_ key: String, for modalias: String) -> String? {
        answer(for: modalias)[key]
    }

    /// `properties(modalias)`, asked once per modalias.
    public func answer(for modalias: String) -> [String: String] {
        if let known = answered[modalias] { return known }
        let found = properties(modalias)
        answered[modalias] = found
        return found
    }
}
