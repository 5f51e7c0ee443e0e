import Foundation

/// Locates the project's checked-in data (tables, templates, reference data, goldens).
///
/// The one place that knows where the checkout is, for the libraries, the command and the
/// tests alike: `TRANSCODE_HOME` names the checkout; otherwise it is the checkout this code
/// was built from (this file sits at `Sources/ProjectLayout/` in it).
package enum ProjectFiles {
    /// The checkout's root folder.
    package static var root: String {
        if let home = ProcessInfo.processInfo.environment["TRANSCODE_HOME"], !home.isEmpty { return home }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// `relative` under the checkout's root.
    package static func path(_ relative: String) -> String { "\(root)/\(relative)" }
}
