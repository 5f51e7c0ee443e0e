import ArgumentParser
import CoDesign
import Compression
import Foundation

/// `transcode accuracy decomposition`: gathers what `transcode compress` measured into the
/// curve the search's accuracy model reads for decomposed models.
struct AccuracyDecompositionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decomposition", abstract: "Build the measured accuracy change of tensor-train decomposition from compress runs.",
        discussion: """
            Reads each --run folder (written by `transcode compress` with training: compress.csv \
            and models/), takes every distilled student's test accuracy minus its dense \
            teacher's at the student's matrix compression (dense weights of the decomposable \
            matrices over what they hold), prints them and the fitted curve (never rising with \
            compression, at most 0, linear in log compression; nothing beyond the largest \
            measured compression), and writes them with this command as provenance to --out. \
            `transcode search --decompose` reads data/decomposition-accuracy.json.

            Examples:
              transcode accuracy decomposition --run runs/compress-bert-tiny --run runs/compress-fb-star --out data/decomposition-accuracy.json
            """)

    @Option(name: .customLong("run"), help: "A transcode compress output folder with measured accuracies; repeatable.")
    var runs: [String] = []
    @Option(help: "The curve file to write (JSON).") var out: String

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("give at least one --run DIR (a transcode compress output folder)") }
    }

    func run() throws {
        var measurements: [DecompositionAccuracyCurve.Measurement] = []
        do {
            for directory in runs { measurements += try DistilledStudents.read(run: directory) }
        } catch {
            throw CLIError(error.description)
        }
        let curve = try DecompositionAccuracyCurve(measurements: measurements)
        let command = (["transcode accuracy decomposition"] + runs.map { "--run \($0)" } + ["--out \(out)"]).joined(separator: " ")
        let provenance =
            "\(command); each run is a `transcode compress` with training (README, Tensor-train compression, gives their commands)"
        try OutputPath.write(String(decoding: try curve.json(provenance: provenance), as: UTF8.self) + "\n", to: out)
        print(Render.decompositionCurve(curve), terminator: "")
        print("wrote \(out)")
    }
}
