import Foundation
import ProjectLayout
import TestSupport
import Toolchain

/// Runs the built `transcode` executable, which `swift test` builds beside the test bundle.
enum TranscodeBinary {
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["TRANSCODE_BIN"] { return override }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The runner may sit inside the .xctest bundle on some platforms.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("transcode").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "transcode"
    }

    /// Runs with `arguments` in the repository root; returns stdout, stderr and the exit code as one text.
    static func run(_ arguments: [String]) throws -> (status: Int32, transcript: String) {
        let result = try Toolchain.run(path, arguments, directory: ProjectFiles.root)
        let transcript =
            "$ transcode \(arguments.joined(separator: " "))\n" + result.output
            + (result.error.isEmpty ? "" : "[stderr]\n" + result.error) + "[exit \(result.status)]\n"
        return (result.status, transcript)
    }
}
