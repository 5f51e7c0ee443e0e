import AcceleratorProgram
import ArgumentParser
import DesignSpace
import StructuredInput

/// The options `transcode compile` and `transcode rtl run` share: what to compile, for which
/// accelerator, on how many PEs, with which DynaProp thresholds and weight pruning.
struct ProgramOptions: ParsableArguments {
    @Option(help: "A built-in accelerator or an accelerator YAML/JSON file.") var accelerator: String
    @Option(help: "A built-in model or a model-dict JSON file; its first layer is scaled to one tile.") var model: String
    @Option(parsing: .unconditional, help: "PEs of the simulated design (1 to the accelerator's count).") var pes: Int = 2
    @Option(help: "Program: layer (attention head and feed-forward block), training (a training step) or matmul.")
    var program: String = "layer"
    @Option(help: "DynaProp thresholds tau_I,tau_T (0,0 turns pruning off).") var dynaprop: String = "0,0"
    @Option(help: "Fraction of the layer's weights DynaProp prunes by magnitude in the PEs (0 to below 1; 0 skips only zeros).")
    var weightSparsity: Double = 0

    /// The validated values, or a usage error naming the option.
    func parsed() throws -> (
        config: AcceleratorConfig, model: TransformerModel, kind: ProgramKind, tauI: Double, tauT: Double, weightSparsity: Double
    ) {
        let config = try Catalog.accelerator(accelerator)
        guard (1...config.processingElements).contains(pes) else {
            throw ValidationError("--pes must be 1 to \(config.processingElements) (the accelerator's PEs), got \(pes)")
        }
        let kind = try Self.kind(program)
        let parts = dynaprop.split(separator: ",", omittingEmptySubsequences: false).map {
            DecimalText.number($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 2, let tauI = parts[0], let tauT = parts[1], (0..<8).contains(tauI), (0..<8).contains(tauT) else {
            throw ValidationError("--dynaprop takes two thresholds tau_I,tau_T from 0 to below 8, e.g. 0.05,0.02; got '\(dynaprop)'")
        }
        guard (0..<1).contains(weightSparsity) else {
            throw ValidationError("--weight-sparsity must be from 0 to below 1 (the fraction of weights pruned), got \(weightSparsity)")
        }
        return (config, try Catalog.model(model), kind, tauI, tauT, weightSparsity)
    }

    /// The program kind `--program` names, or a usage error listing the kinds.
    static func kind(_ program: String) throws -> ProgramKind {
        guard let kind = ProgramKind(rawValue: program) else {
            throw ValidationError("--program must be \(ProgramKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(program)'")
        }
        return kind
    }
}
