/// The system vendors whose vendor-specific structures (types 128-255) are decoded, known by the type 1
/// manufacturer name (trailing spaces ignored, otherwise matched exactly).
enum OEMVendor: Sendable, Equatable {
    case acer
    case hp
    case hpe
    case ibm
    case lenovo

    init?(_ context: DMIContext) {
        guard var name = context.systemManufacturer else { return nil }
        while name.hasSuffix(" ") { name.removeLast() }
        switch name {
        case "Acer": self = .acer
        case "HP", "Hewlett-Packard": self = .hp
        case "HPE", "Hewlett Packard Enterprise": self = .hpe
        case "IBM": self = .ibm
        case "LENOVO": self = .lenovo
        default: return nil
        }
    }
}
