import Foundation

/// Reads a user-supplied file with its size checked before a byte is read, so that neither a
/// huge file nor a device such as /dev/zero can exhaust memory.
package enum InputFile {
    /// The default size limit: far above any model dict, accelerator, profile or table the
    /// project reads (the largest, a hardware table, is about 50 KB).
    package static let defaultMaximumBytes = 4 << 20

    /// The file's bytes.
    package static func read(_ path: String, maximumBytes: Int = defaultMaximumBytes) throws(StructuredInputError) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .noSuchFile(path: path)
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?: throw .directory(path: path)
        case .typeRegular?: break
        case .typeSymbolicLink?:
            // attributesOfItem does not follow a link: resolve it and check its target instead.
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard target != path else { throw .noSuchFile(path: path) }
            return try read(target, maximumBytes: maximumBytes)
        default: throw .notRegularFile(path: path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else { throw .tooLarge(path: path, bytes: size, limit: maximumBytes) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .noSuchFile(path: path) }
        guard data.count <= maximumBytes else { throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes) }
        return data
    }

    /// The file as UTF-8 text.
    package static func text(_ path: String, maximumBytes: Int = defaultMaximumBytes) throws(StructuredInputError) -> String {
        let data = try read(path, maximumBytes: maximumBytes)
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(path: path) }
        return text
    }
}
