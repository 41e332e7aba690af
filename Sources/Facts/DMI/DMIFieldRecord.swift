/// A decoded structure without a typed model: its dmidecode title and fields.
public struct DMIFieldRecord: Sendable, Equatable, Codable {
    public struct Field: Sendable, Equatable, Codable {
        public var name: String
        public var value: String?
        public var items: [String]?
    }

    public var handle: UInt16
    public var type: UInt8
    public var title: String
    public var fields: [Field]

    public init(_ record: DMIRecord) {
        handle = record.handle
        type = record.type
        title = record.title ?? ""
        var fields: [Field] = []
        for line in record.lines {
            switch line {
            case .title, .error:
                continue
            case .attr(let name, let value), .subattr(let name, let value):
                fields.append(Field(name: name, value: value, items: nil))
            case .listStart(let name, let value):
                fields.append(Field(name: name, value: value, items: []))
            case .listItem(let item):
                if fields.last?.items != nil { fields[fields.count - 1].items!.append(item) }
            }
        }
        self.fields = fields
    }
}
