import Foundation
import ProjectLayout
import Testing

/// Compares text with a checked-in golden file. A missing golden fails; goldens are
/// re-recorded only when TRANSCODE_RECORD_GOLDEN=1 is set on purpose, and a recording run
/// fails (as swift-argument-parser's snapshot tests do) so that it is never mistaken for a pass.
public enum GoldenFile {
    public static func check(_ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: ProjectFiles.path("Tests/Golden/\(relative)"))
        if ProcessInfo.processInfo.environment["TRANSCODE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            // A recording run never passes, so a recording left switched on cannot hide a
            // change: review the diff, then run again without TRANSCODE_RECORD_GOLDEN.
            Issue.record(
                "recorded Tests/Golden/\(relative): review the diff and run again without TRANSCODE_RECORD_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file Tests/Golden/\(relative): run with TRANSCODE_RECORD_GOLDEN=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "differs from Tests/Golden/\(relative)", sourceLocation: sourceLocation)
    }
}
