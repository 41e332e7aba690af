/// The standard header of a function's configuration space (the first 64 bytes of sysfs `config`, which
/// every user may read) and the walk of its capability list. The reader fills only the dwords it uses;
/// the others are zero.
public struct PCIConfigSpace: Sendable, Equatable {
    public let bytes: [UInt8]

    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 64 else { return nil }
        self.bytes = bytes
    }

    /// The first capability's offset, when the status register says there is a list.
    public var firstCapability: Int? {
        hasCapabilityList ? Int(bytes[0x34] & 0xFC) : nil
    }

    /// Walks a capability list from `start`, reading each entry's id and next pointer through `entry`
    /// (nil ends the walk): capability ids in list order, stopping at a pointer below 0x40 (the header) or
    /// after 48 entries (a looping list).
    public static func capabilityIDs(from start: Int?, entry: (Int) -> (id: UInt8, next: UInt8)?) -> [UInt8] {
        var ids: [UInt8] = []
        var pointer = start ?? 0
        while pointer >= 0x40 && pointer <= 0xFC && ids.count < 48, let (id, next) = entry(pointer) {
            ids.append(id)
            pointer = Int(next & 0xFC)
        }
        return ids
    }

    public var vendor: UInt16 { word(0x00) }
    public var device: UInt16 { word(0x02) }
    public var command: UInt16 { word(0x04) }
    public var status: UInt16 { word(0x06) }
    public var revision: UInt8 { bytes[0x08] }
    public var interface: UInt8 { bytes[0x09] }
    public var subclass: UInt8 { bytes[0x0A] }
    public var baseClass: UInt8 { bytes[0x0B] }
    public var latencyTimer: UInt8 { bytes[0x0D] }
    /// 0 normal, 1 PCI-to-PCI bridge, 2 CardBus bridge.
    public var headerType: UInt8 { bytes[0x0E] & 0x7F }

    public var busMaster: Bool { command & 0x0004 != 0 }
    public var vgaPaletteSnoop: Bool { command & 0x0020 != 0 }
    public var hasCapabilityList: Bool { status & 0x0010 != 0 }
    public var is66MHz: Bool { status & 0x0020 != 0 }

    /// Bridges: the latency timer of the secondary bus, which lshw reports for them.
    public var secondaryLatencyTimer: UInt8 { bytes[0x1B] }
    public var secondaryBus: UInt8? { headerType == 1 ? bytes[0x19] : nil }

    public var subsystem: (vendor: UInt16, device: UInt16)? {
        switch headerType {
        case 0: return (word(0x2C), word(0x2E))
        case 2 where bytes.count >= 0x44: return (word(0x40), word(0x42))
        default: return nil
        }
    }

    /// Capability ids in list order (0x01 power management, 0x05 MSI, 0x10 PCI Express, 0x11 MSI-X, ...)
    /// when `bytes` holds the whole standard space (256 bytes); entries past the bytes end the walk.
    public var capabilityIDs: [UInt8] {
        Self.capabilityIDs(from: firstCapability) { offset in
            offset + 1 < bytes.count ? (bytes[offset], bytes[offset + 1]) : nil
        }
    }

    private func word(_ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
}
