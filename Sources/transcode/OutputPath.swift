import Foundation

/// Files the command writes: checked before any work starts, and written with a one-line
/// error instead of Foundation's NSCocoaErrorDomain dump.
enum OutputPath {
    /// Throws unless `path` can be created or replaced: its folder exists and is a folder,
    /// and the path itself is not a folder.
    static func checkWritable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("cannot write \(path): it is a directory")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("cannot write \(path): no folder \(folder)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CLIError("cannot write \(path): the folder \(folder) is not writable")
        }
    }

    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        try checkWritable(path)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write \(path): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
    }
}
