import CostModel

/// Turns activity counts into dynamic and leakage energy; shared by both simulation modes
/// so that they differ only in how they schedule.
struct EnergyAccounting {
    let hardware: HardwareInstance

    /// Activity of one run.
    struct Activity {
        var busyCycles = UnitClassFigures()
        var tiles: Double = 0
        var rows: Double = 0
        var bufferBytes: Double = 0
        var weightLoadBytes: Double = 0
        var mainMemoryBytes: Double = 0
        /// The main-memory transfers summed: their time, bursts and row activations.
        var memory = MemoryTransfer()
        var cycles: Double = 0
    }

    func dynamicJ(_ a: Activity) -> ModuleClassFigures {
        let t = hardware.cycleSeconds
        let mw = 1e-3
        let costs = hardware.costs
        let busiest = max(
            a.busyCycles.macLanes / Double(hardware.units(.macLane)), a.busyCycles.softmax / Double(hardware.units(.softmax)),
            a.busyCycles.layerNorm / Double(hardware.units(.layerNorm)))
        let peUtilisation = a.cycles > 0 ? min(busiest / a.cycles, 1) : 0
        var energy = ModuleClassFigures()
        energy.macLanes = a.busyCycles.macLanes * costs.macLane.dynamicMW * mw * t
        energy.softmax = a.busyCycles.softmax * costs.softmax.dynamicMW * mw * t
        energy.layerNorm = a.busyCycles.layerNorm * costs.layerNorm.dynamicMW * mw * t
        energy.sparsity = a.rows * (costs.preSparsity.dynamicMW + costs.postSparsity.dynamicMW) * mw * t
        energy.fifos = a.rows * 2 * costs.fifo.dynamicMW * mw * t
        energy.control = a.cycles * peUtilisation * Double(hardware.config.processingElements) * hardware.control.dynamicMW * mw * t
        // Activation/gradient data and their masks pass through the activation buffer; the
        // weights the DMA loads through the weight buffer (64-byte blocks).
        energy.activationBuffer = a.bufferBytes / 64 * costs.activationBuffer.accessEnergyNJ * 1e-9
        energy.weightBuffer = a.weightLoadBytes / 64 * costs.weightBuffer.accessEnergyNJ * 1e-9
        energy.mainMemory = a.mainMemoryBytes / 64 * costs.mainMemory.accessEnergyNJ * 1e-9
        energy.dynaProp = hardware.acceltranComposition ? 0 : a.tiles * 2 * costs.dynaProp.dynamicMW * mw * t
        return energy
    }

    /// Leakage of every class over a run of `cycles`; the gated classes leak only for the
    /// fraction of it they are powered (all of it without power gating).
    func leakageJ(cycles: Double, powered: PoweredFractions = PoweredFractions()) -> ModuleClassFigures {
        var energy = hardware.leakageMW.scaled(by: 1e-3 * cycles * hardware.cycleSeconds)
        guard powered != PoweredFractions() else { return energy }
        energy.macLanes *= powered.macLanes
        energy.softmax *= powered.softmax
        energy.layerNorm *= powered.layerNorm
        energy.sparsity *= powered.datapath
        energy.fifos *= powered.datapath
        energy.dynaProp *= powered.datapath
        return energy
    }
}
