import Foundation

extension GeneratedDesign {
    /// Writes every file into `directory`, creating it.
    package func write(to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in allFiles { try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
        } catch {
            throw RTLGenError.cannotWrite(path: directory, reason: error.localizedDescription)
        }
    }
}
