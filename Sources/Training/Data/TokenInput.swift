/// What one token of a data set is: a vector of features (an image patch) or an id into a
/// vocabulary (a word piece).
package enum TokenInput: Equatable, Sendable {
    case features(width: Int)
    case vocabulary(size: Int)

    /// Floats per token in `LabeledExamples.inputs`.
    package var width: Int {
        switch self {
        case .features(let width): width
        case .vocabulary: 1
        }
    }
}
