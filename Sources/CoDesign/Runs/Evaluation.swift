import DesignSpace

/// One evaluated design point, as appended to a run's evaluations.jsonl.
///
/// A record stores its point in the frozen encodings of `SpaceVersion.current` (the published
/// transformer embedding and the accelerator index) and says which version that is. Decoding
/// refuses another version and rebuilds the point through the validating decoders, so every
/// `Evaluation` holds a valid point and reading one from a log never traps.
package struct Evaluation: Codable, Sendable, Equatable {
    /// Position in the run's proposal order (0-based).
    package var sequence: Int
    /// Which proposer chose it: `initial`, `gobi`, `uncertainty`, `diversity`, `random`, ...
    package var origin: String
    /// The design point this record describes.
    package let point: DesignPoint
    package var measurement: PairMeasurement
    package var performance: Double
    /// The first constraint the point violates, if any (its performance is then P_MIN).
    package var violated: String?
    /// The surrogate's prediction of `performance` when the point was proposed, and its
    /// uncertainty (nil for random points and strategies without a surrogate).
    package var predicted: Double?
    package var predictedStd: Double?

    package init(
        sequence: Int, origin: String, point: DesignPoint, measurement: PairMeasurement, performance: Double, violated: String?,
        predicted: Double? = nil, predictedStd: Double? = nil
    ) {
        self.sequence = sequence
        self.origin = origin
        self.point = point
        self.measurement = measurement
        self.performance = performance
        self.violated = violated
        self.predicted = predicted
        self.predictedStd = predictedStd
    }

    /// The published 37-number transformer embedding of the point.
    package var embedding: [Int] { TransformerSpace.embedding(of: point.model) }
    /// The point's accelerator index in the 14,850,000-point space.
    package var acceleratorIndex: Int { AcceleratorSpace.index(of: point.accelerator) }
    package var tauI: Double { point.tauI }
    package var tauT: Double { point.tauT }

    enum CodingKeys: String, CodingKey {
        case spaceVersion = "space_version"
        case sequence, origin, embedding
        case acceleratorIndex = "accelerator_index"
        case tauI = "tau_i"
        case tauT = "tau_t"
        case measurement, performance, violated, predicted
        case predictedStd = "predicted_std"
        case decomposition
        case decompositionVersion = "decomposition_version"
    }

    /// Decodes a record of the current space version; `RunDirectory` checks the version first
    /// so that its error can name the file and line.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .spaceVersion) ?? SpaceVersion.unversioned
        guard version == SpaceVersion.current else {
            throw DecodingError.dataCorruptedError(
                forKey: .spaceVersion, in: c,
                debugDescription: "design-space version \(version), and this build reads only version \(SpaceVersion.current)")
        }
        sequence = try c.decode(Int.self, forKey: .sequence)
        origin = try c.decode(String.self, forKey: .origin)
        point = DesignPoint(
            model: try DesignPoint.model(
                embedding: c.decode([Int].self, forKey: .embedding),
                decomposition: c.decodeIfPresent([Int].self, forKey: .decomposition),
                version: c.decodeIfPresent(Int.self, forKey: .decompositionVersion)),
            accelerator: try AcceleratorSpace.config(at: c.decode(Int.self, forKey: .acceleratorIndex)),
            tauI: try c.decode(Double.self, forKey: .tauI), tauT: try c.decode(Double.self, forKey: .tauT))
        measurement = try c.decode(PairMeasurement.self, forKey: .measurement)
        performance = try c.decode(Double.self, forKey: .performance)
        violated = try c.decodeIfPresent(String.self, forKey: .violated)
        predicted = try c.decodeIfPresent(Double.self, forKey: .predicted)
        predictedStd = try c.decodeIfPresent(Double.self, forKey: .predictedStd)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(SpaceVersion.current, forKey: .spaceVersion)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(origin, forKey: .origin)
        try c.encode(embedding, forKey: .embedding)
        if let tt = try point.decompositionRecord {
            try c.encode(tt, forKey: .decomposition)
            try c.encode(DecompositionSpace.version, forKey: .decompositionVersion)
        }
        try c.encode(acceleratorIndex, forKey: .acceleratorIndex)
        try c.encode(tauI, forKey: .tauI)
        try c.encode(tauT, forKey: .tauT)
        try c.encode(measurement, forKey: .measurement)
        try c.encode(performance, forKey: .performance)
        try c.encodeIfPresent(violated, forKey: .violated)
        try c.encodeIfPresent(predicted, forKey: .predicted)
        try c.encodeIfPresent(predictedStd, forKey: .predictedStd)
    }
}
