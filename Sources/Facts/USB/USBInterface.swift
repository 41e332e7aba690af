/// One interface of a USB device's active configuration (`1-1.2:1.0`).
public struct USBInterface: Sendable, Equatable, Codable {
    public var name: String
    public var number: Int?
    public var classId: String?
    public var className: String?
    public var subclassId: String?
    public var protocolId: String?
    public var driver: String?

    public init(name: String) {
        self.name = name
    }
}
