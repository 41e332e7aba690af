enum MkAgentVersion {
    static let current = "0.1.0"
}
