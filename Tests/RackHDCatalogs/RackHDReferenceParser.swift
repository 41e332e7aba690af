import Foundation
import TestSupport

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
        let arguments = [directory.appendingPathComponent("run-parser.js").path]
        let run = try CapturedRun.run(node, arguments, environment: ["NODE_PATH": lodashPath, "PATH": "/usr/bin:/bin"],
                                      directory: directory.path, input: Data(input.utf8))
        guard run.status == 0, case .array(let results) = try JSValueText.parse(run.stdout) else {
            throw JSTypeError("node \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
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
