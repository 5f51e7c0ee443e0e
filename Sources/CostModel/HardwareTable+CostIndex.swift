import DesignSpace

extension HardwareTable {
    /// The table's entries in arrays indexed by the design-space positions of their variant,
    /// rebuilt whenever the entries change. Entries missing from an incomplete table are nil;
    /// `validate()` guarantees all are present in a loaded one.
    struct CostIndex: Sendable {
        /// [macs position * activations + activation position]
        var macLanes: [ModuleCost?] = []
        /// [spatial-tile position * batch tiles + batch-tile position]
        var softmax: [ModuleCost?] = []
        var layerNorm: [ModuleCost?] = []
        var dynaProp: [ModuleCost?] = []
        /// [spatial-tile position]
        var preSparsity: [ModuleCost?] = []
        var postSparsity: [ModuleCost?] = []
        var fifo: ModuleCost?
        var dma: ModuleCost?
        var dataflow: ModuleCost?
        /// In `ModuleKey.buffers` order.
        var buffers: [BufferCost?] = []
        /// In `MainMemory.all` order.
        var mainMemory: [MemoryCost?] = []

        init() {}

        init(modules: [String: ModuleCost], buffers: [String: BufferCost], mainMemory: [String: MemoryCost]) {
            for m in AcceleratorSpace.macsPerLane {
                for a in AcceleratorSpace.activations { macLanes.append(modules[ModuleKey.macLane(macs: m, activation: a)]) }
            }
            for x in AcceleratorSpace.spatialTiles {
                for b in AcceleratorSpace.batchTiles {
                    softmax.append(modules[ModuleKey.softmax(tile: x, batchTile: b)])
                    layerNorm.append(modules[ModuleKey.layerNorm(tile: x, batchTile: b)])
                    dynaProp.append(modules[ModuleKey.dynaProp(tile: x, batchTile: b)])
                }
                preSparsity.append(modules[ModuleKey.preSparsity(tile: x)])
                postSparsity.append(modules[ModuleKey.postSparsity(tile: x)])
            }
            fifo = modules[ModuleKey.fifo]
            dma = modules[ModuleKey.dma]
            dataflow = modules[ModuleKey.dataflow]
            self.buffers = ModuleKey.buffers.map { buffers[$0] }
            self.mainMemory = MainMemory.all.map { mainMemory[$0.key] }
        }
    }

    /// Every figure `config` instantiates; the table must be complete (validated).
    public func costs(for config: AcceleratorConfig) -> AcceleratorCosts {
        let m = AcceleratorSpace.macsPerLane.firstIndex(of: config.macsPerLane)!
        let a = AcceleratorSpace.activations.firstIndex(of: config.activation)!
        let x = AcceleratorSpace.spatialTiles.firstIndex(of: config.spatialTile)!
        let b = AcceleratorSpace.batchTiles.firstIndex(of: config.batchTile)!
        let memory = MainMemory.all.firstIndex(of: config.mainMemory)!
        let tile = x * AcceleratorSpace.batchTiles.count + b
        return AcceleratorCosts(
            macLane: index.macLanes[m * AcceleratorSpace.activations.count + a]!,
            softmax: index.softmax[tile]!, layerNorm: index.layerNorm[tile]!, dynaProp: index.dynaProp[tile]!,
            preSparsity: index.preSparsity[x]!, postSparsity: index.postSparsity[x]!,
            fifo: index.fifo!, dma: index.dma!, dataflow: index.dataflow!,
            activationBuffer: index.buffers[0]!, weightBuffer: index.buffers[1]!, maskBuffer: index.buffers[2]!,
            mainMemory: index.mainMemory[memory]!)
    }
}
