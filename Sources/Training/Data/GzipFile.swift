import CZlib
import Foundation

/// Reads a whole gzip-compressed file through zlib.
package enum GzipFile {
    /// The decompressed bytes of `path`; `missing` and `malformed` are the fixes the errors name.
    package static func read(_ path: String, missing: String, malformed: String) throws(TrainingError) -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .missingDataFile(path: path, fix: missing) }
        guard let file = gzopen(path, "rb") else { throw .missingDataFile(path: path, fix: missing) }
        defer { gzclose(file) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            // A stream cut short reads as an early end of file with Z_BUF_ERROR set, not -1.
            var code: Int32 = 0
            var message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }  // zlib prefixes the path
            if read < 0 || code != Z_OK {
                throw .malformedDataFile(path: path, reason: "the gzip stream is corrupt (\(message))", fix: malformed)
            }
            if bytes.isEmpty && gzdirect(file) != 0 {
                throw .malformedDataFile(path: path, reason: "not a gzip file", fix: malformed)
            }
            if read == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(read)])
        }
        return bytes
    }
}
