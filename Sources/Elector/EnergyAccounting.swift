import CostModel

/// Turns activity counts into dynamic and leakage energy; shared by both simulation modes
/// so that they differ only in how they schedule.
struct EnergyAccounting {
    let hardware: HardwareInstance

    /// Activity of one run.
    struct Activity {
        var busyCycles: [MappedOperation.Unit: Double] = [:]
        var tiles: Double = 0
        var rows: Double = 0
        var bufferBytes: Double = 0
        var weightLoadBytes: Double = 0
        var mainMemoryBytes: Double = 0
        var cycles: Double = 0
    }

    func dynamicJ(_ a: Activity) -> [String: Double] {
        let t = hardware.cycleSeconds
        let mw = 1e-3
        let busiest = MappedOperation.Unit.allCases.map { (a.busyCycles[$0] ?? 0) / Double(hardware.units($0)) }.max() ?? 0
        let peUtilisation = a.cycles > 0 ? min(busiest / a.cycles, 1) : 0
        let buffers = hardware.table.buffers
        var energy: [String: Double] = [
            "mac_lanes": (a.busyCycles[.macLane] ?? 0) * hardware.macLane.dynamicMW * mw * t,
            "softmax": (a.busyCycles[.softmax] ?? 0) * hardware.softmax.dynamicMW * mw * t,
            "layer_norm": (a.busyCycles[.layerNorm] ?? 0) * hardware.layerNorm.dynamicMW * mw * t,
            "sparsity": a.rows * (hardware.preSparsity.dynamicMW + hardware.postSparsity.dynamicMW) * mw * t,
            "fifos": a.rows * 2 * hardware.fifo.dynamicMW * mw * t,
            "control": a.cycles * peUtilisation * Double(hardware.config.processingElements) * hardware.control.dynamicMW * mw * t,
            "buffers": a.bufferBytes / 64 * buffers["activation"]!.accessEnergyNJ * 1e-9
                + a.weightLoadBytes / 64 * buffers["weight"]!.accessEnergyNJ * 1e-9,
            "main_memory": a.mainMemoryBytes / 64 * hardware.table.mainMemory[hardware.config.mainMemory.key]!.accessEnergyNJ * 1e-9,
        ]
        energy["dynaprop"] = hardware.acceltranComposition ? 0 : a.tiles * 2 * hardware.dynaProp.dynamicMW * mw * t
        return energy
    }

    func leakageJ(cycles: Double) -> [String: Double] {
        let seconds = cycles * hardware.cycleSeconds
        return hardware.leakageMW.mapValues { $0 * 1e-3 * seconds }
    }
}
