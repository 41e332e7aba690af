/// lldpcli's `-f keyvalue` writer (lldpd `kv_writer.c`): dotted paths, where a `name` or `type` attribute
/// replaces the last path element (`lldp.eth0.chassis.mac=...`) and newlines in values become spaces.
public enum LLDPCLIKeyValueWriter {
    public static func render(_ events: [LLDPCLIEvent]) -> String {
        var prefix: [String] = []
        var out = ""
        for event in events {
            switch event {
            case .start(let tag):
                prefix.append(tag)
            case .attribute(let key, let value):
                if key == "name" || key == "type" {
                    if !prefix.isEmpty { prefix.removeLast() }
                    prefix.append(value)
                } else {
                    out += (prefix + [key]).joined(separator: ".") + "=" + value + "\n"
                }
            case .data(let value):
                out += prefix.joined(separator: ".") + "=" + value.replacing("\n", with: " ") + "\n"
            case .end:
                if !prefix.isEmpty { prefix.removeLast() }
            }
        }
        return out
    }
}
