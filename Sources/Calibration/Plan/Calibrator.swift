import CostModel
import Foundation
import HardwareModules
import RTLGen

/// Runs a calibration from start to end: chooses the variants, synthesises them (cached),
/// merges the records, and assembles, writes and optionally compares the NanGate45 table.
package struct Calibrator: Sendable {
    package let request: CalibrationRequest

    package init(_ request: CalibrationRequest) { self.request = request }

    /// The technology the assembled table records.
    package static let technology = "NanGate 45 nm Open Cell Library, typical corner, 1.1 V"

    /// Performs the request; `progress` is told after each synthesised module.
    /// `announce` is told once, before any synthesis, how many modules will run and for how long.
    package func run(
        announce: (CalibrationEstimate) -> Void = { _ in },
        progress: @escaping @Sendable (CalibrationRun.Progress) -> Void = { _ in }
    ) throws -> CalibrationReport {
        let r = request
        let plan = r.plan
        let variants: [ModuleVariant]
        switch r.synthesis {
        case .wholePlan: variants = plan.variants
        case .modules(let names): variants = try plan.variants(named: names)
        case .none: variants = []
        }
        let memory = try MemoryModels.load(path: r.memoryModels)
        let generator = RTLGenerator(library: try TemplateLibrary(directory: r.templates))
        let stored = try CalibrationRecords.load(path: r.records) ?? CalibrationRecords(provenance: [:], modules: [])

        var results: [ModuleCalibration] = []
        var records = stored
        var recordsWritten: String?
        if r.synthesis != .none {
            guard let liberty = r.liberty else { throw CalibrationError.noLiberty }
            let run = CalibrationRun(flow: try SynthesisFlow(liberty: liberty, generator: generator), cacheDirectory: r.cache)
            let tools = try run.toolIdentity()
            announce(
                CalibrationEstimate(
                    modules: variants.count, cached: try run.cachedCount(variants, tools: tools),
                    parallelism: run.parallelism))
            results = try run.run(variants, tools: tools, progress: progress)
            records = stored.merging(results, provenance: SynthesisFlow.provenance(tools: tools, liberty: liberty), plan: plan)
            try records.jsonText().write(toFile: r.records, atomically: true, encoding: .utf8)
            recordsWritten = r.records
        }

        var glue = try GlueRecords.load(path: r.glueRecords)
        if let design = r.glueDesign {
            guard let liberty = r.liberty else { throw CalibrationError.noLiberty }
            let library = try LibertyLibrary(path: liberty)
            let directory = "\(r.cache)/glue-e\(design.index)-pes\(design.processingElements)"
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let fresh = try GlueSynthesis(library: library).run(
                index: design.index, generator: generator, processingElements: design.processingElements, directory: directory)
            let kept = (glue?.records ?? []).filter { old in
                !fresh.contains { $0.kind == old.kind && $0.index == old.index && $0.processingElements == old.processingElements }
            }
            let tools = try CalibrationRun(flow: try SynthesisFlow(liberty: liberty, generator: generator), cacheDirectory: r.cache)
                .toolIdentity()
            var provenance = SynthesisFlow.provenance(tools: tools, liberty: liberty)
            // The glue is neither simulated at gate level nor timed: only area and leakage.
            for key in ["energy", "timing", "yosys_script"] { provenance.removeValue(forKey: key) }
            provenance["flow"] =
                "Yosys hierarchical synthesis of the generated system (glue_synth.tcl), the catalogue's leaf modules and the SRAMs read as black boxes, mapped with the calibration's recipe (SynthesisRecipe); area from stat -liberty, leakage from the liberty's cell figures"
            provenance["command"] = "transcode calibrate --glue INDEX:PES (one run per design)"
            glue = GlueRecords(provenance: provenance, records: kept + fresh)
            try glue!.jsonText().write(toFile: r.glueRecords, atomically: true, encoding: .utf8)
        }

        var missing = plan.variants.map(\.moduleName).filter { name in !records.modules.contains { $0.module == name } }
        if glue == nil { missing.append("pe_glue and controller (run 'transcode calibrate --glue 0:2')") }
        guard missing.isEmpty else {
            return CalibrationReport(
                synthesised: results, recordsWritten: recordsWritten, missingRecords: missing,
                calibrated: nil, tableWritten: nil, comparison: nil)
        }
        var provenance = records.provenance
        provenance["records"] = "synth/nangate45-modules.json"
        provenance["memory_models"] = "data/memory-models.json"
        provenance["command"] = "transcode calibrate (refresh after changing templates, the flow or the liberty)"
        let calibrated = try CalibratedTable(
            records: records.modules, glue: glue!, plan: plan, memory: memory, source: r.reference, format: generator.format,
            technology: Self.technology, provenance: provenance)
        try calibrated.table.jsonText().write(toFile: r.table, atomically: true, encoding: .utf8)
        let comparison =
            r.compareWithReference
            ? TableComparison(
                table: calibrated.table, reference: r.reference, logicAreaFactor: memory.factor("logic_area"),
                modelled: Set(calibrated.modelled.keys))
            : nil
        return CalibrationReport(
            synthesised: results, recordsWritten: recordsWritten, missingRecords: [],
            calibrated: calibrated, tableWritten: r.table, comparison: comparison)
    }
}
