import ArgumentParser

/// The renderings of the fact model `mkagent facts` can print.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, yaml, flat
}
