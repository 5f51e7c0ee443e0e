import DesignSpace

/// The parameters of an accelerator that decide which module variants it instantiates;
/// the others (counts of PEs, lanes and softmax units, buffer sizes, memory) only multiply.
package struct ModuleChoice: Hashable, Sendable {
    package let macsPerLane: Int
    package let activation: Activation
    package let spatialTile: Int
    package let batchTile: Int

    package init(macsPerLane: Int, activation: Activation, spatialTile: Int, batchTile: Int) {
        self.macsPerLane = macsPerLane
        self.activation = activation
        self.spatialTile = spatialTile
        self.batchTile = batchTile
    }

    package init(_ c: AcceleratorConfig) {
        self.init(macsPerLane: c.macsPerLane, activation: c.activation, spatialTile: c.spatialTile, batchTile: c.batchTile)
    }

    /// Every choice the design space offers, in `position` order.
    package static let all: [ModuleChoice] = AcceleratorSpace.macsPerLane.flatMap { m in
        AcceleratorSpace.activations.flatMap { a in
            AcceleratorSpace.spatialTiles.flatMap { x in
                AcceleratorSpace.batchTiles.map { b in ModuleChoice(macsPerLane: m, activation: a, spatialTile: x, batchTile: b) }
            }
        }
    }

    /// The index of `c`'s choice in `all`, from the design-space positions of its parameters
    /// (a few comparisons: the simulator asks once per evaluation).
    package static func position(of c: AcceleratorConfig) -> Int {
        let m = AcceleratorSpace.macsPerLane.firstIndex(of: c.macsPerLane)!
        let a = AcceleratorSpace.activations.firstIndex(of: c.activation)!
        let x = AcceleratorSpace.spatialTiles.firstIndex(of: c.spatialTile)!
        let b = AcceleratorSpace.batchTiles.firstIndex(of: c.batchTile)!
        return ((m * AcceleratorSpace.activations.count + a) * AcceleratorSpace.spatialTiles.count + x) * AcceleratorSpace.batchTiles.count
            + b
    }
}
