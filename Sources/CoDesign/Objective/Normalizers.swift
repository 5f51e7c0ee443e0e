/// The maxima that hardware figures are divided by (paper Section III-C).
public struct Normalizers: Codable, Sendable, Equatable {
    public var latencyMS: Double
    public var areaMM2: Double
    public var dynamicEnergyJ: Double
    public var leakageEnergyJ: Double

    enum CodingKeys: String, CodingKey {
        case latencyMS = "latency_ms", areaMM2 = "area_mm2", dynamicEnergyJ = "dynamic_energy_j", leakageEnergyJ = "leakage_energy_j"
    }
}
