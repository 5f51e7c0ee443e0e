/// The maxima that hardware figures are divided by (paper Section III-C).
package struct Normalizers: Codable, Sendable, Equatable {
    package var latencyMS: Double
    package var areaMM2: Double
    package var dynamicEnergyJ: Double
    package var leakageEnergyJ: Double

    enum CodingKeys: String, CodingKey {
        case latencyMS = "latency_ms"
        case areaMM2 = "area_mm2"
        case dynamicEnergyJ = "dynamic_energy_j"
        case leakageEnergyJ = "leakage_energy_j"
    }
}
