import AcceleratorProgram
import ArgumentParser
import Foundation
import HardwareModules
import RTLSim

/// `transcode compile`: a layer as a controller program (docs/isa.md).
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile", abstract: "Compile a model's layer into a program for the accelerator's controller.",
        discussion: """
            Writes the program file (a 32-byte header, then 16-byte instructions; docs/isa.md) \
            and, next to it, FILE.txt with its listing. The model's first layer is scaled to one \
            tile: sequence and hidden size X, one self-attention head, a feed-forward size of X \
            times the layer's ratio (1 to 4); with a batch tile B > 1, a batch of B such \
            sequences. The program is validated against the design: buffers, PEs, \
            K-reductions and barriers.

            Examples:
              transcode compile --model bert-tiny --accelerator acceltran-edge --out /tmp/layer.prog
              transcode compile --model bert-tiny --accelerator acceltran-edge --program training --dynaprop 0.05,0.02 --out /tmp/train.prog
            """)

    @OptionGroup var options: ProgramOptions
    @Option(help: "Output file.") var out: String

    func run() throws {
        let o = try options.parsed()
        let layer = LayerRun(
            config: o.config, model: o.model, processingElements: options.pes, kind: o.kind, tauInference: o.tauI, tauTraining: o.tauT,
            weightSparsity: o.weightSparsity)
        let compiled = try layer.compile()
        try OutputPath.checkWritable(out)
        do {
            try Data(try compiled.program.file()).write(to: URL(fileURLWithPath: out))
            try compiled.program.listing.write(toFile: out + ".txt", atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)")
        }
        print(
            "wrote \(out): \(compiled.program.instructions.count) instructions (ISA version \(Instruction.isaVersion)) for \(options.pes) PEs; \(compiled.description)"
        )
    }
}
