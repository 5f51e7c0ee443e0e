/// Parameter and operation counts of a model, the figures `transcode show` prints.
///
/// Conventions (shared with the ELECTOR mapper, which a test keeps in agreement):
/// every head receives its own input projection h -> d; self-attention heads have Q, K and
/// V projections (and W_a for WMA); linear-transform heads multiply by a fixed, unlearned
/// N_T x N_T matrix; DSC-k heads learn a depthwise kernel of k x d; every layer has an
/// output projection h -> h, two layer-norms and its feed-forward stack back to h; a
/// projection h_prev -> h joins layers of different hidden size.
extension TransformerModel {
    /// Learned parameters of a model with these layers, including the token, position and
    /// segment embeddings.
    static func parameters(of layers: [TransformerLayer], decomposition: ModelDecomposition) -> Int {
        let h0 = layers[0].hiddenSize
        var total = (Self.vocabularySize + Self.maxPositions + 2) * h0 + 2 * h0
        var previous = h0
        for (j, layer) in layers.enumerated() {
            let h = layer.hiddenSize
            let d = layer.headSize
            if previous != h { total += previous * h + h }
            for head in layer.heads {
                switch head {
                case .saSDP: total += 3 * (h * d + d)
                case .saWMA: total += 3 * (h * d + d) + d * d
                case .ltDFT, .ltDCT: total += h * d + d
                case .dsc5, .dsc9, .dsc13: total += h * d + d + head.kernelSize! * d
                }
            }
            total += h * h + h + 2 * h  // output projection, layer-norm
            var width = h
            for f in layer.feedForward {
                total += width * f + f
                width = f
            }
            total += width * h + h  // the stack's last matmul, back to h
            total += 2 * h  // second layer-norm
            // A decomposed matrix keeps its bias and stores cores instead of its weights.
            for (matrix, shape) in decomposition.layers[j] {
                let size = matrix.size(in: layer, previousHidden: previous)!
                total += shape.parameterCount - size.rows * size.columns
            }
            previous = h
        }
        return total
    }

    /// Dense multiply-accumulates to run one sequence of `sequenceLength` tokens forward
    /// (decomposed matrices counted dense: their cost depends on the contraction path, which
    /// the mapper chooses per accelerator).
    ///
    /// DSC heads count only their k non-zero taps per output, as the zero-free MAC lanes do.
    public func macsPerSequence(sequenceLength n: Int = 128) -> Int {
        var total = 0
        var previous = layers[0].hiddenSize
        for layer in layers {
            let h = layer.hiddenSize
            let d = layer.headSize
            if previous != h { total += n * previous * h }
            for head in layer.heads {
                switch head {
                case .saSDP: total += 3 * n * h * d + 2 * n * n * d
                case .saWMA: total += 3 * n * h * d + n * d * d + 2 * n * n * d
                case .ltDFT, .ltDCT: total += n * h * d + n * n * d
                case .dsc5, .dsc9, .dsc13: total += n * h * d + n * head.kernelSize! * d
                }
            }
            total += n * h * h
            var width = h
            for f in layer.feedForward + [h] {
                total += n * width * f
                width = f
            }
            previous = h
        }
        return total
    }
}
