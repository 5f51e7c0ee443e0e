import DesignSpace

/// One evaluated design point, as appended to a run's evaluations.jsonl.
public struct Evaluation: Codable, Sendable, Equatable {
    /// Position in the run's proposal order (0-based).
    public var sequence: Int
    /// Which proposer chose it: `initial`, `gobi`, `uncertainty`, `diversity`, `random`, ...
    public var origin: String
    public var embedding: [Int]
    public var acceleratorIndex: Int
    public var tauI: Double
    public var tauT: Double
    public var measurement: PairMeasurement
    public var performance: Double
    /// The first constraint the point violates, if any (its performance is then P_MIN).
    public var violated: String?

    enum CodingKeys: String, CodingKey {
        case sequence, origin, embedding, acceleratorIndex = "accelerator_index", tauI = "tau_i", tauT = "tau_t"
        case measurement, performance, violated
    }

    /// The design point this record describes.
    public var point: DesignPoint {
        DesignPoint(
            model: try! TransformerSpace.model(embedding: embedding), accelerator: try! AcceleratorSpace.config(at: acceleratorIndex),
            tauI: tauI, tauT: tauT)
    }
}
