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
}
