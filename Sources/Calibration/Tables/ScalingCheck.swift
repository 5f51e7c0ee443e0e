/// One synthesised point compared with what a scaling model predicted for it without
/// seeing it.
package struct ScalingCheck: Codable, Sendable, Equatable {
    package let module: String
    /// What the prediction rested on, e.g. "fit of a + c x on sizes 4, 8" or "2 x synthesised b = 1".
    package let basis: String
    package let predictedAreaUM2: Double
    package let synthesisedAreaUM2: Double
    package let predictedEnergyFJ: Double
    package let synthesisedEnergyFJ: Double

    enum CodingKeys: String, CodingKey {
        case module, basis
        case predictedAreaUM2 = "predicted_area_um2"
        case synthesisedAreaUM2 = "synthesised_area_um2"
        case predictedEnergyFJ = "predicted_energy_fj_per_cycle"
        case synthesisedEnergyFJ = "synthesised_energy_fj_per_cycle"
    }

    /// Relative errors of the prediction.
    package var areaError: Double { abs(predictedAreaUM2 - synthesisedAreaUM2) / synthesisedAreaUM2 }
    package var energyError: Double {
        // The glue's checks carry no energy (it is not measured): no error to report.
        synthesisedEnergyFJ > 0 ? abs(predictedEnergyFJ - synthesisedEnergyFJ) / synthesisedEnergyFJ : 0
    }
}
