/// dmidecode's text layout (which `mkagent dmi` reproduces) split into `Handle` blocks.
enum DMIText {
    /// The SMBIOS structure types every profile sets on the QEMU command line (`-smbios type=N`).
    static let profileTypes: Set<Int> = [0, 1, 2, 3, 4, 11, 17]

    struct Block: Equatable {
        var handle: String
        var type: Int
        var lines: [Substring]
    }

    /// The blocks of TEXT, each from its `Handle 0x0000, DMI type 0, 24 bytes` line to the next blank line;
    /// the header before the first is dropped.
    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Handle ") {
                let fields = line.split(separator: ",")
                let type = fields.count > 1 ? Int(fields[1].split(separator: " ").last ?? "") : nil
                blocks.append(Block(handle: String(fields[0].dropFirst("Handle ".count)), type: type ?? -1, lines: [line]))
                inBlock = true
            } else if line.isEmpty {
                inBlock = false
            } else if inBlock {
                blocks[blocks.count - 1].lines.append(line)
            }
        }
        return blocks
    }
}
