import ArgumentParser
import CostModel
import DesignSpace
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

            With --memory-model axi the program runs on the system block instead: the top, \
            the AXI4 DMA engine (--axi-bits wide) and the AXI4-Lite CSR block, with the AXI \
            memory model as main memory, timed for --memory (a main-memory key, default the \
            accelerator's own) at --clock MHz (default the calibrated table's clock) by the \
            simulator's main-memory model. The testbench starts the program and reads the \
            cycles and busy counters through the CSRs; a CSR counter that differs from what \
            the testbench observed, an AXI error or a broken AXI rule also exits 1.

            Examples:
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --out /tmp/run
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --memory-model axi --memory hbm_32_1_4 --out /tmp/run-axi
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --memory-model axi --memory dram_32_2_1 --axi-bits 512 --clock 500 --out /tmp/run-dram
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --pes 4 --dynaprop 0.05,0.02 --out /tmp/run-dp
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --program training --out /tmp/run-train
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --program matmul --weight-sparsity 0.8 --out /tmp/run-wp
              transcode rtl run --accelerator elector-star --model bert-tiny --out /tmp/run-star
            """)

    @OptionGroup var options: ProgramOptions
    @Option(help: "Output directory.") var out: String
    @Option(help: "How main memory is reached: behavioural (a DMA in the testbench) or axi (the system block and the AXI memory model).")
    var memoryModel: String = "behavioural"
    @Option(help: "Main memory of the AXI memory model (a key such as hbm_32_1_4; default the accelerator's).") var memory: String?
    @Option(help: "AXI4 data width of the DMA engine in bits (32 to 1024, a power of two).") var axiBits: Int = 64
    @Option(help: "Clock in MHz that turns the memory's latency and bandwidth into cycles (default the calibrated table's).")
    var clock: Double?

    /// The main-memory path the options ask for, or a usage error naming the option.
    func path(accelerator: MainMemory) throws -> MainMemoryPath {
        switch memoryModel {
        case "behavioural":
            guard memory == nil, clock == nil else { throw ValidationError("--memory and --clock need --memory-model axi") }
            return .behavioural(latency: MainMemoryPath.standardLatency)
        case "axi":
            guard [32, 64, 128, 256, 512, 1024].contains(axiBits) else {
                throw ValidationError("--axi-bits must be a power of two from 32 to 1024, got \(axiBits)")
            }
            var target = accelerator
            if let memory {
                guard let m = MainMemory.all.first(where: { $0.key == memory }) else {
                    throw ValidationError("--memory must be one of \(MainMemory.all.map(\.key).joined(separator: ", ")), got '\(memory)'")
                }
                target = m
            }
            let mhz = try clock ?? TableCatalog.load(nil).clockMHz
            guard mhz > 0, mhz <= 10_000 else { throw ValidationError("--clock must be above 0 and at most 10000 MHz, got \(mhz)") }
            return .axi(to: target, clockMHz: mhz, dataBits: axiBits)
        default:
            throw ValidationError("--memory-model must be behavioural or axi, got '\(memoryModel)'")
        }
    }

    /// The memory options as given, for the banners' command line.
    var pathArguments: String {
        guard memoryModel == "axi" else { return "" }
        return " --memory-model axi" + (memory.map { " --memory \($0)" } ?? "") + (axiBits == 64 ? "" : " --axi-bits \(axiBits)")
            + (clock.map { " --clock " + String(format: "%g", $0) } ?? "")
    }

    func run() throws {
        let o = try options.parsed()
        let path = try path(accelerator: o.config.mainMemory)
        let layer = RTLSim.LayerRun(
            config: o.config, model: o.model, processingElements: options.pes, kind: o.kind, tauInference: o.tauI, tauTraining: o.tauT,
            weightSparsity: o.weightSparsity)
        let report = try layer.run(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")), directory: out,
            command: "transcode rtl run --accelerator \(options.accelerator) --model \(options.model) --pes \(options.pes)"
                + (options.program == "layer" ? "" : " --program \(options.program)")
                + (options.dynaprop == "0,0" ? "" : " --dynaprop \(options.dynaprop)")
                + (options.weightSparsity == 0 ? "" : " --weight-sparsity \(options.weightSparsity)") + pathArguments + " --out \(out)",
            path: path)
        let c = report.outcome
        print("\(report.description); \(report.instructions) instructions on \(report.processingElements) PEs")
        if report.system != nil { print("main memory: \(path.description)") }
        print("cycles: \(c.cycles)")
        print(
            String(
                format:
                    "matmul: %d PE operations on %d-row tiles: %.2f MAC-lane cycles (row chunks) per tile, %.2f MAC-busy cycles per operation",
                report.matmuls, report.tileRows, report.meanRowChunks, Double(c.busy["mac"] ?? 0) / Double(max(report.matmuls, 1))))
        print(
            "busy cycles\(report.system == nil ? "" : " (read from the CSRs; vector from its port)"): "
                + ProgramRunner.classes.map { "\($0) \(c.busy[$0] ?? 0)" }.joined(separator: ", "))
        if let s = report.system {
            print(
                "AXI4: \(s.readBeats) read beats, \(s.writeBeats) write beats; host saw done \(s.hostCycles) cycles after start; "
                    + (s.counterMismatches.isEmpty ? "CSR counters equal the testbench's observation" : "CSR counters differ"))
        }
        if let m = report.model {
            print(
                "program model (transcode validate's, DMA latency \(m.dma.startLatency) and \(m.dma.cyclesPerWord) cycles a word): "
                    + "\(m.cycles) cycles, " + String(format: "%.3f", Double(m.cycles) / Double(max(1, c.cycles))) + " of the RTL's")
        }
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
                    : report.differingBytes != 0
                        ? "\(report.differingBytes) bytes of main memory differ from the reference"
                        : report.systemFaults.joined(separator: "; ")
            print("result: MISMATCH: \(why)")
            throw ExitCode(1)
        }
    }
}
