import Foundation

/// The version of the design spaces' frozen encodings: the accelerator index (mixed radix over
/// `AcceleratorSpace.radices` and the value lists in `AcceleratorSpace`) and the published
/// FlexiBERT 2.0 37-number embedding (`TransformerSpace.headOperationOrder` and the value lists
/// in `TransformerSpace`).
///
/// One version covers both spaces rather than one each: every search record (`run.json`, each
/// line of `evaluations.jsonl`) stores a transformer embedding and an accelerator index side by
/// side, so a reader must know both encodings to interpret either, and one number is one check.
/// RTL manifests store only an accelerator index and embedding but carry the same number, so a
/// manifest and a search record that agree on it agree on what the index means.
///
/// Bump `current` whenever a frozen list changes (a value added, removed or moved). Records of
/// another version are then refused with an error, never misread.
public enum SpaceVersion {
    /// The version this build writes and can read.
    public static let current = 1

    /// What a record without a `space_version` field means. Such records were written before
    /// the field existed, when the encodings were exactly those of version 1.
    public static let unversioned = 1

    /// The field name used in every record.
    public static let fieldName = "space_version"

    /// Throws unless `found` is `current`; `file` names the record in the error.
    public static func check(_ found: Int, file: String) throws {
        guard found == current else {
            throw DesignSpaceError.unsupportedSpaceVersion(file: file, found: found, supported: current)
        }
    }

    /// Reads the `space_version` of the JSON object in `data` and throws unless it is `current`.
    ///
    /// A record without the field counts as `unversioned`. Data that is not a JSON object passes:
    /// the record's own decoder then reports what is wrong with it.
    public static func check(json data: Data, file: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        let found = (object[fieldName] as? NSNumber)?.intValue ?? unversioned
        try check(found, file: file)
    }
}
