import DesignSpace

/// The work of every operation, placed at its dependency level. Levels: the embedding is 0,
/// its layer-norm 1; a layer with input at level L puts its projection (if any) at L + 1 and
/// then, from its (projected) input P: input projections at P + 1, scores at P + 2 (P + 3
/// behind W_a), softmax and context one and two after, the output projection one past the
/// deepest head, then residual, layer-norm, each feed-forward matmul, residual, layer-norm.
/// Backward, each operation's gradients sit one level past those of its deepest reader, and
/// each weight update one past its weight gradient.
extension FastEstimator {
    /// The forward pass; returns the footprint figures.
    func forwardWork(_ ledger: inout LevelLedger) -> ForwardFigures {
        let B = batchSize
        let N = sequenceLength
        let h0 = model.layers[0].hiddenSize
        let embedding = tile(.elementwise(elements: B * N * h0, opsPerElement: 2, operand: .activation), phase: .forward,
                             load: 3 * B * N * h0, output: B * N * h0, outputKind: .activation)
        ledger.add(embedding, copies: 1, level: 0)
        let norm0 = tile(.layerNorm(rows: B * N, columns: h0), phase: .forward, output: B * N * h0, outputKind: .activation)
        ledger.add(norm0, copies: 1, level: 1)
        var largest = Double(embedding.outputValues + norm0.outputValues)
        var all = largest

        var level = 1
        for (j, layer) in model.layers.enumerated() {
            let h = layer.hiddenSize
            let d = layer.headSize
            let s = LayerStructure(model, layer: j)
            let previous = s.previousHiddenSize
            var values = 0
            if s.hasProjection {
                let projection = matmul(m: N, k: previous, n: h, left: .activation, right: .weight, shared: true, load: previous * h)
                level += 1
                ledger.add(projection, copies: 1, level: level)
                values += projection.outputValues
            }
            // Identical heads are tiled once and counted.
            let projections = matmul(m: N, k: h, n: d, left: .activation, right: .weight, shared: true, load: h * d)
            ledger.add(projections, copies: 3 * s.selfAttention + s.valueOnly, level: level + 1)
            values += (3 * s.selfAttention + s.valueOnly) * projections.outputValues
            if s.selfAttention > 0 {
                let scores = matmul(m: N, k: d, n: N, left: .activation, right: .activation, shared: false, load: 0)
                let softmax = tile(.softmax(rows: B * N, columns: N), phase: .forward, output: B * N * N, outputKind: .activation)
                let context = matmul(m: N, k: N, n: d, left: .activation, right: .activation, shared: false, load: 0)
                if s.sdp > 0 {
                    ledger.add(scores, copies: s.sdp, level: level + 2)
                    ledger.add(softmax, copies: s.sdp, level: level + 3)
                    ledger.add(context, copies: s.sdp, level: level + 4)
                }
                if s.wma > 0 {
                    let weighted = matmul(m: N, k: d, n: d, left: .activation, right: .weight, shared: true, load: d * d)
                    ledger.add(weighted, copies: s.wma, level: level + 2)
                    ledger.add(scores, copies: s.wma, level: level + 3)
                    ledger.add(softmax, copies: s.wma, level: level + 4)
                    ledger.add(context, copies: s.wma, level: level + 5)
                    values += s.wma * weighted.outputValues
                }
                values += s.selfAttention * (scores.outputValues + softmax.outputValues + context.outputValues)
            }
            if s.linearTransform > 0 {
                // The stored N x N transform matrix is the fixed left operand.
                let transform = tile(.matmul(batch: B, m: N, k: N, n: d, left: .fixed, right: .activation, bandedK: nil, sharedRight: false),
                                     phase: .forward, load: N * N, output: B * N * d, outputKind: .activation)
                ledger.add(transform, copies: s.linearTransform, level: level + 2)
            }
            func convolution(_ count: Int, kernel: Int) {
                guard count > 0 else { return }
                let conv = tile(.matmul(batch: B, m: N, k: N, n: d, left: .weight, right: .activation, bandedK: kernel, sharedRight: false),
                                phase: .forward, load: kernel * d, output: B * N * d, outputKind: .activation)
                ledger.add(conv, copies: count, level: level + 2)
            }
            convolution(s.dsc5, kernel: 5)
            convolution(s.dsc9, kernel: 9)
            convolution(s.dsc13, kernel: 13)
            values += s.valueOnly * B * N * d

            let attention = level + s.headDepth
            let output = matmul(m: N, k: h, n: h, left: .activation, right: .weight, shared: true, load: h * h)
            ledger.add(output, copies: 1, level: attention + 1)
            let residual = tile(.elementwise(elements: B * N * h, opsPerElement: 1, operand: .activation), phase: .forward,
                                output: B * N * h, outputKind: .activation)
            ledger.add(residual, copies: 1, level: attention + 2)
            let norm = tile(.layerNorm(rows: B * N, columns: h), phase: .forward, output: B * N * h, outputKind: .activation)
            ledger.add(norm, copies: 1, level: attention + 3)
            var width = h
            let sizes = layer.feedForward
            for i in 0...sizes.count {
                let size = i < sizes.count ? sizes[i] : h
                let ff = matmul(m: N, k: width, n: size, left: .activation, right: .weight, shared: true, load: width * size)
                ledger.add(ff, copies: 1, level: attention + 4 + i)
                values += ff.outputValues
                width = size
            }
            let second = attention + s.feedForward + 5
            ledger.add(residual, copies: 1, level: second)
            ledger.add(norm, copies: 1, level: second + 1)
            values += output.outputValues + 2 * residual.outputValues + 2 * norm.outputValues

            largest = max(largest, Double(values))
            all += Double(values)
            level = second + 1
        }
        return ForwardFigures(lastLevel: level, largestLayerValues: largest, activationValues: all)
    }

    /// The backward pass and the weight updates; `outputGradientLevel` is the level of the
    /// last layer-norm's gradient.
    func backwardWork(_ ledger: inout LevelLedger, outputGradientLevel: Int) {
        let B = batchSize
        let N = sequenceLength
        var level = outputGradientLevel
        let layers = model.layers
        for j in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[j]
            let h = layer.hiddenSize
            let d = layer.headSize
            let s = LayerStructure(model, layer: j)
            let previous = s.previousHiddenSize
            let F = s.feedForward
            let values = B * N * h

            let normGrad = tile(.layerNorm(rows: B * N, columns: h), phase: .backward, output: values, outputKind: .gradient)
            let residualGrad = tile(.elementwise(elements: values, opsPerElement: 1, operand: .gradient), phase: .backward,
                                    output: values, outputKind: .gradient)
            ledger.add(normGrad, copies: 1, level: level)
            ledger.add(residualGrad, copies: 1, level: level + 1)
            // Feed-forward stack, last matmul first.
            let sizes = layer.feedForward
            for i in stride(from: sizes.count, through: 0, by: -1) {
                let size = i < sizes.count ? sizes[i] : h
                let width = i > 0 ? sizes[i - 1] : h
                let at = level + 2 + (sizes.count - i)
                ledger.add(gradLeft(m: N, k: width, n: size, right: .weight, shared: true), copies: 1, level: at)
                ledger.add(gradWeight(m: N, k: width, n: size), copies: 1, level: at)
                ledger.add(update(width * size), copies: 1, level: at + 1)
            }
            let first = level + 3 + F
            ledger.add(normGrad, copies: 1, level: first)
            ledger.add(residualGrad, copies: 1, level: first + 1)
            ledger.add(gradLeft(m: N, k: h, n: h, right: .weight, shared: true), copies: 1, level: first + 2)
            ledger.add(gradWeight(m: N, k: h, n: h), copies: 1, level: first + 2)
            ledger.add(update(h * h), copies: 1, level: first + 3)

            // Heads; K is the level of the attention results' gradients.
            let K = first + 3
            let projectionLeft = gradLeft(m: N, k: h, n: d, right: .weight, shared: true)
            let projectionWeight = gradWeight(m: N, k: h, n: d)
            let projectionUpdate = update(h * d)
            func projectionGradients(_ count: Int, level at: Int) {
                ledger.add(projectionLeft, copies: count, level: at)
                ledger.add(projectionWeight, copies: count, level: at)
                ledger.add(projectionUpdate, copies: count, level: at + 1)
            }
            if s.selfAttention > 0 {
                // Scores (m N, k d, n N) and context (m N, k N, n d), activation x activation.
                let scoresLeft = gradLeft(m: N, k: d, n: N, right: .activation, shared: false)
                let scoresRight = gradRight(m: N, k: d, n: N, left: .activation)
                let contextLeft = gradLeft(m: N, k: N, n: d, right: .activation, shared: false)
                let contextRight = gradRight(m: N, k: N, n: d, left: .activation)
                let softmaxGrad = tile(.softmax(rows: B * N, columns: N), phase: .backward, output: B * N * N, outputKind: .gradient)
                func selfAttention(_ count: Int, weighted: Bool) {
                    guard count > 0 else { return }
                    ledger.add(contextLeft, copies: count, level: K)
                    ledger.add(contextRight, copies: count, level: K)
                    ledger.add(softmaxGrad, copies: count, level: K + 1)
                    ledger.add(scoresLeft, copies: count, level: K + 2)
                    ledger.add(scoresRight, copies: count, level: K + 2)
                    // v at K + 1, k at K + 3, q at K + 3 (one more behind W_a).
                    projectionGradients(count, level: K + 1)
                    projectionGradients(count, level: K + 3)
                    projectionGradients(count, level: weighted ? K + 4 : K + 3)
                    if weighted {
                        ledger.add(gradLeft(m: N, k: d, n: d, right: .weight, shared: true), copies: count, level: K + 3)
                        ledger.add(gradWeight(m: N, k: d, n: d), copies: count, level: K + 3)
                        ledger.add(update(d * d), copies: count, level: K + 4)
                    }
                }
                selfAttention(s.sdp, weighted: false)
                selfAttention(s.wma, weighted: true)
            }
            if s.linearTransform > 0 {
                ledger.add(gradRight(m: N, k: N, n: d, left: .fixed), copies: s.linearTransform, level: K)
                projectionGradients(s.linearTransform, level: K + 1)
            }
            func convolution(_ count: Int, kernel: Int) {
                guard count > 0 else { return }
                ledger.add(gradRight(m: N, k: N, n: d, left: .weight, banded: kernel), copies: count, level: K)
                // The kernel's gradient: dY . H^T restricted to the k diagonals.
                let kernelGrad = tile(.matmul(batch: B, m: N, k: d, n: kernel, left: .gradient, right: .activation, bandedK: nil, sharedRight: false),
                                      phase: .backward, output: kernel * d, outputKind: .gradient)
                ledger.add(kernelGrad, copies: count, level: K)
                ledger.add(update(kernel * d), copies: count, level: K + 1)
                projectionGradients(count, level: K + 1)
            }
            convolution(s.dsc5, kernel: 5)
            convolution(s.dsc9, kernel: 9)
            convolution(s.dsc13, kernel: 13)

            level = K + 1 + s.headBackwardDepth
            if s.hasProjection {
                ledger.add(gradLeft(m: N, k: previous, n: h, right: .weight, shared: true), copies: 1, level: level)
                ledger.add(gradWeight(m: N, k: previous, n: h), copies: 1, level: level)
                ledger.add(update(previous * h), copies: 1, level: level + 1)
                level += 1
            }
        }
        // The embedding's layer-norm, then the embedding rows' update in place.
        let h0 = layers[0].hiddenSize
        let values = B * N * h0
        ledger.add(tile(.layerNorm(rows: B * N, columns: h0), phase: .backward, output: values, outputKind: .gradient),
                   copies: 1, level: level)
        ledger.add(tile(.elementwise(elements: values, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                        phase: .backward, load: values * optimizer.stateTensors, output: 0, outputKind: .gradient),
                   copies: 1, level: level + 1)
    }
}
