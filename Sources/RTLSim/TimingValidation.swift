import AcceleratorProgram
import CostModel
import DesignSpace
import Elector
import Foundation
import HardwareModules
import RTLGen

/// `transcode validate`: small programs compiled once, run on the generated top in Verilator
/// and in the simulator's program model (`ProgramTimingModel`), compared in total cycles and
/// in each module class's busy cycles. Both sides take the DMA's start latency from the same
/// main-memory figures (`AXIMemoryParameters.derive` on `MainMemoryModel`).
package struct TimingValidation: Sendable {
    /// One program on one design.
    package struct Case: Sendable, Equatable {
        package let accelerator: String
        package let config: AcceleratorConfig
        package let processingElements: Int
        package let kind: ProgramKind
        package let tauInference: Double
        package let tauTraining: Double
        /// Fraction of the layer's weights pruned by magnitude (`LayerCompiler.weightSparsity`).
        package let weightSparsity: Double

        package init(
            accelerator: String, config: AcceleratorConfig, processingElements: Int, kind: ProgramKind, tauInference: Double = 0,
            tauTraining: Double = 0, weightSparsity: Double = 0
        ) {
            (self.accelerator, self.config, self.processingElements, self.kind) = (accelerator, config, processingElements, kind)
            (self.tauInference, self.tauTraining, self.weightSparsity) = (tauInference, tauTraining, weightSparsity)
        }

        /// The program's name in the table: kind, DynaProp thresholds and weight pruning when
        /// set, PEs.
        package var name: String {
            func number(_ v: Double) -> String { String(format: "%g", v) }
            let dynaProp = tauInference == 0 && tauTraining == 0 ? "" : " dynaprop \(number(tauInference))/\(number(tauTraining))"
            let weights = weightSparsity == 0 ? "" : " weights pruned \(number(weightSparsity * 100))%"
            return "\(accelerator) \(processingElements) PEs \(kind.rawValue)\(dynaProp)\(weights)"
        }
    }

    /// One line of the table: the RTL's figures and the model's.
    package struct Row: Sendable, Equatable {
        package let program: String
        package let instructions: Int
        package let rtlCycles: Int
        package let modelCycles: Int
        package let rtlBusy: [ModuleClassBusy: Int]
        package let modelBusy: [ModuleClassBusy: Int]

        /// Simulator over RTL.
        package var ratio: Double { Double(modelCycles) / Double(rtlCycles) }

        /// Simulator over RTL busy cycles of `c`; nil when neither is busy.
        package func busyRatio(_ c: ModuleClassBusy) -> Double? {
            let r = rtlBusy[c] ?? 0
            let m = modelBusy[c] ?? 0
            if r == 0 && m == 0 { return nil }
            return r == 0 ? .infinity : Double(m) / Double(r)
        }

        /// The largest relative difference over the total and every class.
        package var worstError: Double {
            ([ratio] + ModuleClassBusy.allCases.compactMap { busyRatio($0) }).map { abs($0 - 1) }.max() ?? 0
        }
    }

    /// The standard set for one accelerator (one tile of the model's first layer): on 2 PEs
    /// the K-reduction matmul, dense and with 80% of its weights pruned, the encoder layer
    /// without and with DynaProp, and the training step with DynaProp; then the layer on 4
    /// and 8 PEs. The small set (`small: true`, for CI) is both matmuls, the layer with
    /// DynaProp and the training step: one design to build.
    /// `tauInference` and `tauTraining` are the DynaProp thresholds of the layer and the
    /// training step that run with DynaProp.
    package static func standardCases(
        accelerator: String, config: AcceleratorConfig, small: Bool = false, tauInference: Double = 0.05, tauTraining: Double = 0.02
    ) -> [Case] {
        func pes(_ n: Int) -> Int { min(n, config.processingElements) }
        func make(_ n: Int, _ kind: ProgramKind, _ tauI: Double = 0, _ tauT: Double = 0) -> Case {
            Case(accelerator: accelerator, config: config, processingElements: pes(n), kind: kind, tauInference: tauI, tauTraining: tauT)
        }
        let pruned = Case(accelerator: accelerator, config: config, processingElements: pes(2), kind: .matmul, weightSparsity: 0.8)
        let set = [make(2, .matmul), pruned, make(2, .layer, tauInference), make(2, .training, 0, tauTraining)]
        return small ? set : [set[0], set[1], make(2, .layer), set[2], set[3], make(4, .layer), make(8, .layer)]
    }

    package let library: TemplateLibrary
    package let model: TransformerModel
    package let format: FixedPointFormat
    /// The design's clock: it turns the main memory's latency into cycles.
    package let clockMHz: Double
    package let memory: MainMemorySetting

    package init(
        library: TemplateLibrary, model: TransformerModel, clockMHz: Double, format: FixedPointFormat = .paper,
        memory: MainMemorySetting = .standard
    ) {
        (self.library, self.model, self.clockMHz, self.format, self.memory) = (library, model, clockMHz, format, memory)
    }

    /// The DMA's timing for `config`: the memory's first-access latency in cycles at the clock.
    package func dmaTiming(_ config: AcceleratorConfig) -> DMATiming {
        let g = ProgramGeometry(config: config, format: format)
        let axi = AXIMemoryParameters.derive(model: memory.model(for: config.mainMemory), clockMHz: clockMHz, dataBits: g.dmaWordBits)
        return DMATiming(startLatency: axi.readLatency)
    }

    /// Runs every case: one Verilator build per design (accelerator and PE count), each
    /// program compiled once and given to both sides.
    package func run(_ cases: [Case], command: String) throws -> [Row] {
        var rows = [Row?](repeating: nil, count: cases.count)
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, c) in cases.enumerated() {
            let key = "\(c.accelerator)/\(c.processingElements)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            let members = groups[key]!
            let first = cases[members[0]]
            let layers = members.map {
                LayerRun(
                    config: cases[$0].config, model: model, processingElements: cases[$0].processingElements, kind: cases[$0].kind,
                    format: format, tauInference: cases[$0].tauInference, tauTraining: cases[$0].tauTraining,
                    weightSparsity: cases[$0].weightSparsity)
            }
            let compiled = try layers.map { try $0.compile() }
            let g = layers[0].geometry
            let design = try RTLGenerator(library: library, format: format).generate(
                first.config, command: command, options: DesignOptions(peCount: first.processingElements, clockMHz: clockMHz))
            let dma = dmaTiming(first.config)
            let outcomes = try ProgramRunner(library: library).run(
                design: design, geometry: g,
                runs: compiled.map(ProgramRunner.Run.init),
                latency: dma.startLatency)
            let timing = ProgramTimingModel(config: first.config, format: format, processingElements: first.processingElements, dma: dma)
            for (k, i) in members.enumerated() {
                let outcome = outcomes[k]
                guard outcome.done && outcome.errorCode == 0 else {
                    throw RTLSimError.runFailed(
                        simulator: "verilator", log: "\(cases[i].name) did not finish (error code \(outcome.errorCode))")
                }
                // The model counts row chunks from what each lane keeps of each matmul's rows
                // (activation and weight masks), measured by the reference executor on the
                // same data.
                var reference = ProgramReference(geometry: g, memory: compiled[k].memory)
                let kept = try reference.runMeasuringKept(compiled[k].program)
                let predicted = try timing.run(compiled[k].program, laneKept: kept)
                rows[i] = Row(
                    program: cases[i].name, instructions: compiled[k].program.instructions.count, rtlCycles: outcome.cycles,
                    modelCycles: predicted.cycles,
                    rtlBusy: Dictionary(uniqueKeysWithValues: ModuleClassBusy.allCases.map { ($0, outcome.busy[$0.rawValue] ?? 0) }),
                    modelBusy: predicted.busy)
            }
        }
        return rows.map { $0! }
    }
}
