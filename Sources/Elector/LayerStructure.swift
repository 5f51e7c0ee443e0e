import DesignSpace

/// What the fast mode needs to know of one layer's shape: its heads by kind and the
/// dependency depths they give (see `Mapper` for the operations behind them).
struct LayerStructure {
    /// The hidden size of the layer before (the embedding's, which is the first layer's,
    /// for the first layer).
    let previousHiddenSize: Int
    /// A projection from the previous layer's hidden size precedes the heads.
    let hasProjection: Bool
    /// Heads of each kind (DFT and DCT heads are the same operations).
    let sdp: Int, wma: Int, linearTransform: Int, dsc5: Int, dsc9: Int, dsc13: Int
    /// Levels from the (projected) input to the last attention result: 5 with a WMA head
    /// (q, q.W_a, scores, softmax, context), 4 with an SDP head, 2 with linear-transform or
    /// convolution heads only (v, then the transform).
    let headDepth: Int
    /// Levels from the attention results' gradient to the layer input's: 4 behind a WMA
    /// head's q, 3 behind an SDP head's q and k, 1 behind v.
    let headBackwardDepth: Int
    let feedForward: Int

    /// The hidden size feeding layer `j` of `model`.
    static func previousHiddenSize(in model: TransformerModel, layer j: Int) -> Int {
        model.layers[j > 0 ? j - 1 : 0].hiddenSize
    }

    /// The structure of layer `j` of `model`.
    init(_ model: TransformerModel, layer j: Int) {
        let layer = model.layers[j]
        previousHiddenSize = Self.previousHiddenSize(in: model, layer: j)
        hasProjection = previousHiddenSize != layer.hiddenSize
        var sdp = 0, wma = 0, lt = 0, dsc5 = 0, dsc9 = 0, dsc13 = 0
        for head in layer.heads {
            switch head {
            case .saSDP: sdp += 1
            case .saWMA: wma += 1
            case .ltDFT, .ltDCT: lt += 1
            case .dsc5: dsc5 += 1
            case .dsc9: dsc9 += 1
            case .dsc13: dsc13 += 1
            }
        }
        (self.sdp, self.wma, linearTransform, self.dsc5, self.dsc9, self.dsc13) = (sdp, wma, lt, dsc5, dsc9, dsc13)
        headDepth = wma > 0 ? 5 : sdp > 0 ? 4 : 2
        headBackwardDepth = wma > 0 ? 4 : sdp > 0 ? 3 : 1
        feedForward = layer.feedForward.count
    }

    /// Self-attention heads (SDP and WMA).
    var selfAttention: Int { sdp + wma }
    /// Heads whose only input projection is v.
    var valueOnly: Int { linearTransform + dsc5 + dsc9 + dsc13 }
}
