import DesignSpace
import Foundation
import TensorTrain

/// Text, JSON and YAML renderings of library values; the libraries never print.
enum Render {
    static func accelerator(_ c: AcceleratorConfig, format: OutputFormat) -> String {
        switch format {
        case .yaml: return AcceleratorFile.render(c)
        case .json: return json(acceleratorObject(c)) + "\n"
        case .text: return acceleratorSummary(c)
        }
    }

    static func acceleratorObject(_ c: AcceleratorConfig) -> [String: Any] {
        [
            "index": AcceleratorSpace.index(of: c),
            "embedding": c.embedding,
            "tile": ["tile_b": c.batchTile, "tile_x": c.spatialTile, "tile_y": c.spatialTile],
            "non_linearity": c.activation.rawValue,
            "pe": c.processingElements, "lanes_per_pe": c.macLanesPerPE, "mac_per_lane": c.macsPerLane,
            "softmax_per_pe": c.softmaxPerPE, "batch_size": c.batchSize,
            "activation_buffer_size": c.activationBufferMB, "weight_buffer_size": c.weightBufferMB,
            "mask_buffer_size": c.maskBufferMB,
            "main_memory": [
                "type": c.mainMemory.kind.rawValue, "banks": c.mainMemory.banks,
                "ranks": c.mainMemory.ranks, "channels": c.mainMemory.channels,
            ],
        ]
    }

    static func json(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func acceleratorSummary(_ c: AcceleratorConfig) -> String {
        """
        ELECTOR accelerator \(AcceleratorSpace.index(of: c)) of \(AcceleratorSpace.count)
          tile (b x x x y)        \(c.batchTile) x \(c.spatialTile) x \(c.spatialTile)
          activation              \(c.activation.displayName)
          PEs                     \(c.processingElements)
          MAC lanes per PE        \(c.macLanesPerPE)
          MACs per lane           \(c.macsPerLane)
          multipliers in all      \(c.totalMultipliers)
          softmax modules per PE  \(c.softmaxPerPE)
          layer-norm modules      \(c.processingElements) (one per PE)
          batch size              \(c.batchSize)
          buffers (MB)            activation/gradient \(c.activationBufferMB), weight \(c.weightBufferMB), mask \(c.maskBufferMB)
          main memory             \(c.mainMemory) (index \(c.mainMemory.paperIndex) of 11)
          embedding               \(c.embedding.map(String.init).joined(separator: ","))

        """
    }

    static func modelSummary(_ m: TransformerModel, sequenceLength: Int) -> String {
        var lines = [
            "FlexiBERT 2.0 transformer, \(m.layers.count) encoder layers",
            "  parameters              \(grouped(m.parameterCount))",
            "  MACs per sequence       \(grouped(m.macsPerSequence(sequenceLength: sequenceLength))) (\(sequenceLength) tokens)",
            "  embedding               \(TransformerSpace.embedding(of: m).map(String.init).joined(separator: ","))",
            "  layer  h    heads  operations                              feed-forward",
        ]
        for (j, layer) in m.layers.enumerated() {
            let ops = HeadOperation.allCases.compactMap { op -> String? in
                let n = layer.count(of: op)
                return n == 0 ? nil : "\(n)x\(op.displayName)"
            }.joined(separator: " ")
            let ff = layer.feedForward.map(String.init).joined(separator: ", ")
            lines.append(
                "  " + pad(String(j + 1), 7) + pad(String(layer.hiddenSize), 5) + pad(String(layer.heads.count), 7)
                    + pad(ops, 40) + ff)
        }
        if !m.decomposition.isDense { lines += decompositionLines(m, sequenceLength: sequenceLength) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The tensor-train matrices of a model (HEAT), each with its fewest-MAC contraction path
    /// (the simulator chooses per accelerator; `transcode compress` shows that choice).
    static func decompositionLines(_ m: TransformerModel, sequenceLength: Int) -> [String] {
        let embedding = (try? DecompositionSpace.embedding(of: m)).map { $0.map(String.init).joined(separator: ",") }
        var lines = [
            "  tensor-train matrices   \(m.decomposition.decomposedCount) (MACs above count them dense)",
            "  decomposition embedding \(embedding ?? "not expressible (ranks not uniform, or cores outside 2, 3)") "
                + "(\(DecompositionSpace.fieldName) \(DecompositionSpace.version))",
        ]
        for (j, available) in DecomposedMatrix.sized(in: m.layers).enumerated() {
            for size in available {
                guard let shape = m.decomposition.shape(layer: j, size.matrix) else { continue }
                let path = ContractionPathSearch().best(ContractionShape(tensorTrain: shape, rows: sequenceLength)) { Double($0.macs) }
                let list = { (v: [Int]) in "[" + v.map(String.init).joined(separator: ", ") + "]" }
                lines.append(
                    "  layer \(j + 1) \(pad(size.matrix.key, 5))\(size.rows) x \(size.columns): in \(list(shape.inputFactors)) out "
                        + "\(list(shape.outputFactors)) ranks \(list(shape.ranks)), \(grouped(shape.parameterCount)) of "
                        + "\(grouped(size.rows * size.columns)) weights, path \(path.description) "
                        + "\(grouped(path.macs)) MACs per sequence (dense \(grouped(sequenceLength * size.rows * size.columns)))")
            }
        }
        return lines
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}

extension Render {
    static func number(_ x: Double) -> String {
        if x == 0 { return "0" }
        if abs(x) >= 1e6 || abs(x) < 1e-3 { return String(format: "%.4g", x) }
        return String(format: abs(x) >= 100 ? "%.1f" : "%.4f", x)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }
}
