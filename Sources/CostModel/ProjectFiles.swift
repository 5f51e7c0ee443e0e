import Foundation

/// Locates the project's checked-in data (tables, templates, reference data).
///
/// `TRANSCODE_HOME` names the checkout; otherwise the checkout this code was built from.
public enum ProjectFiles {
    public static var root: String {
        if let home = ProcessInfo.processInfo.environment["TRANSCODE_HOME"], !home.isEmpty { return home }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    public static func path(_ relative: String) -> String { "\(root)/\(relative)" }
}
