import ArgumentParser
import Foundation
import ProjectLayout
import RTLGen
import RTLSim

/// `transcode rtl run`: a compiled layer on the generated top in Verilator, checked against
/// the reference executor.
struct RTLRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Compile a layer, run it on the generated top in Verilator and check it against the reference.",
        discussion: """
            Writes the design (with --pes PEs), program.bin, program.txt and memory.hex into \
            --out, simulates the top with main memory and a DMA in the testbench, and compares \
            main memory after the program with the bit-exact reference executor. Prints the \
            cycles, the busy cycles of each module class and whether every result matches; \
            exits 1 if any differs. Each run builds the design in Verilator (tens of seconds; \
            minutes for 32-wide tiles). With a batch tile B > 1 (elector-star) the layer runs \
            on a batch of B sequences, one per X x X block of a tile. --weight-sparsity F \
            prunes the layer's weights below the magnitude that F of them fall under (prune's \
            weight threshold): the PEs skip their MACs, and the matmul line shows the row \
            chunks this saves.

            Examples:
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --out /tmp/run
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --pes 4 --dynaprop 0.05,0.02 --out /tmp/run-dp
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --program training --out /tmp/run-train
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --program matmul --weight-sparsity 0.8 --out /tmp/run-wp
              transcode rtl run --accelerator elector-star --model bert-tiny --out /tmp/run-star
            """)

    @OptionGroup var options: ProgramOptions
    @Option(help: "Output directory.") var out: String

    func run() throws {
        let o = try options.parsed()
        let layer = RTLSim.LayerRun(
            config: o.config, model: o.model, processingElements: options.pes, kind: o.kind, tauInference: o.tauI, tauTraining: o.tauT,
            weightSparsity: o.weightSparsity)
        let report = try layer.run(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")), directory: out,
            command: "transcode rtl run --accelerator \(options.accelerator) --model \(options.model) --pes \(options.pes)"
                + (options.program == "layer" ? "" : " --program \(options.program)")
                + (options.dynaprop == "0,0" ? "" : " --dynaprop \(options.dynaprop)")
                + (options.weightSparsity == 0 ? "" : " --weight-sparsity \(options.weightSparsity)") + " --out \(out)")
        let c = report.outcome
        print("\(report.description); \(report.instructions) instructions on \(report.processingElements) PEs")
        print("cycles: \(c.cycles)")
        print(
            String(
                format:
                    "matmul: %d PE operations on %d-row tiles: %.2f MAC-lane cycles (row chunks) per tile, %.2f MAC-busy cycles per operation",
                report.matmuls, report.tileRows, report.meanRowChunks, Double(c.busy["mac"] ?? 0) / Double(max(report.matmuls, 1))))
        print(
            "busy cycles: "
                + ProgramRunner.classes.map { "\($0) \(c.busy[$0] ?? 0)" }.joined(separator: ", "))
        for output in report.outputs {
            print(
                "\(output.name): \(output.values) values, \(output.mismatches == 0 ? "all equal the reference" : "\(output.mismatches) differ")"
            )
        }
        if report.matches {
            print("result: every result equals the reference (main memory identical)")
        } else {
            let why =
                !c.done
                ? "the program did not finish"
                : c.errorCode != 0
                    ? "the controller raised error \(c.errorCode)"
                    : "\(report.differingBytes) bytes of main memory differ from the reference"
            print("result: MISMATCH: \(why)")
            throw ExitCode(1)
        }
    }
}
