import Foundation

/// RackHD's own parsers (Tests/RackHDSpec/command-parser.js) run with node, as the oracle of the
/// reimplementation. Unavailable (nil) where node or lodash (Debian's node-lodash) is missing.
public enum RackHDReferenceParser {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RackHDSpec")
    static let lodashPath = "/usr/share/nodejs"

    public static let node: String? = ["/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the oracle cannot run here, or nil when it can.
    public static let unavailable: String? = {
        if node == nil { return "node is not installed (Debian package nodejs)" }
        if !FileManager.default.fileExists(atPath: lodashPath + "/lodash") { return "lodash is not installed (Debian package node-lodash)" }
        return nil
    }()

    /// One catalog per task, as RackHD's server makes it.
    public static func parse(_ tasks: [(cmd: String, stdout: String)]) throws -> [RackHDCatalog] {
        guard let node, unavailable == nil else { throw JSTypeError(unavailable ?? "node missing") }
        let input = "[" + tasks.map { "{\"cmd\":\(JSValueText.quote($0.cmd)),\"stdout\":\(JSValueText.quote($0.stdout))}" }
            .joined(separator: ",") + "]"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [directory.appendingPathComponent("run-parser.js").path]
        process.currentDirectoryURL = directory
        process.environment = ["NODE_PATH": lodashPath, "PATH": "/usr/bin:/bin"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Written from another thread: the input can be larger than the pipe while node already writes.
        let data = Data(input.utf8)
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, case .array(let results) = try JSValueText.parse(String(decoding: output, as: UTF8.self)) else {
            throw JSTypeError("node \(process.arguments!.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return results.items.map { item in
            let result = restoringUndefined(item)
            return RackHDCatalog(
                source: result["source"].string ?? "",
                data: { if case .undefined = result["data"] { return nil } else { return result["data"] } }(),
                store: result["store"].isTruthy,
                lookups: { if case .undefined = result["lookups"] { return nil } else { return result["lookups"] } }(),
                error: result["error"].string)
        }
    }

    /// `"__undefined__"` (how run-parser.js writes undefined) back to undefined.
    static func restoringUndefined(_ value: JSValue) -> JSValue {
        switch value {
        case .string("__undefined__"): return .undefined
        case .array(let array): return .newArray(array.items.map(restoringUndefined))
        case .object(let object):
            let copy = JSObject()
            for key in object.keys { copy[key] = restoringUndefined(object[key]) }
            return .object(copy)
        default: return value
        }
    }
}
