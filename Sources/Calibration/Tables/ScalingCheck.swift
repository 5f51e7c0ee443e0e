/// One synthesised point compared with what a scaling model predicted for it without
/// seeing it.
public struct ScalingCheck: Codable, Sendable, Equatable {
    public let module: String
    /// What the prediction rested on, e.g. "affine fit on sizes 4, 8" or "2 x synthesised b = 1".
    public let basis: String
    public let predictedAreaUM2: Double
    public let synthesisedAreaUM2: Double
    public let predictedEnergyFJ: Double
    public let synthesisedEnergyFJ: Double

    enum CodingKeys: String, CodingKey {
        case module, basis, predictedAreaUM2 = "predicted_area_um2", synthesisedAreaUM2 = "synthesised_area_um2"
        case predictedEnergyFJ = "predicted_energy_fj_per_cycle", synthesisedEnergyFJ = "synthesised_energy_fj_per_cycle"
    }

    /// Relative errors of the prediction.
    public var areaError: Double { abs(predictedAreaUM2 - synthesisedAreaUM2) / synthesisedAreaUM2 }
    public var energyError: Double { abs(predictedEnergyFJ - synthesisedEnergyFJ) / synthesisedEnergyFJ }
}
