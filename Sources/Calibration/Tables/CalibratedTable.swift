import CostModel
import DesignSpace
import Foundation
import HardwareModules
import RTLGen

/// Assembles the calibrated hardware table from synthesis records: module entries from the
/// records (or the scaling model where a variant was not synthesised), the clock of the
/// slowest synthesised module, and buffers, main memory and controllers from the memory
/// models. Also reports the scaling model's error on held-out synthesised points.
package struct CalibratedTable: Sendable {
    package let table: HardwareTable
    /// Held-out and batch-rule checks of the scaling model.
    package let checks: [ScalingCheck]
    /// The module that sets the clock.
    package let slowestModule: String
    /// Table entries that come from the scaling model, with the fit used.
    package let modelled: [String: String]

    package init(
        records: [ModuleCalibration], glue: GlueRecords, plan: CalibrationPlan, memory: MemoryModels, source: HardwareTable,
        format f: FixedPointFormat, technology: String, provenance: [String: String]
    ) throws {
        let byName = Dictionary(records.map { ($0.module, $0) }, uniquingKeysWith: { _, b in b })
        func record(_ v: ModuleVariant) throws -> ModuleCalibration {
            guard let r = byName[v.moduleName] else {
                throw CalibrationError.missingRecord(module: v.moduleName, file: "the calibration records")
            }
            return r
        }
        // Clock: the slowest module the design space instantiates.
        let inSpace = try plan.variants.filter { ModuleCatalog.tableKey(of: $0) != nil }.map(record)
        let slowest = inSpace.max { $0.criticalPathNS < $1.criticalPathNS }!
        let clockMHz = (slowest.maximumClockMHz * 10).rounded(.down) / 10

        struct Figures {
            var area: Double
            var leakage: Double
            var energy: Double
            init(_ r: ModuleCalibration) {
                area = r.areaUM2
                leakage = r.leakageMW
                energy = r.energy.totalFJPerCycle
            }
            init(area: Double, leakage: Double, energy: Double) {
                self.area = area
                self.leakage = leakage
                self.energy = energy
            }
            func times(_ n: Double) -> Figures { Figures(area: area * n, leakage: leakage * n, energy: energy * n) }
        }
        func cost(_ fig: Figures) -> ModuleCost {
            ModuleCost(areaUM2: fig.area, dynamicMW: fig.energy * clockMHz * 1e-6, leakageMW: fig.leakage)
        }
        /// The scaling model of a family, fitted on (regressors, record) points.
        func fit(_ rs: [(regressors: ScalingFamily.Regressors, record: ModuleCalibration)]) -> (ScalingFamily.Regressors) -> Figures {
            let area = ScalingFit(points: rs.map { ($0.regressors, $0.record.areaUM2) })
            let leak = ScalingFit(points: rs.map { ($0.regressors, $0.record.leakageMW) })
            let energy = ScalingFit(points: rs.map { ($0.regressors, $0.record.energy.totalFJPerCycle) })
            return { r in Figures(area: area.value(at: r), leakage: leak.value(at: r), energy: energy.value(at: r)) }
        }

        var modules: [String: ModuleCost] = [:]
        var modelled: [String: String] = [:]
        var checks: [ScalingCheck] = []
        for v in plan.direct {
            if let key = ModuleCatalog.tableKey(of: v) { modules[key] = cost(Figures(try record(v))) }
        }
        var models: [ScalingFamily: (ScalingFamily.Regressors) -> Figures] = [:]
        for family in ScalingFamily.allCases {
            let sizes = (plan.sizes[family] ?? []).sorted()
            let points = try sizes.map {
                (
                    regressors: family.regressors(batchTile: 1, side: $0), side: $0,
                    record: try record(family.variant(batchTile: 1, size: $0))
                )
            }
            guard points.count >= 2 else { continue }
            if points.count >= 3 {
                // Held out: the largest synthesised size, predicted from the ones below it.
                let held = points[points.count - 1]
                let below = points.dropLast()
                let predicted = fit(below.map { ($0.regressors, $0.record) })(held.regressors)
                checks.append(
                    ScalingCheck(
                        module: held.record.module,
                        basis: "fit of \(family.modelForm) on sizes \(below.map { String($0.side) }.joined(separator: ", "))",
                        predictedAreaUM2: predicted.area, synthesisedAreaUM2: held.record.areaUM2,
                        predictedEnergyFJ: predicted.energy, synthesisedEnergyFJ: held.record.energy.totalFJPerCycle))
            }
            // Where b rows cost b times one row, the synthesised b > 1 points enter the fit too,
            // so that the unsynthesised b = 4 entries rest on a synthesised b = 4 design.
            let batched = family.replicatedOverBatch ? plan.batchChecks.filter { $0.family == family } : []
            let model = fit(
                points.map { ($0.regressors, $0.record) }
                    + (try batched.map {
                        (
                            family.regressors(batchTile: $0.batchTile, side: $0.size),
                            try record(family.variant(batchTile: $0.batchTile, size: $0.size))
                        )
                    }))
            models[family] = model
            var basis = "fit of \(family.modelForm) on synthesised sizes \(sizes.map(String.init).joined(separator: ", "))"
            if !batched.isEmpty { basis += " and b x x = " + batched.map { "\($0.batchTile) x \($0.size)" }.joined(separator: ", ") }
            // Every table variant of the catalogue entries that follow this family.
            for v in ModuleCatalog.entries.filter({ $0.family == family }).flatMap(\.tableVariants) {
                let (b, x) = family.point(of: v)!
                let key = v.moduleName
                if let r = byName[key] {
                    modules[key] = cost(Figures(r))
                } else if family.replicatedOverBatch, let row = byName[family.variant(batchTile: 1, size: x).moduleName] {
                    modules[key] = cost(Figures(row).times(Double(b)))
                    modelled[key] = "\(b) x synthesised b = 1"
                } else {
                    modules[key] = cost(model(family.regressors(batchTile: b, side: x)))
                    modelled[key] = basis
                }
            }
        }
        for check in plan.batchChecks {
            let many = try record(check.family.variant(batchTile: check.batchTile, size: check.size))
            let predicted: Figures
            let basis: String
            if check.family.replicatedOverBatch {
                predicted = Figures(try record(check.family.variant(batchTile: 1, size: check.size))).times(Double(check.batchTile))
                basis = "\(check.batchTile) x synthesised b = 1"
            } else {
                predicted = models[check.family]!(check.family.regressors(batchTile: check.batchTile, side: check.size))
                basis = "fit of \(check.family.modelForm) on b = 1 sizes"
            }
            checks.append(
                ScalingCheck(
                    module: many.module, basis: basis, predictedAreaUM2: predicted.area, synthesisedAreaUM2: many.areaUM2,
                    predictedEnergyFJ: predicted.energy, synthesisedEnergyFJ: many.energy.totalFJPerCycle))
        }

        // The glue, per register bit. One PE's: the synthesised designs' area over their bits
        // (with two or more designs, the last is also predicted from the others). The
        // controller's and the arbitration's: a least-squares split between the top's own
        // bits and the PEs' write-back bits at the arbiter, which designs with two PE counts
        // determine (with one design, the arbitration is charged inside the controller).
        var glueBasis: [String] = []
        func designs(_ rs: [GlueRecords.Record]) -> String {
            rs.map { "index \($0.index) with \($0.processingElements) PEs" }.joined(separator: ", ")
        }
        let peRecords = glue.records(.peGlue)
        guard !peRecords.isEmpty else { throw CalibrationError.missingRecord(module: "pe_glue", file: "the glue records") }
        func perBit(_ rs: ArraySlice<GlueRecords.Record>) -> (area: Double, leakage: Double) {
            let bits = Double(rs.reduce(0) { $0 + $1.registerBits })
            return (rs.reduce(0) { $0 + $1.areaUM2 } / bits, rs.reduce(0) { $0 + $1.leakageMW } / bits)
        }
        let pe = perBit(peRecords[...])
        // Dynamic power is not measured for the glue (no gate-level run of a whole design).
        modules[ModuleKind.peGlue.rawValue] = ModuleCost(areaUM2: pe.area, dynamicMW: 0, leakageMW: pe.leakage)
        modelled[ModuleKind.peGlue.rawValue] = "per register bit, from the synthesised glue of \(designs(peRecords))"
        glueBasis.append("pe_glue: \(designs(peRecords))")
        // A held-out check only where the held-out design differs from the others (the same
        // accelerator at another PE count has the same PE glue).
        if let held = peRecords.last, peRecords.dropLast().contains(where: { $0.index != held.index }) {
            checks.append(
                ScalingCheck(
                    module: "pe_glue (index \(held.index))", basis: "per register bit of the other designs",
                    predictedAreaUM2: perBit(peRecords.dropLast()).area * Double(held.registerBits), synthesisedAreaUM2: held.areaUM2,
                    predictedEnergyFJ: 0, synthesisedEnergyFJ: 0))
        }
        let controllerRecords = glue.records(.controller)
        guard !controllerRecords.isEmpty else { throw CalibrationError.missingRecord(module: "controller", file: "the glue records") }
        let regressors = try controllerRecords.map { r -> ScalingFamily.Regressors in
            let c = try AcceleratorSpace.config(at: r.index)
            return ScalingFamily.Regressors(
                first: Double(ModuleCatalog.controllerBits(c, format: f)),
                second: Double(r.processingElements * ModuleCatalog.arbiterBits(c, format: f)))
        }
        let area = ScalingFit(points: zip(regressors, controllerRecords).map { ($0, $1.areaUM2) })
        let leakage = ScalingFit(points: zip(regressors, controllerRecords).map { ($0, $1.leakageMW) })
        modules[ModuleKind.controller.rawValue] = ModuleCost(
            areaUM2: area.coefficients[0], dynamicMW: 0, leakageMW: leakage.coefficients[0])
        modules[ModuleKind.arbiter.rawValue] = ModuleCost(
            areaUM2: max(0, area.coefficients[1]), dynamicMW: 0, leakageMW: max(0, leakage.coefficients[1]))
        let split =
            "least squares over the top's own bits and the PEs' arbitration bits, from the synthesised glue of \(designs(controllerRecords))"
        modelled[ModuleKind.controller.rawValue] = split
        modelled[ModuleKind.arbiter.rawValue] = split
        glueBasis.append("controller and arbiter: \(designs(controllerRecords))")

        // Controllers, buffers and main memory from published figures (see MemoryModels).
        let logicArea = memory.factor("logic_area")
        let energy = memory.factor("energy")
        let leakPerArea = memory.factor("leakage_per_area")
        let clockRatio = clockMHz / memory.sourceClockMHz
        for key in memory.scaledModules {
            guard let m = source.modules[key] else { throw CostModelError.missingEntry(table: source.name, entry: key) }
            // Dynamic power: energy per cycle scales by the energy factor, then by the clock.
            modules[key] = ModuleCost(
                areaUM2: m.areaUM2 * logicArea, dynamicMW: m.dynamicMW * energy * clockRatio,
                leakageMW: m.leakageMW * logicArea * leakPerArea)
            modelled[key] = "\(source.name) scaled by memory models"
        }
        let sram = memory.factor("sram_area")
        var buffers: [String: BufferCost] = [:]
        for (name, b) in source.buffers {
            buffers[name] = BufferCost(
                areaUM2PerMB: b.areaUM2PerMB * sram, accessEnergyNJ: b.accessEnergyNJ * energy,
                leakageMWPerMB: b.leakageMWPerMB * sram * leakPerArea, bandwidthGBs: b.bandwidthGBs * clockRatio)
        }
        var prov = provenance
        prov["clock"] = "slowest synthesised module: \(slowest.module), \(String(format: "%.3f", slowest.criticalPathNS)) ns"
        prov["buffers"] =
            "\(source.name) buffers scaled: area x\(sram) (\(memory.factors["sram_area"]!.citation)); access energy x\(energy) (\(memory.factors["energy"]!.citation)); leakage with area; bandwidth kept per cycle"
        prov["controllers"] =
            "\(memory.scaledModules.joined(separator: ", ")) from \(source.name): area x\(logicArea) (\(memory.factors["logic_area"]!.citation)), energy x\(energy)"
        prov["main_memory"] = "off chip: \(source.name) entries unchanged"
        prov["glue"] =
            "synthesised around black-box leaves and SRAMs (transcode calibrate --glue; synth/nangate45-glue.json): \(glueBasis.joined(separator: "; ")); area and leakage per register bit (ModuleCatalog.peGlueBits, controllerBits, arbiterBits); dynamic power not measured (the control energy uses dataflow and dma)"
        prov["modelled"] = modelled.keys.sorted().map { "\($0) (\(modelled[$0]!))" }.joined(separator: "; ")
        table = HardwareTable(
            name: "nangate45", technology: technology, provenance: prov, clockMHz: clockMHz,
            integerBits: f.integerBits, fractionBits: f.fractionBits, modules: modules, buffers: buffers, mainMemory: source.mainMemory)
        try table.validate()
        self.checks = checks
        self.slowestModule = slowest.module
        self.modelled = modelled
    }
}
