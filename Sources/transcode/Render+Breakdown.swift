import Elector
import Foundation

extension Render {
    /// The per-layer or per-operation table `simulate --breakdown` adds to the report.
    static func breakdown(_ record: SimulationRecord) -> String {
        let r = record.result
        let ms = 1e3 / (r.clockMHz * 1e6)
        if let layers = r.layerBreakdown {
            var lines = [
                "per layer (0 = embedding); dynamic energy of the layer's operations, control and leakage are chip-wide:",
                pad("layer", 7) + rightAligned("ops", 5) + rightAligned("start", 11) + rightAligned("finish", 11)
                    + rightAligned("span ms", 10)
                    + rightAligned("MAC util", 10) + rightAligned("eff. MACs M", 13) + rightAligned("memory MB", 11)
                    + rightAligned("dynamic uJ", 12),
            ]
            for l in layers {
                lines.append(
                    pad(String(l.layer), 7) + rightAligned(String(l.operations), 5) + rightAligned(String(l.startCycle), 11)
                        + rightAligned(String(l.finishCycle), 11) + rightAligned(String(format: "%.4f", Double(l.spanCycles) * ms), 10)
                        + rightAligned(pct(l.macLaneUtilisation), 10) + rightAligned(String(format: "%.3f", l.effectualMACs / 1e6), 13)
                        + rightAligned(String(format: "%.3f", l.mainMemoryBytes / 1_048_576), 11)
                        + rightAligned(String(format: "%.3f", l.dynamicEnergyJ * 1e6), 12))
            }
            return lines.joined(separator: "\n") + "\n"
        }
        guard let operations = r.operationBreakdown else { return "" }
        let width = max(10, operations.map(\.name.count).max() ?? 0) + 2
        var lines = [
            "per operation, in program order; dynamic energy of its own activity, control and leakage are chip-wide:",
            pad("operation", width) + pad("phase", 9) + pad("unit", 11) + rightAligned("start", 11) + rightAligned("finish", 11)
                + rightAligned("span ms", 10) + rightAligned("util", 8) + rightAligned("eff. MACs M", 13) + rightAligned("dynamic uJ", 12),
        ]
        for op in operations {
            lines.append(
                pad(op.name, width) + pad(op.phase.rawValue, 9) + pad(op.unit.rawValue, 11) + rightAligned(String(op.startCycle), 11)
                    + rightAligned(String(op.finishCycle), 11) + rightAligned(String(format: "%.4f", Double(op.spanCycles) * ms), 10)
                    + rightAligned(pct(op.utilisation), 8) + rightAligned(String(format: "%.3f", op.effectualMACs / 1e6), 13)
                    + rightAligned(String(format: "%.3f", op.dynamicEnergyJ * 1e6), 12))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The breakdown as CSV, one row per layer or operation, SI units in the headers.
    static func breakdownCSV(_ record: SimulationRecord) -> String {
        let r = record.result
        if let layers = r.layerBreakdown {
            var lines = [
                "layer,operations,start_cycle,finish_cycle,busy_mac_lane_cycles,busy_softmax_cycles,busy_layer_norm_cycles,"
                    + "mac_lane_utilisation,effectual_macs,main_memory_bytes,dynamic_energy_j"
            ]
            for l in layers {
                lines.append(
                    [
                        String(l.layer), String(l.operations), String(l.startCycle), String(l.finishCycle), "\(l.busyUnitCycles.macLanes)",
                        "\(l.busyUnitCycles.softmax)", "\(l.busyUnitCycles.layerNorm)", "\(l.macLaneUtilisation)", "\(l.effectualMACs)",
                        "\(l.mainMemoryBytes)", "\(l.dynamicEnergyJ)",
                    ].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }
        var lines = [
            "operation,layer,phase,unit,start_cycle,finish_cycle,busy_unit_cycles,utilisation,effectual_macs,dense_macs,"
                + "main_memory_bytes,dynamic_energy_j"
        ]
        for op in r.operationBreakdown ?? [] {
            lines.append(
                [
                    csvField(op.name), String(op.layer), op.phase.rawValue, op.unit.rawValue, String(op.startCycle), String(op.finishCycle),
                    "\(op.busyUnitCycles)", "\(op.utilisation)", "\(op.effectualMACs)", "\(op.denseMACs)", "\(op.mainMemoryBytes)",
                    "\(op.dynamicEnergyJ)",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
