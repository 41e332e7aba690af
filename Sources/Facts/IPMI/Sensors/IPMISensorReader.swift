import CIPMIMonitoring
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sensor readings through libipmimonitoring (FreeIPMI), loaded at run time: the library reads the SDR
/// repository, gets each sensor's reading through the OpenIPMI device and judges its state. Where the
/// library is absent, reading fails with `.libraryUnavailable` and nothing else changes.
///
/// The library keeps an SDR cache; each read gets a fresh cache directory of its own (removed afterwards),
/// so a cache written for another BMC or an older repository is never used. Once loaded, the library stays
/// loaded: it and libgcrypt under it keep process-wide state that unloading would leave dangling.
public enum IPMISensorReader {
    public static let library = "libipmimonitoring.so.6"
    /// Enough for a few hundred SDR records over KCS, and short of `mkagent facts`' 30 s per collector, so
    /// a slow library costs the sensors, not the rest of the section.
    public static let defaultTimeoutSeconds: Double = 20

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case libraryUnavailable(String)
        /// The library's own message (no SDR, the device refused, ...).
        case library(String)
        case timeout(seconds: Double)

        public var description: String {
            switch self {
            case .libraryUnavailable(let message):
                "\(IPMISensorReader.library) cannot be loaded (\(message)); install libipmimonitoring6 (FreeIPMI) for sensors"
            case .library(let message): "libipmimonitoring: \(message)"
            case .timeout(let seconds): "libipmimonitoring gave no readings within \(seconds) s"
            }
        }
    }

    /// Every sensor of the BMC behind `devicePath` (an OpenIPMI node), or why not. The library runs on a
    /// thread of its own; past `timeoutSeconds` it is abandoned and `.timeout` returned.
    public static func read(devicePath: String, timeoutSeconds: Double, library: String = library)
        -> Result<[IPMISensor], Failure> {
        let outcome = Outcome()
        DispatchQueue.global().async { outcome.finish(readNow(devicePath: devicePath, library: library)) }
        return outcome.wait(seconds: timeoutSeconds) ?? .failure(.timeout(seconds: timeoutSeconds))
    }

    private final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<[IPMISensor], Failure>?

        func finish(_ value: Result<[IPMISensor], Failure>) {
            result = value
            done.signal()
        }

        func wait(seconds: Double) -> Result<[IPMISensor], Failure>? {
            guard done.wait(timeout: .now() + seconds) == .success else { return nil }
            return result
        }
    }

    static func readNow(devicePath: String, library: String) -> Result<[IPMISensor], Failure> {
        var api = mk_ipmimon_api()
        var message = [CChar](repeating: 0, count: 512)
        guard mk_ipmimon_open(library, &api, &message, UInt(message.count)) == 0 else {
            return .failure(.libraryUnavailable(message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }))
        }
        var errnum: Int32 = 0
        guard api.library_init!(0, &errnum) == 0 else { return .failure(.library(text(api.ctx_strerror!(errnum)))) }
        guard let context = api.ctx_create!() else { return .failure(.library("cannot create a context")) }
        defer { api.ctx_destroy!(context) }

        var template = Array("\(temporaryDirectory())/mkagent-sdr-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            return .failure(.library("no SDR cache directory: \(String(cString: strerror(errno)))"))
        }
        let cache = String(cString: made)
        defer { removeDirectory(cache) }
        guard api.ctx_sdr_cache_directory!(context, cache) == 0 else { return .failure(.library(text(api.ctx_errormsg!(context)))) }

        let device = strdup(devicePath)
        defer { free(device) }
        // In-band through the OpenIPMI driver at the dev root's node; every other field is the library's
        // default (negative or zero, as ipmi_monitoring.h documents).
        var config = mk_ipmimon_config(
            driver_type: Int32(MK_IPMIMON_DRIVER_TYPE_OPENIPMI), disable_auto_probe: 0, driver_address: 0,
            register_spacing: 0, driver_device: device, protocol_version: -1, username: nil, password: nil,
            k_g: nil, k_g_len: 0, privilege_level: -1, authentication_type: -1, cipher_suite_id: -1,
            session_timeout_len: 0, retransmission_timeout_len: 0, workaround_flags: 0)
        let count = api.sensor_readings_by_record_id!(context, nil, &config, 0, nil, 0, nil, nil)
        if count < 0 {
            if api.ctx_errnum!(context) == Int32(MK_IPMIMON_ERR_NO_SENSOR_READINGS) { return .success([]) }
            return .failure(.library(text(api.ctx_errormsg!(context))))
        }
        var sensors: [IPMISensor] = []
        for index in 0..<Int(count) {
            if index > 0 && api.sensor_iterator_next!(context) != 1 { break }
            sensors.append(sensor(api, context))
        }
        return .success(sensors)
    }

    private static func sensor(_ api: mk_ipmimon_api, _ context: OpaquePointer) -> IPMISensor {
        var value: Double?
        if api.sensor_read_sensor_reading_type!(context) == Int32(MK_IPMIMON_READING_TYPE_DOUBLE),
           let reading = api.sensor_read_sensor_reading!(context) {
            value = reading.load(as: Double.self)
        }
        var events: [String] = []
        if var strings = api.sensor_read_sensor_bitmask_strings!(context) {
            while let string = strings.pointee {
                events.append(IPMISensorEventNames.short(String(cString: string)))
                strings += 1
            }
        }
        return IPMISensor(
            recordID: Int(api.sensor_read_record_id!(context)), number: Int(api.sensor_read_sensor_number!(context)),
            name: text(api.sensor_read_sensor_name!(context)), typeCode: Int(api.sensor_read_sensor_type!(context)),
            state: states[Int(api.sensor_read_sensor_state!(context))],
            eventReadingTypeCode: Int(api.sensor_read_event_reading_type_code!(context)),
            value: value, units: units[Int(api.sensor_read_sensor_units!(context))], events: events)
    }

    /// enum ipmi_monitoring_state; UNKNOWN (3) and errors have no entry.
    static let states = [0: "Nominal", 1: "Warning", 2: "Critical"]
    /// enum ipmi_monitoring_sensor_units, abbreviated as ipmi-sensors abbreviates them; NONE and UNKNOWN
    /// have no entry.
    static let units = [1: "C", 2: "F", 3: "V", 4: "A", 5: "RPM", 6: "W", 7: "%"]

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func temporaryDirectory() -> String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// The cache directory holds plain files only.
    private static func removeDirectory(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
