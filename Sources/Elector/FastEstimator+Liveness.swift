import DesignSpace

/// The activation/gradient buffer's live set, result by result in program order, with the
/// spill it causes. A result leaves after its last reader: in inference that is a forward
/// operation; in training most forward results wait for the backward pass (each weight
/// gradient reads its input, each softmax and layer-norm gradient its own output), weight
/// gradients wait for the updates at the end, and a gradient leaves after the last
/// backward operation of the result it belongs to.
extension FastEstimator {
    func forwardLiveness(_ ledger: inout LevelLedger, training: Bool) {
        let B = batchSize
        let N = sequenceLength
        let h0 = model.layers[0].hiddenSize
        let embedding = activationBytes(B * N * h0)
        ledger.produce(embedding, level: 0)
        ledger.produce(embedding, level: 1)  // the layer-norm's output, the same size
        ledger.release(embedding)

        var x = embedding  // the layer input
        var level = 1
        for (j, layer) in model.layers.enumerated() {
            let h = layer.hiddenSize
            let d = layer.headSize
            let s = LayerStructure(model, layer: j)
            let hidden = activationBytes(B * N * h)
            if s.hasProjection {
                level += 1
                ledger.produce(hidden, level: level)
                if !training { ledger.release(x) }
                x = hidden
            }
            let v = activationBytes(B * N * d)  // any input projection, context or transform
            let scores = activationBytes(B * N * N)  // scores and softmax
            for head in layer.heads {
                switch head {
                case .saSDP, .saWMA:
                    let weighted = head == .saWMA ? 1 : 0
                    for _ in 0..<3 { ledger.produce(v, level: level + 1) }  // q, k, v
                    if weighted == 1 {
                        ledger.produce(v, level: level + 2)  // q . W_a
                        if !training { ledger.release(v) }
                    }
                    ledger.produce(scores, level: level + 2 + weighted)
                    if !training { ledger.release(2 * v) }
                    ledger.produce(scores, level: level + 3 + weighted)
                    ledger.release(scores)
                    ledger.produce(v, level: level + 4 + weighted)
                    if !training { ledger.release(scores + v) }
                case .ltDFT, .ltDCT, .dsc5, .dsc9, .dsc13:
                    ledger.produce(v, level: level + 1)
                    ledger.produce(v, level: level + 2)
                    // The transform's gradient never reads v again; the convolution's kernel gradient does.
                    if !training || head.kernelSize == nil { ledger.release(v) }
                }
            }
            let attention = level + s.headDepth
            ledger.produce(hidden, level: attention + 1)  // output projection
            if !training { ledger.release(Double(layer.heads.count) * v) }
            ledger.produce(hidden, level: attention + 2)  // residual
            ledger.release(hidden)
            if !training { ledger.release(x) }
            ledger.produce(hidden, level: attention + 3)  // layer-norm
            ledger.release(hidden)
            var stage = 0.0
            let sizes = layer.feedForward
            for i in 0...sizes.count {
                let out = activationBytes(B * N * (i < sizes.count ? sizes[i] : h))
                ledger.produce(out, level: attention + 4 + i)
                if i > 0 && !training { ledger.release(stage) }
                stage = out
            }
            let second = attention + s.feedForward + 5
            ledger.produce(hidden, level: second)  // residual
            ledger.release(stage)
            if !training { ledger.release(hidden) }
            ledger.produce(hidden, level: second + 1)  // layer-norm
            ledger.release(hidden)
            if !training && j == model.layers.count - 1 { ledger.release(hidden) }
            x = hidden
            level = second + 1
        }
    }

    func backwardLiveness(_ ledger: inout LevelLedger, outputGradientLevel: Int) {
        let B = batchSize
        let N = sequenceLength
        var level = outputGradientLevel
        // Gradients with respect to the current layer's output, held for its last reader.
        var pending = 0.0
        let layers = model.layers
        for j in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[j]
            let h = layer.hiddenSize
            let d = layer.headSize
            let s = LayerStructure(model, layer: j)
            let previous = s.previousHiddenSize
            let F = s.feedForward
            let hidden = activationBytes(B * N * h)
            let hiddenGrad = gradientBytes(B * N * h)

            // Second layer-norm (reads its own output), then the residual.
            ledger.produce(hiddenGrad, level: level)
            ledger.release(pending + hidden)
            ledger.produce(hiddenGrad, level: level + 1)
            ledger.release(hiddenGrad)
            // Feed-forward stack, last matmul first. The last one's upstream is the residual's
            // gradient, which the first layer-norm reads too.
            let sizes = layer.feedForward
            var upstream = 0.0
            for i in stride(from: sizes.count, through: 0, by: -1) {
                let size = i < sizes.count ? sizes[i] : h
                let width = i > 0 ? sizes[i - 1] : h
                let at = level + 2 + (sizes.count - i)
                let left = gradientBytes(B * N * width)
                ledger.produce(left, level: at)
                ledger.produce(gradientBytes(width * size), level: at)
                ledger.release(upstream)
                // The weight gradient was the last reader of this matmul's input.
                if i > 0 { ledger.release(activationBytes(B * N * width)) }
                upstream = left
            }
            let first = level + 3 + F
            ledger.produce(hiddenGrad, level: first)
            ledger.release(upstream + hiddenGrad + hidden)
            ledger.produce(hiddenGrad, level: first + 1)
            ledger.release(hiddenGrad)
            // The residual's gradient goes to the output projection and to the layer input.
            pending = hiddenGrad

            // Output projection: its weight gradient is the attention results' last reader.
            ledger.produce(hiddenGrad, level: first + 2)
            ledger.produce(gradientBytes(h * h), level: first + 2)
            let v = activationBytes(B * N * d)
            ledger.release(Double(layer.heads.count) * v)

            // Heads in reverse program order; K is the level of the attention results'
            // gradients. The output projection's input gradient is shared by all heads and
            // leaves after the first head's.
            let K = first + 3
            let shared = hiddenGrad
            let scores = activationBytes(B * N * N)
            let vGrad = gradientBytes(B * N * d)
            let scoresGrad = gradientBytes(B * N * N)
            let projectionWeight = gradientBytes(h * d)
            for i in stride(from: layer.heads.count - 1, through: 0, by: -1) {
                let head = layer.heads[i]
                let lastReader = i == 0
                // An input projection's gradients; the last one of the first head also ends
                // the projected input's life.
                func projection(upstream: Double, level at: Int, readsInput: Bool) {
                    ledger.produce(hiddenGrad, level: at)
                    ledger.produce(projectionWeight, level: at)
                    ledger.release(upstream)
                    if readsInput { ledger.release(hidden) }
                    pending += hiddenGrad
                }
                switch head {
                case .saSDP, .saWMA:
                    let weighted = head == .saWMA
                    // Context: dSoftmax (v's last reader), then dV.
                    ledger.produce(scoresGrad, level: K)
                    ledger.release(v)
                    ledger.produce(vGrad, level: K)
                    if lastReader { ledger.release(shared) }
                    // Softmax reads its own output.
                    ledger.produce(scoresGrad, level: K + 1)
                    ledger.release(scoresGrad + scores)
                    // Scores: dQ (k's last reader), then dK (q's, or q.W_a's).
                    ledger.produce(vGrad, level: K + 2)
                    ledger.release(v)
                    ledger.produce(vGrad, level: K + 2)
                    ledger.release(scoresGrad + v)
                    if weighted {
                        ledger.produce(vGrad, level: K + 3)
                        ledger.produce(gradientBytes(d * d), level: K + 3)
                        ledger.release(vGrad + v)
                    }
                    projection(upstream: vGrad, level: K + 1, readsInput: false)  // v
                    projection(upstream: vGrad, level: K + 3, readsInput: false)  // k
                    projection(upstream: vGrad, level: weighted ? K + 4 : K + 3, readsInput: lastReader && s.hasProjection)  // q
                case .ltDFT, .ltDCT:
                    ledger.produce(vGrad, level: K)
                    if lastReader { ledger.release(shared) }
                    projection(upstream: vGrad, level: K + 1, readsInput: lastReader && s.hasProjection)
                case .dsc5, .dsc9, .dsc13:
                    ledger.produce(vGrad, level: K)
                    ledger.produce(gradientBytes(head.kernelSize! * d), level: K)
                    if lastReader { ledger.release(shared) }
                    ledger.release(v)  // read last by the kernel gradient
                    projection(upstream: vGrad, level: K + 1, readsInput: lastReader && s.hasProjection)
                }
            }
            level = K + 1 + s.headBackwardDepth
            if s.hasProjection {
                let left = gradientBytes(B * N * previous)
                ledger.produce(left, level: level)
                ledger.produce(gradientBytes(previous * h), level: level)
                ledger.release(pending)
                pending = left
                level += 1
            }
        }
        // The embedding's layer-norm, then the embedding rows' update in place.
        let values = B * N * layers[0].hiddenSize
        let normGrad = gradientBytes(values)
        ledger.produce(normGrad, level: level)
        ledger.release(pending + activationBytes(values))
        ledger.produce(0, level: level + 1)
        ledger.release(normGrad)
    }
}
