import Foundation
import Testing

/// Compares text with a checked-in golden file. A missing golden fails; goldens are
/// re-recorded only when TRANSCODE_RECORD_GOLDEN=1 is set on purpose.
public enum GoldenFile {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func check(_ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Tests/Golden").appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["TRANSCODE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Tests/Golden/\(relative): run with TRANSCODE_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "differs from Tests/Golden/\(relative)", sourceLocation: sourceLocation)
    }
}
