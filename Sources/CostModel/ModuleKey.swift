import DesignSpace

/// Names of the module variants a hardware table must hold, one per variant the
/// ELECTOR design space can instantiate.
public enum ModuleKey {
    public static func macLane(macs: Int, activation: Activation) -> String {
        "mac_lane.m\(macs).\(activation.rawValue)"
    }
    public static func softmax(tile: Int, batchTile: Int) -> String { "softmax.x\(tile).b\(batchTile)" }
    public static func layerNorm(tile: Int, batchTile: Int) -> String { "layer_norm.x\(tile).b\(batchTile)" }
    public static func dynaProp(tile: Int, batchTile: Int) -> String { "dynaprop.x\(tile).b\(batchTile)" }
    public static func preSparsity(tile: Int) -> String { "pre_sparsity.x\(tile)" }
    public static func postSparsity(tile: Int) -> String { "post_sparsity.x\(tile)" }
    public static let fifo = "fifo"
    public static let dma = "dma"
    public static let dataflow = "dataflow"

    /// Every key the design space needs, in a stable order.
    public static var all: [String] {
        var keys: [String] = []
        for m in AcceleratorSpace.macsPerLane {
            for a in Activation.allCases { keys.append(macLane(macs: m, activation: a)) }
        }
        for x in AcceleratorSpace.spatialTiles {
            for b in AcceleratorSpace.batchTiles {
                keys += [softmax(tile: x, batchTile: b), layerNorm(tile: x, batchTile: b), dynaProp(tile: x, batchTile: b)]
            }
            keys += [preSparsity(tile: x), postSparsity(tile: x)]
        }
        return keys + [fifo, dma, dataflow]
    }

    /// Buffer names.
    public static let buffers = ["activation", "weight", "mask"]
}
