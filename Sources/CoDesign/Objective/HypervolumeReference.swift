/// The point a hypervolume is measured from, in raw figures: a pair only adds volume where it
/// beats all four (accuracy above, latency, area and energy below).
package struct HypervolumeReference: Codable, Sendable, Equatable {
    package var accuracy: Double
    package var latencyMS: Double
    package var areaMM2: Double
    package var energyJ: Double

    enum CodingKeys: String, CodingKey {
        case accuracy
        case latencyMS = "latency_ms"
        case areaMM2 = "area_mm2"
        case energyJ = "energy_j"
    }
}
