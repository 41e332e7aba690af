/// The two text tests ohai's patterns need.
enum OhaiText {
    /// `\d`.
    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    /// The text after PREFIX, or nil when the text does not start with it.
    static func after(_ prefix: String, in text: Substring) -> Substring? {
        text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : nil
    }
}
