import HardwareModules

/// The pipeline latencies the tiler takes from the module catalogue for one module choice,
/// worked out once per choice of the design space: the catalogue finds entries by linear
/// search and instantiates a variant per question, which at a few microseconds per
/// simulation showed up in the fast mode's time (a `Tiler` is made per simulation).
struct ModuleLatencies: Sendable {
    let macPath: Int
    let softmax: Int
    let layerNorm: Int
    let fifo: Int
    /// Cycles between rows into softmax and layer-norm.
    let rowInitiationInterval: Int

    private init(_ choice: ModuleChoice) {
        macPath = ModuleCatalog.macPathLatency(choice)
        softmax = ModuleCatalog.entry(.softmax).variant(for: choice)!.latency
        layerNorm = ModuleCatalog.entry(.layerNorm).variant(for: choice)!.latency
        fifo = ModuleCatalog.entry(.fifo).variant(for: choice)!.latency
        rowInitiationInterval = ModuleCatalog.entry(.softmax).variant(for: choice)!.initiationInterval
    }

    /// Every choice of the design space's latencies.
    private static let table: [ModuleChoice: ModuleLatencies] =
        Dictionary(ModuleChoice.all.map { ($0, ModuleLatencies($0)) }, uniquingKeysWith: { first, _ in first })

    /// The latencies for `choice` (worked out afresh for a choice outside the design space).
    static func of(_ choice: ModuleChoice) -> ModuleLatencies { table[choice] ?? ModuleLatencies(choice) }
}
