/// Pure rules that name a container runtime from what PID 1 of the host root shows.
enum ContainerSignatures {
    /// The `container=` variable in PID 1's environment (`/proc/1/environ`, NUL-separated), which
    /// systemd-nspawn, LXC, podman and most init-running containers set.
    static func fromEnviron(_ bytes: [UInt8]) -> String? {
        for entry in bytes.split(separator: 0) where entry.starts(with: Array("container=".utf8)) {
            let value = String(decoding: entry.dropFirst(10), as: UTF8.self)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// Cgroup path fragments of container managers, checked in order.
    static let cgroupMarkers: [(fragment: String, container: String)] = [
        ("/docker/", "docker"), ("/docker-", "docker"), ("libpod", "podman"), ("/lxc/", "lxc"),
        ("lxc.payload", "lxc"), ("/kubepods", "kubernetes"),
    ]

    /// The container runtime PID 1's cgroups (`/proc/1/cgroup`, `ID:controllers:path` lines) point to,
    /// with the line that showed it. On the host PID 1 sits at `/` of every hierarchy.
    static func fromCgroup(_ text: String) -> (container: String, line: String)? {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            if let marker = cgroupMarkers.first(where: { path.contains($0.fragment) }) {
                return (marker.container, String(line))
            }
        }
        return nil
    }
}
