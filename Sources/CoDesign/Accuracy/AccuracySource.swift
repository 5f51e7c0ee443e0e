/// Where the accuracy half of the objective comes from.
package enum AccuracySource: String, Codable, CaseIterable, Sendable {
    /// A Gaussian process fitted on the project's measured Fashion-MNIST data set
    /// (data/accuracy-fashion-mnist.jsonl, `transcode accuracy measure`).
    case measured
    /// The Gaussian process fitted on the 13 published FlexiBERT 2.0 GLUE scores.
    case glue

    /// The accuracy's name in tables and plots: the measured predictor's figure is a test
    /// accuracy on the measured data set, not a GLUE score.
    package var figureName: String {
        switch self {
        case .measured: "accuracy"
        case .glue: "GLUE"
        }
    }
}
