import AcceleratorProgram
import DesignSpace
import Elector
import Foundation
import HardwareModules
import RTLGen

/// `transcode rtl run`: compiles a layer into a program, writes the design, the program and
/// the memory image, runs it on the generated top in Verilator and compares main memory with
/// the reference executor's.
package struct LayerRun: Sendable {
    /// What the run printed and decided.
    package struct Report: Sendable {
        package let description: String
        package let instructions: Int
        package let processingElements: Int
        package let outcome: ProgramRunner.Outcome
        /// How the program reached main memory.
        package let path: MainMemoryPath
        /// On the AXI path: what the host read and what the testbench observed.
        package let system: SystemRunner.Outcome?
        /// On the AXI path: the simulator's program model's cycles for the same program, with
        /// the DMA timed by the memory's latency and the bus's and memory's bandwidth
        /// (`AXIMemoryParameters.dmaTiming`), and that DMA timing.
        package let model: (cycles: Int, dma: DMATiming)?
        /// Per output matrix: its name, its values, and how many differ from the reference.
        package let outputs: [(name: String, values: Int, mismatches: Int)]
        /// Bytes of main memory that differ from the reference (0 when the run is correct).
        package let differingBytes: Int
        /// Matmul PE operations, the rows of their tiles, and their mean MAC-lane row chunks
        /// (`PETiming.tileChunks(laneKept:)` on what the reference measures of the data).
        package let matmuls: Int
        package let tileRows: Int
        package let meanRowChunks: Double

        package var matches: Bool { outcome.done && outcome.errorCode == 0 && differingBytes == 0 && systemFaults.isEmpty }

        /// On the AXI path: a bus error, an AXI rule broken, or a CSR counter that differs
        /// from the testbench's own observation (empty on the behavioural path).
        package var systemFaults: [String] {
            guard let system else { return [] }
            return (system.busError ? ["an AXI4-Lite access answered an error"] : [])
                + (system.violation ? ["the memory model saw an AXI4 rule broken"] : [])
                + system.counterMismatches.map { "CSR counter \($0) (observed)" }
        }
    }

    package let config: AcceleratorConfig
    package let model: TransformerModel
    package let processingElements: Int
    package let kind: ProgramKind
    package let format: FixedPointFormat
    package let tauInference: Double
    package let tauTraining: Double
    /// Fraction of the layer's weights pruned by magnitude (`LayerCompiler.weightSparsity`).
    package let weightSparsity: Double

    package init(
        config: AcceleratorConfig, model: TransformerModel, processingElements: Int, kind: ProgramKind, format: FixedPointFormat = .paper,
        tauInference: Double = 0, tauTraining: Double = 0, weightSparsity: Double = 0
    ) {
        self.weightSparsity = weightSparsity
        self.config = config
        self.model = model
        self.processingElements = processingElements
        self.kind = kind
        self.format = format
        self.tauInference = tauInference
        self.tauTraining = tauTraining
    }

    package var geometry: ProgramGeometry { ProgramGeometry(config: config, format: format, processingElements: processingElements) }

    /// The program and its memory image.
    package func compile() throws -> LayerProgram {
        try LayerCompiler(
            geometry: geometry, shape: LayerShape(scaling: model, tile: config.spatialTile), tauInference: format.quantize(tauInference),
            tauTraining: format.quantize(tauTraining), weightSparsity: weightSparsity
        ).compile(kind)
    }

    /// Writes the design, program.bin, program.txt and memory.hex into `directory` (the
    /// simulation's files stay in `directory`/sim) and runs it: on the top with a behavioural
    /// DMA, or on the system block through AXI (`path`).
    package func run(
        library: TemplateLibrary, directory: String, command: String,
        path: MainMemoryPath = .behavioural(latency: MainMemoryPath.standardLatency)
    ) throws -> Report {
        try run(try compile(), library: library, directory: directory, command: command, path: path)
    }

    /// As `run(library:directory:command:path:)`, on a program `compile()` made.
    func run(_ compiled: LayerProgram, library: TemplateLibrary, directory: String, command: String, path: MainMemoryPath) throws -> Report
    {
        let g = geometry
        var system: SystemInterface?
        if case .axi(_, _, _, let bits) = path { system = RTLGenerator.systemInterface(for: config, format: format, axiDataBits: bits) }
        let design = try RTLGenerator(library: library, format: format).generate(
            config, command: command, options: DesignOptions(peCount: processingElements), system: system)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try design.write(to: directory)
            try Data(try compiled.program.file()).write(to: URL(fileURLWithPath: "\(directory)/program.bin"))
            try compiled.program.listing.write(toFile: "\(directory)/program.txt", atomically: true, encoding: .utf8)
            try (compiled.memory.map { String(format: "%02x", $0) }.joined(separator: "\n") + "\n").write(
                toFile: "\(directory)/memory.hex", atomically: true, encoding: .utf8)
        } catch {
            throw RTLGenError.cannotWrite(path: directory, reason: error.localizedDescription)
        }
        var reference = ProgramReference(geometry: g, memory: compiled.memory)
        let kept = try reference.runMeasuringKept(compiled.program)
        let pe = PETiming(config: config, format: format)
        let chunks = kept.values.map(pe.tileChunks(laneKept:))
        let run = ProgramRunner.Run(compiled)
        let outcome: ProgramRunner.Outcome
        var observed: SystemRunner.Outcome?
        var model: (cycles: Int, dma: DMATiming)?
        switch path {
        case .behavioural(let latency):
            outcome = try ProgramRunner(library: library).run(
                design: design, geometry: g, runs: [run], latency: latency, directory: "\(directory)/sim")[0]
        case .axi(_, _, let timing, let bits):
            let o = try SystemRunner(library: library, memory: timing).run(
                design: design, dataBits: bits, runs: [run], directory: "\(directory)/sim")[0]
            (outcome, observed) = (o.program, o)
            let dma = timing.dmaTiming(wordBits: g.dmaWordBits, dataBits: bits)
            let predicted = try ProgramTimingModel(config: config, format: format, processingElements: processingElements, dma: dma)
                .run(compiled.program, laneKept: kept)
            model = (predicted.cycles, dma)
        }
        let outputs = compiled.outputs.map { region in
            let rtl = MemoryImageBuilder.read(region.placement, from: outcome.memory, bits: format.bits).flatMap { $0 }
            let expected = MemoryImageBuilder.read(region.placement, from: reference.memory, bits: format.bits).flatMap { $0 }
            return (region.name, expected.count, zip(rtl, expected).filter { $0 != $1 }.count)
        }
        let differing =
            outcome.memory.count == reference.memory.count
            ? zip(outcome.memory, reference.memory).filter { $0 != $1 }.count : max(outcome.memory.count, reference.memory.count)
        return Report(
            description: compiled.description, instructions: compiled.program.instructions.count, processingElements: processingElements,
            outcome: outcome, path: path, system: observed, model: model, outputs: outputs, differingBytes: differing,
            matmuls: chunks.count, tileRows: g.rows, meanRowChunks: chunks.isEmpty ? 0 : Double(chunks.reduce(0, +)) / Double(chunks.count))
    }
}
