import DesignSpace

/// The dimensions of the layer a program computes. Softmax and layer-norm act on rows of X
/// values, so the sequence and the hidden size are one tile (X); the feed-forward inner size
/// is 1 to 4 tiles.
package struct LayerShape: Sendable, Equatable {
    package let sequence: Int
    package let hidden: Int
    package let feedForward: Int

    package init(sequence: Int, hidden: Int, feedForward: Int) {
        (self.sequence, self.hidden, self.feedForward) = (sequence, hidden, feedForward)
    }

    /// A model's first layer scaled to tile `x`: one self-attention head of size X, hidden X,
    /// sequence X, and a feed-forward inner size of X times the layer's ratio (first
    /// feed-forward size / hidden size, rounded, 1 to 4).
    package init(scaling model: TransformerModel, tile x: Int) {
        let layer = model.layers[0]
        let ratio = min(max(Int((Double(layer.feedForward[0]) / Double(layer.hiddenSize)).rounded()), 1), 4)
        self.init(sequence: x, hidden: x, feedForward: ratio * x)
    }
}
