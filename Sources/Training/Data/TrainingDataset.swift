/// A classification data set of token sequences with a fixed training and test split.
///
/// Readers validate everything they load; a trainer may rely on labels in 0..<classes and
/// on both splits having the same sequence length and token kind.
package protocol TrainingDataset: Sendable {
    /// Name for results, e.g. `fashion-mnist`.
    var name: String { get }
    /// How inputs become tokens, stated in results (e.g. the patching of an image).
    var tokenization: String { get }
    var input: TokenInput { get }
    var classes: Int { get }
    var training: LabeledExamples { get }
    var test: LabeledExamples { get }
}
