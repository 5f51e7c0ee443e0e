import Foundation
import StructuredInput

/// Resolves what a user typed for a model or an accelerator: a built-in name or a file path.
public enum Catalog {
    /// A built-in model name or a model-dict JSON file.
    public static func model(_ reference: String) throws -> TransformerModel {
        if let model = BuiltIns.model(named: reference) { return model }
        guard looksLikePath(reference) else {
            throw DesignSpaceError.unknownBuiltIn(kind: "model", name: reference, known: BuiltIns.modelNames)
        }
        return try ModelDict.parse(read(reference), source: reference)
    }

    /// A built-in accelerator name or an accelerator YAML/JSON file.
    public static func accelerator(_ reference: String) throws -> AcceleratorConfig {
        if let config = BuiltIns.accelerator(named: reference) { return config }
        guard looksLikePath(reference) else {
            throw DesignSpaceError.unknownBuiltIn(
                kind: "accelerator", name: reference, known: BuiltIns.acceleratorNames)
        }
        let text = try DesignSpaceError.reading { () throws(StructuredInputError) in try InputFile.text(reference) }
        return try AcceleratorFile.parse(text, source: reference)
    }

    /// Every accelerator a reference names, with the name to report it by: a built-in name, a
    /// file, `index:N`, or an inclusive index range `index:A-B` (at most `limit` of them).
    public static func accelerators(_ reference: String, limit: Int = 100_000) throws -> [(name: String, config: AcceleratorConfig)] {
        guard reference.hasPrefix("index:") else { return [(reference, try accelerator(reference))] }
        let bounds = reference.dropFirst("index:".count).split(separator: "-", omittingEmptySubsequences: false)
        let numbers = bounds.map { Int($0) }
        guard (1...2).contains(bounds.count), numbers.allSatisfy({ $0 != nil && $0! >= 0 }),
            let low = numbers.first!, let high = numbers.last!, low <= high
        else {
            throw DesignSpaceError.invalidValue(
                field: "accelerator", value: "\"\(reference)\"", allowed: "index:N or index:A-B with 0 <= A <= B")
        }
        guard high - low < limit else {
            throw DesignSpaceError.invalidValue(
                field: "accelerator", value: "\"\(reference)\"", allowed: "a range of at most \(limit) indices")
        }
        return try (low...high).map { ("index:\($0)", try AcceleratorSpace.config(at: $0)) }
    }

    /// Either a model or an accelerator, for commands such as `show` that take both.
    public enum Item: Sendable {
        case model(TransformerModel)
        case accelerator(AcceleratorConfig)
    }

    /// Resolves a reference that may name either kind: built-ins by name, files by content.
    public static func item(_ reference: String) throws -> Item {
        if let model = BuiltIns.model(named: reference) { return .model(model) }
        if let config = BuiltIns.accelerator(named: reference) { return .accelerator(config) }
        guard looksLikePath(reference) else {
            throw DesignSpaceError.unknownBuiltIn(
                kind: "model or accelerator", name: reference,
                known: BuiltIns.modelNames + BuiltIns.acceleratorNames)
        }
        let data = try read(reference)
        // A model dict is a JSON object with key "l"; anything else is read as an accelerator.
        if let object = try? JSONText.object(data, source: reference) as? [String: Any], object["l"] != nil {
            return .model(try ModelDict.model(from: object))
        }
        // The bytes are already read (and size-checked): parse them rather than read the file again.
        guard let text = String(data: data, encoding: .utf8) else {
            throw DesignSpaceError.malformedFile(path: reference, reason: StructuredInputError.notText(path: reference).reason)
        }
        return .accelerator(try AcceleratorFile.parse(text, source: reference))
    }

    private static func looksLikePath(_ reference: String) -> Bool {
        reference.contains("/") || reference.contains(".") || FileManager.default.fileExists(atPath: reference)
    }

    private static func read(_ path: String) throws(DesignSpaceError) -> Data {
        try DesignSpaceError.reading { () throws(StructuredInputError) in try InputFile.read(path) }
    }
}
