/// One figure (area, dynamic or leakage energy) per module class of the chip, plus main
/// memory; a class a figure does not apply to holds zero (buffers have no dynamic energy
/// of their own beyond accesses; main memory is off chip and has no area here).
package struct ModuleClassFigures: Codable, Sendable, Equatable {
    package var macLanes = 0.0
    package var sparsity = 0.0
    package var fifos = 0.0
    package var softmax = 0.0
    package var layerNorm = 0.0
    package var control = 0.0
    package var dynaProp = 0.0
    package var activationBuffer = 0.0
    package var weightBuffer = 0.0
    package var maskBuffer = 0.0
    package var mainMemory = 0.0

    package init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        // In the order `entries` and `total` use: alphabetical by JSON key.
        case activationBuffer = "activation_buffer"
        case control
        case dynaProp = "dynaprop"
        case fifos
        case layerNorm = "layer_norm"
        case macLanes = "mac_lanes"
        case mainMemory = "main_memory"
        case maskBuffer = "mask_buffer"
        case softmax, sparsity
        case weightBuffer = "weight_buffer"
    }

    /// (JSON key, value) pairs in key order, for reports.
    package var entries: [(name: String, value: Double)] {
        CodingKeys.allCases.map { ($0.rawValue, self[$0]) }
    }

    /// The sum over all classes, always in key order so that results are bit-reproducible.
    package var total: Double {
        activationBuffer + control + dynaProp + fifos + layerNorm + macLanes + mainMemory + maskBuffer + softmax + sparsity
            + weightBuffer
    }

    /// Every figure times `factor`.
    func scaled(by factor: Double) -> ModuleClassFigures {
        var s = self
        s.macLanes *= factor
        s.sparsity *= factor
        s.fifos *= factor
        s.softmax *= factor
        s.layerNorm *= factor
        s.control *= factor
        s.dynaProp *= factor
        s.activationBuffer *= factor
        s.weightBuffer *= factor
        s.maskBuffer *= factor
        s.mainMemory *= factor
        return s
    }

    subscript(key: CodingKeys) -> Double {
        switch key {
        case .macLanes: macLanes
        case .sparsity: sparsity
        case .fifos: fifos
        case .softmax: softmax
        case .layerNorm: layerNorm
        case .control: control
        case .dynaProp: dynaProp
        case .activationBuffer: activationBuffer
        case .weightBuffer: weightBuffer
        case .maskBuffer: maskBuffer
        case .mainMemory: mainMemory
        }
    }
}
