/// Calendar arithmetic for IPMI timestamps, in UTC, without the C library's time zone state.
enum IPMITime {
    /// `ctime`-style "Tue Apr  8 01:48:00 2014" for seconds since 1970-01-01 UTC.
    static func ctime(_ seconds: Int64) -> String {
        let days = Int(seconds / 86400)
        let rest = Int(seconds % 86400)
        let (year, month, day) = civil(fromDays: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        let dayText = day < 10 ? " \(day)" : "\(day)"
        return "\(weekday) \(months[month - 1]) \(dayText) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) \(year)"
    }

    /// "07/15/15", the SEL's date as ipmitool 1.8.19 prints it (strftime %x in the C locale).
    static func selDate(_ seconds: Int64) -> String {
        let (year, month, day) = civil(fromDays: Int(seconds / 86400))
        return "\(two(month))/\(two(day))/\(two(year % 100))"
    }

    /// "22:35:35 UTC" (%X %Z; mkagent prints the BMC's clock as UTC, which is what SEL times are meant to be).
    static func selTime(_ seconds: Int64) -> String {
        let rest = Int(seconds % 86400)
        return "\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) UTC"
    }

    /// "07/15/15 22:35:35 UTC", SEL info's timestamps.
    static func selTimestamp(_ seconds: Int64) -> String {
        selDate(seconds) + " " + selTime(seconds)
    }

    /// FRU board manufacturing date: minutes since 1996-01-01 00:00 UTC.
    static func fruDate(minutes: UInt32) -> String {
        ctime(820_454_400 + Int64(minutes) * 60)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let (year, month, day) = RFC3339.civil(fromDays: Int64(days))
        return (Int(year), Int(month), Int(day))
    }
}
