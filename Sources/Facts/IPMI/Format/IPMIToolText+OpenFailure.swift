extension IPMIToolText {
    /// The line ipmitool 1.8's open interface writes to stderr (before exiting 1) when it cannot use the device,
    /// nil for errors that come later. ipmitool tries /dev/ipmi0, /dev/ipmi/0 and /dev/ipmidev/0 in turn and
    /// reports the errno of the last attempt; the nodes are named as the host names them, whatever the dev
    /// root mkagent reads them through, since the text stands in for ipmitool's.
    public static func openFailure(_ error: IPMIError) -> String? {
        switch error {
        case .open(let failures):
            let paths = IPMIDevice.candidates.map { "/dev/" + $0 }.joined(separator: " or ")
            return "Could not open device at \(paths): \(failures.last?.message ?? "")"
        case .notIPMI(_, _, let message):
            return "Could not enable event receiver: \(message)"
        default:
            return nil
        }
    }

    /// A completion code as ipmitool's messages name it: the command's own name for it, else the generic
    /// one, else `Unknown (0xNN)`.
    public static func completion(_ code: IPMICompletionCode, specific: [UInt8: String] = [:]) -> String {
        if let name = specific[code.rawValue] ?? IPMICompletionCode.names[code.rawValue] { return name }
        let hex = String(code.rawValue, radix: 16, uppercase: true)
        return "Unknown (0x\(hex.count == 1 ? "0" : "")\(hex))"
    }
}
