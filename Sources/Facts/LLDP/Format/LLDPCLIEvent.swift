/// lldpcli's output model (lldpd `src/client/writer.h`): a stream of tag starts, attributes, data and tag
/// ends, which its key=value and JSON writers turn into text. mkagent produces the same stream from its
/// neighbours, so both layouts follow lldpcli's rules rather than an imitation of its output.
public enum LLDPCLIEvent: Sendable, Equatable {
    case start(String)
    case attribute(String, String)
    case data(String)
    case end
}
