import HardwareModules

extension ModuleClassFigures {
    /// The field a catalogue area class is summed into.
    static func field(_ c: ModulePlacement.AreaClass) -> WritableKeyPath<ModuleClassFigures, Double> {
        switch c {
        case .macLanes: \.macLanes
        case .sparsity: \.sparsity
        case .fifos: \.fifos
        case .softmax: \.softmax
        case .layerNorm: \.layerNorm
        case .control: \.control
        case .dynaProp: \.dynaProp
        case .activationBuffer: \.activationBuffer
        case .weightBuffer: \.weightBuffer
        case .maskBuffer: \.maskBuffer
        }
    }
}
