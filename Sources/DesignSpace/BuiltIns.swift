/// The named models and accelerators every command accepts in place of a file.
///
/// Sources: BERT-Tiny, BERT-Base, AccelTran-Edge and AccelTran-Server as published with
/// AccelTran (jha-lab/acceltran, BSD-3-Clause); FB* and ELECTOR* from the TransCODE
/// paper's Table V (Tuli and Jha, IEEE TCAD, arXiv 2303.14882).
public enum BuiltIns {
    /// Built-in transformer names, in display order.
    public static let modelNames = ["bert-tiny", "bert-base", "fb-star"]
    /// Built-in accelerator names, in display order.
    public static let acceleratorNames = ["acceltran-edge", "acceltran-server", "elector-star"]

    /// The built-in transformer called `name`, or nil.
    public static func model(named name: String) -> TransformerModel? {
        switch name {
        case "bert-tiny": return bert(layers: 2, hidden: 128, heads: 2, feedForward: 512)
        case "bert-base": return bert(layers: 12, hidden: 768, heads: 12, feedForward: 3072)
        case "fb-star": return fbStar
        default: return nil
        }
    }

    /// The built-in accelerator called `name`, or nil.
    public static func accelerator(named name: String) -> AcceleratorConfig? {
        switch name {
        case "acceltran-edge":
            return try! AcceleratorConfig(
                batchTile: 1, spatialTile: 16, activation: .gelu, processingElements: 64,
                macLanesPerPE: 16, macsPerLane: 16, softmaxPerPE: 4, batchSize: 4,
                activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1,
                mainMemory: MainMemory(kind: .dram, banks: 32, ranks: 2, channels: 1))
        case "acceltran-server":
            return try! AcceleratorConfig(
                batchTile: 1, spatialTile: 16, activation: .gelu, processingElements: 512,
                macLanesPerPE: 32, macsPerLane: 16, softmaxPerPE: 32, batchSize: 4,
                activationBufferMB: 32, weightBufferMB: 64, maskBufferMB: 8,
                mainMemory: MainMemory(kind: .rram, banks: 32, ranks: 2, channels: 1))
        case "elector-star":
            return try! AcceleratorConfig(
                batchTile: 4, spatialTile: 32, activation: .gelu, processingElements: 128,
                macLanesPerPE: 32, macsPerLane: 16, softmaxPerPE: 4, batchSize: 4,
                activationBufferMB: 64, weightBufferMB: 128, maskBufferMB: 8,
                mainMemory: MainMemory(kind: .rram, banks: 8, ranks: 2, channels: 4))
        default:
            return nil
        }
    }

    private static func bert(layers: Int, hidden: Int, heads: Int, feedForward: Int) -> TransformerModel {
        let layer = try! TransformerLayer(
            hiddenSize: hidden, heads: Array(repeating: .saSDP, count: heads), feedForward: [feedForward])
        return try! TransformerModel(layers: Array(repeating: layer, count: layers))
    }

    /// FB* (Table V): two layers of 12 heads each.
    private static var fbStar: TransformerModel {
        func heads(_ counts: [(HeadOperation, Int)]) -> [HeadOperation] {
            counts.flatMap { Array(repeating: $0.0, count: $0.1) }
        }
        let first = try! TransformerLayer(
            hiddenSize: 256,
            heads: heads([(.saSDP, 3), (.saWMA, 1), (.ltDFT, 1), (.dsc5, 1), (.dsc9, 1), (.dsc13, 5)]),
            feedForward: [1024, 1024, 512], layer: 1)
        let second = try! TransformerLayer(
            hiddenSize: 512, heads: heads([(.ltDFT, 4), (.dsc5, 5), (.dsc9, 3)]),
            feedForward: [256, 1024, 1024], layer: 2)
        return try! TransformerModel(layers: [first, second])
    }
}
