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
        /// Per output matrix: its name, its values, and how many differ from the reference.
        package let outputs: [(name: String, values: Int, mismatches: Int)]
        /// Bytes of main memory that differ from the reference (0 when the run is correct).
        package let differingBytes: Int
        /// Matmul PE operations, the rows of their tiles, and their mean MAC-lane row chunks
        /// (`PETiming.tileChunks(laneKept:)` on what the reference measures of the data).
        package let matmuls: Int
        package let tileRows: Int
        package let meanRowChunks: Double

        package var matches: Bool { outcome.done && outcome.errorCode == 0 && differingBytes == 0 }
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
    /// simulation's files stay in `directory`/sim) and runs it.
    package func run(library: TemplateLibrary, directory: String, command: String) throws -> Report {
        let compiled = try compile()
        let g = geometry
        let design = try RTLGenerator(library: library, format: format).generate(
            config, command: command, options: DesignOptions(peCount: processingElements))
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
        let outcome = try ProgramRunner(library: library).run(
            design: design, geometry: g,
            runs: [
                .init(memory: compiled.memory, programAddress: compiled.programAddress, programLength: compiled.program.instructions.count)
            ],
            directory: "\(directory)/sim")[0]
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
            outcome: outcome, outputs: outputs, differingBytes: differing, matmuls: chunks.count, tileRows: g.rows,
            meanRowChunks: chunks.isEmpty ? 0 : Double(chunks.reduce(0, +)) / Double(chunks.count))
    }
}
