/// Which block of a layer reads which result, for one arrangement of blocks (the encoder
/// layer with or without its projection, or the embedding), worked out once: every layer of
/// that arrangement shares it, and the walks ask for it per block of every layer.
final class LayerWiring: Sendable {
    /// A reading of a result: block `block` reads it as its input `input`.
    struct Reader: Sendable {
        let block: Int
        let input: Int
    }

    let blocks: [LayerBlock]
    /// Whether each block is part of the arrangement.
    let present: [Bool]
    /// Where each block's inputs really come from (an absent block passes its input
    /// through), `LayerBlock.maximumInputs` entries per block.
    let sources: [LayerBlock.Source]
    /// The present blocks reading each result, in block order: the layer input's first, then
    /// each block's (see `index(of:)`).
    let readers: [[Reader]]

    /// The encoder layer, with the projection when `projection`.
    static let layer = LayerWiring(LayerBlock.layer, projection: false)
    static let projectedLayer = LayerWiring(LayerBlock.layer, projection: true)
    static let embedding = LayerWiring(LayerBlock.embedding, projection: false)

    private init(_ blocks: [LayerBlock], projection: Bool) {
        self.blocks = blocks
        let present = blocks.map { !$0.onlyWhenWidthChanges || projection }
        self.present = present
        let width = LayerBlock.maximumInputs
        var sources = [LayerBlock.Source](repeating: .layerInput, count: blocks.count * width)
        var readers = [[Reader]](repeating: [], count: blocks.count + 1)
        for (b, block) in blocks.enumerated() where present[b] {
            for (k, input) in block.inputs.enumerated() {
                var source = input
                while case .block(let a) = source, !present[a] { source = blocks[a].inputs[0] }
                sources[b * width + k] = source
                readers[Self.index(of: source)].append(Reader(block: b, input: k))
            }
        }
        self.sources = sources
        self.readers = readers
    }

    /// The position of `source`'s entry in `readers`.
    @inline(__always)
    static func index(of source: LayerBlock.Source) -> Int {
        switch source {
        case .layerInput: 0
        case .block(let b): b + 1
        }
    }
}
