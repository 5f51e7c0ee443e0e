import Elector
import Foundation

extension Render {
    /// The readable report `transcode simulate` prints for one pair. Figures stand in
    /// right-aligned columns, each column in one unit and one precision.
    static func simulation(_ record: SimulationRecord) -> String {
        let r = record.result
        var lines = [
            "\(record.model) on \(record.accelerator) (index \(record.acceleratorIndex)): \(r.workload.rawValue), \(r.mode) mode, "
                + "table \(r.table) at \(String(format: "%.1f", r.clockMHz)) MHz",
            "DynaProp tau_I \(r.dynaProp.tauI), tau_T \(r.dynaProp.tauT): sparsity weight \(pct(r.dynaProp.weightSparsity)), "
                + "activation \(pct(r.dynaProp.activationSparsity)), gradient \(pct(r.dynaProp.gradientSparsity))"
                + (r.dynaProp == .off ? "" : "; profile \(record.settings.profile ?? "paper")")
                + (r.dynaProp.forwardEffectualFraction.map { ", measured effectual MACs \(pct($0)) forward" } ?? "")
                + (r.dynaProp.backwardEffectualFraction.map { ", \(pct($0)) backward" } ?? ""),
            "",
            figure("latency", Double(r.cycles), "%.0f", "cycles") + "  = " + String(format: "%.4f ms", r.seconds * 1e3),
            figure("dynamic energy", r.totalDynamicEnergyJ * 1e6, "%.3f", "uJ"),
            figure("leakage energy", r.totalLeakageEnergyJ * 1e6, "%.3f", "uJ") + "  power gating \(r.powerGating.rawValue)",
            figure("area", r.totalAreaMM2, "%.3f", "mm^2"),
            figure("effectual MACs", r.effectualMACs / 1e6, "%.3f", "M") + String(format: "  of %.3f M dense", r.denseMACs / 1e6),
            figure("operations", Double(r.operations), "%.0f", "") + String(format: "  in %d tiles", r.tiles),
            figure("main memory", r.mainMemoryBytes / 1_048_576, "%.3f", "MB")
                + String(format: "  moved, %.3f MB of it activation spill", r.spilledBytes / 1_048_576),
            figure("memory bandwidth", r.mainMemory.sustainedGBs, "%.3f", "GB/s")
                + String(format: "  sustained of %.3f GB/s peak, row hits ", r.mainMemory.peakGBs) + pct(r.mainMemory.rowHitRate)
                + ", busy " + pct(r.mainMemory.busyFraction) + " (\(memoryName(r.mainMemory)), \(r.mainMemory.mode) interface)",
            "",
            pad("class", 18) + rightAligned("area mm^2", 11) + rightAligned("dynamic uJ", 13) + rightAligned("leakage uJ", 13),
        ]
        let dynamic = r.dynamicEnergyJ.entries
        let leakage = r.leakageEnergyJ.entries
        for (i, area) in r.areaMM2.entries.enumerated() {
            lines.append(
                pad(area.name, 18) + rightAligned(String(format: "%.3f", area.value), 11)
                    + rightAligned(String(format: "%.3f", dynamic[i].value * 1e6), 13)
                    + rightAligned(String(format: "%.3f", leakage[i].value * 1e6), 13))
        }
        lines.append("")
        lines.append(pad("unit class", 18) + rightAligned("utilisation", 11))
        for u in r.utilisation.entries { lines.append(pad(u.name, 18) + rightAligned(pct(u.value), 11)) }
        lines.append("")
        lines.append(pad("stall cause", 18) + rightAligned("cycles", 11))
        for s in r.stalls.entries { lines.append(pad(s.name, 18) + rightAligned(String(s.value), 11)) }
        if let peak = r.peakBufferBytes {
            lines.append("")
            lines.append(pad("buffer", 18) + rightAligned("peak MB", 11))
            for b in peak.entries { lines.append(pad(b.name, 18) + rightAligned(String(format: "%.3f", b.value / 1_048_576), 11)) }
        }
        lines.append("")
        lines.append(
            pad("footprint MB", 18) + ["embeddings", "weights", "activations", "gradients", "total"].map { rightAligned($0, 12) }.joined())
        for (name, f) in [
            ("inference", r.footprint.inference), ("training", r.footprint.training),
            ("DynaProp training", r.footprint.dynaPropTraining),
        ] {
            lines.append(
                pad(name, 18)
                    + [f.embeddings, f.weights, f.activations, f.gradients, f.total]
                    .map { rightAligned(String(format: "%.2f", $0 / 1_048_576), 12) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per pair of a sweep.
    static func simulationTable(_ records: [SimulationRecord]) -> String {
        let nameWidth = max(6, records.map(\.model.count).max() ?? 0) + 2
        let acceleratorWidth = max(12, records.map(\.accelerator.count).max() ?? 0) + 2
        var lines = [
            pad("model", nameWidth) + pad("accelerator", acceleratorWidth) + rightAligned("index", 9) + rightAligned("cycles", 12)
                + rightAligned("latency ms", 12) + rightAligned("dynamic uJ", 13) + rightAligned("leakage uJ", 13)
                + rightAligned("area mm^2", 11) + rightAligned("MAC util", 10) + rightAligned("mem GB/s", 10)
                + rightAligned("row hits", 10)
        ]
        for record in records {
            let r = record.result
            lines.append(
                pad(record.model, nameWidth) + pad(record.accelerator, acceleratorWidth) + rightAligned(String(record.acceleratorIndex), 9)
                    + rightAligned(String(r.cycles), 12) + rightAligned(String(format: "%.4f", r.seconds * 1e3), 12)
                    + rightAligned(String(format: "%.3f", r.totalDynamicEnergyJ * 1e6), 13)
                    + rightAligned(String(format: "%.3f", r.totalLeakageEnergyJ * 1e6), 13)
                    + rightAligned(String(format: "%.3f", r.totalAreaMM2), 11) + rightAligned(pct(r.utilisation.macLanes), 10)
                    + rightAligned(String(format: "%.3f", r.mainMemory.sustainedGBs), 10) + rightAligned(pct(r.mainMemory.rowHitRate), 10))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sweep as CSV, one row per pair, SI units named in each header.
    static func simulationCSV(_ records: [SimulationRecord]) -> String {
        guard let first = records.first?.result else { return "" }
        var header = [
            "model", "accelerator", "accelerator_index", "workload", "fidelity", "table", "clock_mhz", "tau_i", "tau_t",
            "cycles", "latency_s", "dynamic_energy_j", "leakage_energy_j", "area_mm2", "effectual_macs", "dense_macs",
            "main_memory_bytes", "spilled_bytes", "memory_type", "memory_banks", "memory_ranks", "memory_channels", "memory_mode",
            "memory_peak_gb_s", "memory_sustained_gb_s", "memory_row_hit_rate", "memory_busy_fraction", "power_gating",
        ]
        header += first.utilisation.entries.map { "utilisation_\($0.name)" }
        header += first.stalls.entries.map { "stall_\($0.name)_cycles" }
        var lines = [header.joined(separator: ",")]
        for record in records {
            let r = record.result
            var row = [
                csvField(record.model), csvField(record.accelerator), String(record.acceleratorIndex), r.workload.rawValue, r.mode,
                csvField(r.table), "\(r.clockMHz)", "\(r.dynaProp.tauI)", "\(r.dynaProp.tauT)", String(r.cycles), "\(r.seconds)",
                "\(r.totalDynamicEnergyJ)", "\(r.totalLeakageEnergyJ)", "\(r.totalAreaMM2)", "\(r.effectualMACs)",
                "\(r.denseMACs)", "\(r.mainMemoryBytes)", "\(r.spilledBytes)", r.mainMemory.type,
            ]
            row += r.mainMemory.organisation.map(String.init)
            row += [
                csvField(r.mainMemory.mode), "\(r.mainMemory.peakGBs)", "\(r.mainMemory.sustainedGBs)", "\(r.mainMemory.rowHitRate)",
                "\(r.mainMemory.busyFraction)", r.powerGating.rawValue,
            ]
            row += r.utilisation.entries.map { "\($0.value)" }
            row += r.stalls.entries.map { String($0.value) }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A memory as the design space spells it, e.g. `DRAM [32, 2, 1]`.
    static func memoryName(_ m: MainMemoryFigures) -> String {
        "\(m.type.uppercased()) [\(m.organisation.map(String.init).joined(separator: ", "))]"
    }

    /// One row per main memory of the space: the same workload and accelerator otherwise.
    static func memoryTable(_ records: [SimulationRecord]) -> String {
        guard let first = records.first else { return "" }
        var lines = [
            "\(first.model) \(first.result.workload.rawValue) on \(first.accelerator) with each main memory of the space: "
                + "\(first.result.mode) mode, table \(first.result.table), memory mode \(first.result.mainMemory.mode)",
            "",
            pad("memory", 18) + rightAligned("peak GB/s", 11) + rightAligned("sustained GB/s", 16) + rightAligned("row hits", 10)
                + rightAligned("cycles", 10) + rightAligned("latency ms", 12) + rightAligned("memory uJ", 11),
        ]
        for record in records {
            let r = record.result
            lines.append(
                pad(memoryName(r.mainMemory), 18) + rightAligned(String(format: "%.1f", r.mainMemory.peakGBs), 11)
                    + rightAligned(String(format: "%.2f", r.mainMemory.sustainedGBs), 16) + rightAligned(pct(r.mainMemory.rowHitRate), 10)
                    + rightAligned(String(r.cycles), 10) + rightAligned(String(format: "%.4f", r.seconds * 1e3), 12)
                    + rightAligned(String(format: "%.3f", r.dynamicEnergyJ.mainMemory * 1e6), 11))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label, a right-aligned number and its unit.
    private static func figure(_ label: String, _ value: Double, _ format: String, _ unit: String) -> String {
        pad(label, 18) + rightAligned(String(format: format, value), 11) + (unit.isEmpty ? "" : " " + unit)
    }

    /// `s` right-aligned in `width` characters.
    static func rightAligned(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ s: String) -> String {
        s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
