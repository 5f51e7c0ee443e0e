/// Raw figures of one design point, per sequence.
public struct PairMeasurement: Codable, Sendable, Equatable {
    public var accuracy: Double
    public var latencyMS: Double
    public var areaMM2: Double
    public var dynamicEnergyJ: Double
    public var leakageEnergyJ: Double
    public var layers: Int

    enum CodingKeys: String, CodingKey {
        case accuracy, latencyMS = "latency_ms", areaMM2 = "area_mm2"
        case dynamicEnergyJ = "dynamic_energy_j", leakageEnergyJ = "leakage_energy_j", layers
    }

    public var energyJ: Double { dynamicEnergyJ + leakageEnergyJ }

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

