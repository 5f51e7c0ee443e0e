/// One kind of block in the catalogue: everything the generator, the testbenches, the
/// calibration, the cost tables and the simulator need to know about it, in one place.
package struct ModuleEntry: Sendable {
    package let kind: ModuleKind
    /// One line: what the block does.
    package let summary: String
    /// The template file (without `.sv.mustache`); nil for a block that is not synthesised
    /// (controllers and buffers, whose figures come from published models).
    package let template: String?
    /// The parameters of its variants, in the order the module name gives them.
    package let parameters: [ModuleParameter]
    /// The scaling model its calibrated cost follows where a variant is not synthesised.
    package let family: ScalingFamily?
    /// Its place in the accelerator's area composition; nil for a block the cost model does
    /// not compose (the system blocks around the PEs: DMA engine, CSR), which has RTL but no
    /// hardware-table figure yet.
    package let placement: ModulePlacement?
    /// The variants `transcode rtl timing` measures (synth/timing.json).
    package let timingPoints: [ModuleVariant]
    /// Variants the tests render, lint and simulate for a block without table variants.
    package let examples: [ModuleVariant]
    /// The variant an accelerator of `choice` is costed with; nil for a block that is not
    /// synthesised.
    private let instantiate: @Sendable (ModuleChoice) -> ModuleVariant?
    /// The variant the generated RTL instantiates in a PE of `choice` with words of the
    /// format (the area composition's and the RTL generator's one definition).
    private let rtlInstantiate: @Sendable (ModuleChoice, FixedPointFormat) -> ModuleVariant?

    package init(
        _ kind: ModuleKind, _ summary: String, template: String? = nil, parameters: [ModuleParameter] = [],
        family: ScalingFamily? = nil, placement: ModulePlacement?, timingPoints: [ModuleVariant] = [], examples: [ModuleVariant] = [],
        instantiate: @escaping @Sendable (ModuleChoice) -> ModuleVariant? = { _ in nil },
        rtl: (@Sendable (ModuleChoice, FixedPointFormat) -> ModuleVariant?)? = nil
    ) {
        self.kind = kind
        self.summary = summary
        self.template = template
        self.parameters = parameters
        self.family = family
        self.placement = placement
        self.timingPoints = timingPoints
        self.examples = examples
        self.instantiate = instantiate
        self.rtlInstantiate = rtl ?? { choice, _ in instantiate(choice) }
    }

    /// Whether its figures come from synthesising its template.
    package var isSynthesised: Bool { template != nil }

    /// Whether the hardware table holds it under `buffers` (per megabyte) rather than `modules`.
    package var isBuffer: Bool { placement?.isBuffer == true }

    /// Whether the cost model composes it (it has a placement and table figures).
    package var isCosted: Bool { placement != nil }

    /// The variant an accelerator of `choice` instantiates and is costed with.
    package func variant(for choice: ModuleChoice) -> ModuleVariant? { instantiate(choice) }

    /// The variant the generated RTL instantiates for `choice` with words of `format`.
    package func rtlVariant(for choice: ModuleChoice, format: FixedPointFormat = .paper) -> ModuleVariant? {
        rtlInstantiate(choice, format)
    }

    /// The hardware-table key of the figure an accelerator of `choice` uses: its variant's
    /// canonical name, or the kind's name for a block without parameters. `rtl` chooses the
    /// variant the generated RTL instantiates (the default composition) over the design
    /// space's (AccelTran's composition, the timing and the energy per operation).
    package func tableKey(for choice: ModuleChoice, rtl: Bool = false) -> String {
        (rtl ? rtlInstantiate(choice, .paper) : instantiate(choice))?.moduleName ?? kind.rawValue
    }

    /// The variants some accelerator of the design space is costed with, in either
    /// composition, in `ModuleChoice.all` order, each once.
    package var tableVariants: [ModuleVariant] {
        var seen = Set<ModuleVariant>()
        return ModuleChoice.all.flatMap { [instantiate($0), rtlInstantiate($0, .paper)].compactMap { $0 } }.filter {
            seen.insert($0).inserted
        }
    }

    /// The keys of the table entries this kind fills.
    package var tableKeys: [String] { isSynthesised ? tableVariants.map(\.moduleName) : [kind.rawValue] }
}
