import Foundation

/// The folder a measurement or a sweep writes into.
enum RunFolder {
    /// Creates `path` (its parent must exist) or accepts an existing folder; a file there, or
    /// a parent that is missing or not writable, is one clear error.
    static func ensure(_ path: String) throws(AccuracyMeasurementError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .unusableDirectory(path: path, reason: "it is a file, not a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw .unusableDirectory(path: path, reason: "its parent folder does not exist or is not writable")
            }
        }
    }
}
