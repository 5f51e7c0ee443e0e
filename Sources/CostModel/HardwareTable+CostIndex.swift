import DesignSpace
import HardwareModules

extension HardwareTable {
    /// The figures of every accelerator the design space offers, by module choice and main
    /// memory, rebuilt whenever the entries change: resolving the table's string keys on every
    /// evaluation cost more than the fast simulation mode itself. Figures of an incomplete
    /// table are nil; `validate()` guarantees all are present in a loaded one. A class, so
    /// that copying a table (every simulation request holds one) retains one object.
    final class CostIndex: Sendable {
        /// [`ModuleChoice.all` position * memories + `MainMemory.all` position]
        let costs: [AcceleratorCosts?]

        init(modules: [String: ModuleCost], buffers: [String: BufferCost], mainMemory: [String: MemoryCost]) {
            let bufferCosts = ModuleCatalog.bufferEntries.map { buffers[$0.kind.rawValue] }
            let memories = MainMemory.all.map { mainMemory[$0.key] }
            var costs: [AcceleratorCosts?] = []
            for choice in ModuleChoice.all {
                var byKind: [ModuleKind: ModuleCost] = [:]
                var rtlByKind: [ModuleKind: ModuleCost] = [:]
                for entry in ModuleCatalog.moduleEntries {
                    byKind[entry.kind] = modules[entry.tableKey(for: choice)]
                    rtlByKind[entry.kind] = modules[entry.tableKey(for: choice, rtl: true)]
                }
                var bufferByKind: [ModuleKind: BufferCost] = [:]
                for (entry, cost) in zip(ModuleCatalog.bufferEntries, bufferCosts) { bufferByKind[entry.kind] = cost }
                for memory in memories {
                    costs.append(
                        memory.flatMap { AcceleratorCosts(modules: byKind, rtlModules: rtlByKind, buffers: bufferByKind, mainMemory: $0) })
                }
            }
            self.costs = costs
        }
    }

    /// Every figure `config` instantiates; the table must be complete (validated).
    package func costs(for config: AcceleratorConfig) -> AcceleratorCosts {
        let memory = MainMemory.all.firstIndex(of: config.mainMemory)!
        return index.costs[ModuleChoice.position(of: config) * MainMemory.all.count + memory]!
    }
}
