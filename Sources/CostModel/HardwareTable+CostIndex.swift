import DesignSpace

extension HardwareTable {
    /// The table's entries in arrays indexed by the design-space positions of their variant,
    /// rebuilt whenever the entries change. Entries missing from an incomplete table are nil;
    /// `validate()` guarantees all are present in a loaded one. A class, so that copying a
    /// table (every simulation request holds one) retains one object, not eleven arrays.
    final class CostIndex: Sendable {
        /// [macs position * activations + activation position]
        let macLanes: [ModuleCost?]
        /// [spatial-tile position * batch tiles + batch-tile position]
        let softmax: [ModuleCost?]
        let layerNorm: [ModuleCost?]
        let dynaProp: [ModuleCost?]
        /// [spatial-tile position]
        let preSparsity: [ModuleCost?]
        let postSparsity: [ModuleCost?]
        let fifo: ModuleCost?
        let dma: ModuleCost?
        let dataflow: ModuleCost?
        /// In `ModuleKey.buffers` order.
        let buffers: [BufferCost?]
        /// In `MainMemory.all` order.
        let mainMemory: [MemoryCost?]

        init(modules: [String: ModuleCost], buffers: [String: BufferCost], mainMemory: [String: MemoryCost]) {
            var macLanes: [ModuleCost?] = []
            for m in AcceleratorSpace.macsPerLane {
                for a in AcceleratorSpace.activations { macLanes.append(modules[ModuleKey.macLane(macs: m, activation: a)]) }
            }
            var softmax: [ModuleCost?] = [], layerNorm: [ModuleCost?] = [], dynaProp: [ModuleCost?] = []
            var preSparsity: [ModuleCost?] = [], postSparsity: [ModuleCost?] = []
            for x in AcceleratorSpace.spatialTiles {
                for b in AcceleratorSpace.batchTiles {
                    softmax.append(modules[ModuleKey.softmax(tile: x, batchTile: b)])
                    layerNorm.append(modules[ModuleKey.layerNorm(tile: x, batchTile: b)])
                    dynaProp.append(modules[ModuleKey.dynaProp(tile: x, batchTile: b)])
                }
                preSparsity.append(modules[ModuleKey.preSparsity(tile: x)])
                postSparsity.append(modules[ModuleKey.postSparsity(tile: x)])
            }
            (self.macLanes, self.softmax, self.layerNorm, self.dynaProp) = (macLanes, softmax, layerNorm, dynaProp)
            (self.preSparsity, self.postSparsity) = (preSparsity, postSparsity)
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
