/// Raw figures of one design point, per sequence.
package struct PairMeasurement: Codable, Sendable, Equatable {
    package var accuracy: Double
    package var latencyMS: Double
    package var areaMM2: Double
    package var dynamicEnergyJ: Double
    package var leakageEnergyJ: Double
    package var layers: Int

    enum CodingKeys: String, CodingKey {
        case accuracy
        case latencyMS = "latency_ms"
        case areaMM2 = "area_mm2"
        case dynamicEnergyJ = "dynamic_energy_j"
        case leakageEnergyJ = "leakage_energy_j"
        case layers
    }

    package var energyJ: Double { dynamicEnergyJ + leakageEnergyJ }

    func value(of quantity: Constraint.Quantity) -> Double {
        switch quantity {
        case .layers: Double(layers)
        case .area: areaMM2
        case .latency: latencyMS
        case .energy: energyJ
        case .accuracy: accuracy
        }
    }
}
