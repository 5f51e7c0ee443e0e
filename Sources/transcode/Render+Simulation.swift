import Elector
import Foundation

extension Render {
    /// The readable summary `transcode simulate` prints.
    static func simulation(_ r: SimulationResult, model: String, accelerator: String) -> String {
        func mb(_ bytes: Double) -> String { String(format: "%.2f MB", bytes / 1_048_576) }
        var lines = [
            "\(model) on \(accelerator): \(r.workload.rawValue), \(r.mode) mode, table \(r.table) at \(String(format: "%.1f", r.clockMHz)) MHz",
            "DynaProp tau_I \(r.dynaProp.tauI), tau_T \(r.dynaProp.tauT): sparsity weight \(pct(r.dynaProp.weightSparsity)), activation \(pct(r.dynaProp.activationSparsity)), gradient \(pct(r.dynaProp.gradientSparsity))",
            "latency        \(r.cycles) cycles = \(String(format: "%.4f", r.seconds * 1e3)) ms",
            "energy         dynamic \(String(format: "%.4g", r.totalDynamicEnergyJ)) J, leakage \(String(format: "%.4g", r.totalLeakageEnergyJ)) J",
            "area           \(String(format: "%.2f", r.totalAreaMM2)) mm^2",
            "MACs           \(String(format: "%.4g", r.effectualMACs)) effectual of \(String(format: "%.4g", r.denseMACs)) dense; \(r.operations) operations, \(r.tiles) tiles",
            "main memory    \(mb(r.mainMemoryBytes)) moved, \(mb(r.spilledBytes)) of it activation spill",
            "",
            pad("class", 18) + pad("area mm^2", 12) + pad("dynamic J", 13) + "leakage J",
        ]
        let dynamic = r.dynamicEnergyJ.entries
        let leakage = r.leakageEnergyJ.entries
        for (i, area) in r.areaMM2.entries.enumerated() {
            lines.append(pad(area.name, 18) + pad(String(format: "%.3f", area.value), 12)
                + pad(String(format: "%.4g", dynamic[i].value), 13) + String(format: "%.4g", leakage[i].value))
        }
        lines.append("")
        let utilisation = r.utilisation.entries.map { "\($0.name) \(pct($0.value))" }
        lines.append("utilisation    " + utilisation.joined(separator: ", "))
        let stalls = r.stalls.entries.map { "\($0.name) \($0.value)" }
        lines.append("stalls         " + stalls.joined(separator: ", ") + " cycles")
        if let peak = r.peakBufferBytes {
            lines.append("peak buffers   " + peak.entries.map { "\($0.name) \(mb($0.value))" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append(pad("footprint", 20) + pad("embeddings", 12) + pad("weights", 12) + pad("activations", 13) + pad("gradients", 12) + "total")
        for (name, f) in [("inference", r.footprint.inference), ("training", r.footprint.training), ("DynaProp training", r.footprint.dynaPropTraining)] {
            lines.append(pad(name, 20) + pad(mb(f.embeddings), 12) + pad(mb(f.weights), 12) + pad(mb(f.activations), 13)
                + pad(mb(f.gradients), 12) + mb(f.total))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
