/// `host:channel:target:lun`, the name of a SCSI device in sysfs (`0:0:1:0`).
public struct SCSIAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var host: Int
    public var channel: Int
    public var target: Int
    public var lun: UInt64

    public init(host: Int, channel: Int, target: Int, lun: UInt64) {
        self.host = host
        self.channel = channel
        self.target = target
        self.lun = lun
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, let h = Int(parts[0]), let c = Int(parts[1]), let t = Int(parts[2]),
              let l = UInt64(parts[3]) else { return nil }
        self.init(host: h, channel: c, target: t, lun: l)
    }

    public var description: String { "\(host):\(channel):\(target):\(lun)" }

    public static func < (a: Self, b: Self) -> Bool {
        (a.host, a.channel, a.target, a.lun) < (b.host, b.channel, b.target, b.lun)
    }
}
