/// One figure per compute unit class (MAC lanes, softmax modules, layer-norm modules):
/// busy cycles inside a run, utilisation in its result.
package struct UnitClassFigures: Codable, Sendable, Equatable {
    package var macLanes = 0.0
    package var softmax = 0.0
    package var layerNorm = 0.0

    package init() {}

    enum CodingKeys: String, CodingKey {
        case macLanes = "mac_lanes"
        case softmax
        case layerNorm = "layer_norm"
    }

    /// The figure of `unit`'s class.
    package subscript(unit: MappedOperation.Unit) -> Double {
        get {
            switch unit {
            case .macLane: macLanes
            case .softmax: softmax
            case .layerNorm: layerNorm
            }
        }
        set {
            switch unit {
            case .macLane: macLanes = newValue
            case .softmax: softmax = newValue
            case .layerNorm: layerNorm = newValue
            }
        }
    }

    /// (JSON key, value) pairs in key order, for reports.
    package var entries: [(name: String, value: Double)] {
        [("layer_norm", layerNorm), ("mac_lanes", macLanes), ("softmax", softmax)]
    }
}
