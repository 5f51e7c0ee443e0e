import DesignSpace

/// The analytic mode for the search: a closed-form walk over the model's layers that never
/// builds the operation list and never schedules a tile.
///
/// It computes what an operation-level model over the mapper's operations would: operations
/// grouped into dependency levels (one more than their deepest input's), each level taking
/// its total expected work spread over all units of a class (never less than one tile) plus
/// the longest pipeline latency, the DMA streaming loads ahead of compute, and activations
/// spilled when the live set outgrows the activation buffer. Because every layer has the
/// same shape of dependencies, the level of each operation follows from the layer's
/// structure (heads in parallel, then the output projection, the residuals, the layer-norms
/// and the feed-forward stack; in the backward pass the reverse depth), so identical heads
/// of a layer are tiled once and counted with their multiplicity. A test holds the result
/// equal to the same model evaluated over `Mapper.operations()` with their dependencies.
///
/// This walk mirrors the mapper's conventions (see `Mapper`); a change there needs the same
/// change here, which that test catches.
struct FastEstimator {
    let hardware: HardwareInstance
    let tiler: Tiler
    let model: TransformerModel
    let batchSize: Int
    let sequenceLength: Int
    let workload: Workload
    let optimizer: Optimizer

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var spilled: Double
        var stalls: StallBreakdown
        var tiles: Int
        var effectualMACs: Double
        var denseMACs: Double
        var operations: Int
        /// Forward output values of the largest layer (the embedding counts as layer 0) and
        /// of all layers, for the memory footprint.
        var largestLayerValues: Double
        var activationValues: Double
    }

    private static let label = OperationLabel(role: "fast")

    /// The levels of one layer: forward, relative to the level of the layer's input, and
    /// backward, relative to the level of its output's gradient.
    private struct LayerDepths {
        let hasProjection: Bool
        /// Levels from the (projected) input to the last attention result: 5 with a WMA head,
        /// 4 with an SDP head, 2 with linear-transform or convolution heads only.
        let heads: Int
        /// Levels from the attention results' gradient to the input's: 4, 3 or 1.
        let headsBackward: Int
        let feedForward: Int

        init(_ layer: TransformerLayer, previous: Int) {
            hasProjection = previous != layer.hiddenSize
            var wma = false
            var sdp = false
            for head in layer.heads {
                if head == .saWMA { wma = true } else if head == .saSDP { sdp = true }
            }
            heads = wma ? 5 : sdp ? 4 : 2
            headsBackward = wma ? 4 : sdp ? 3 : 1
            feedForward = layer.feedForward.count
        }

        /// Forward levels the layer adds after its input.
        var forwardSpan: Int { (hasProjection ? 1 : 0) + heads + feedForward + 6 }
        /// Backward levels from its output's gradient to its input's.
        var backwardSpan: Int { 6 + feedForward + 1 + headsBackward + (hasProjection ? 1 : 0) }
    }

    func run() -> Outcome {
        let training = workload == .training
        var levelCount = 2
        var previous = model.layers[0].hiddenSize
        for layer in model.layers {
            levelCount += LayerDepths(layer, previous: previous).forwardSpan
            previous = layer.hiddenSize
        }
        let lastForward = levelCount - 1
        if training {
            previous = model.layers[0].hiddenSize
            for layer in model.layers {
                levelCount += LayerDepths(layer, previous: previous).backwardSpan
                previous = layer.hiddenSize
            }
            levelCount += 2  // the last layer-norm's gradient, then the embedding's update
        }
        var ledger = LevelLedger(
            levels: levelCount, capacity: hardware.bufferBytes("activation"), bandwidth: hardware.memoryBytesPerCycle)
        let footprint = forward(&ledger, training: training)
        assert(footprint.lastLevel == lastForward)
        if training { backward(&ledger, outputGradientLevel: lastForward + 1) }
        return schedule(ledger, footprint: footprint)
    }

    // MARK: Shapes

    private func tile(_ kind: MappedOperation.Kind, phase: MappedOperation.Phase, load: Int = 0, store: Int = 0,
                      output: Int, outputKind: MatrixKind) -> TiledOperation {
        tiler.tile(MappedOperation(
            id: 0, label: Self.label, layer: 0, phase: phase, kind: kind, dependencies: [], loadValues: load,
            storeValues: store, outputValues: output, outputKind: outputKind))
    }

    /// A forward matmul Y[B, m, n] = X[B, m, k] . W[k, n].
    private func matmul(m: Int, k: Int, n: Int, left: MatrixKind, right: MatrixKind, banded: Int? = nil, shared: Bool,
                        load: Int) -> TiledOperation {
        tile(.matmul(batch: batchSize, m: m, k: k, n: n, left: left, right: right, bandedK: banded, sharedRight: shared),
             phase: .forward, load: load, output: batchSize * m * n, outputKind: .activation)
    }

    /// The gradient with respect to the left operand of a forward matmul: dY . Right^T.
    private func gradLeft(m: Int, k: Int, n: Int, right: MatrixKind, shared: Bool) -> TiledOperation {
        tile(.matmul(batch: batchSize, m: m, k: n, n: k, left: .gradient, right: right, bandedK: nil, sharedRight: shared),
             phase: .backward, output: batchSize * m * k, outputKind: .gradient)
    }

    /// The weight gradient of a shared weight, summed over the batch: (k x B*m) . (B*m x n).
    private func gradWeight(m: Int, k: Int, n: Int) -> TiledOperation {
        tile(.matmul(batch: 1, m: k, k: batchSize * m, n: n, left: .activation, right: .gradient, bandedK: nil, sharedRight: false),
             phase: .backward, output: k * n, outputKind: .gradient)
    }

    /// The gradient with respect to the right operand: Left^T . dY.
    private func gradRight(m: Int, k: Int, n: Int, left: MatrixKind, banded: Int? = nil) -> TiledOperation {
        tile(.matmul(batch: batchSize, m: k, k: m, n: n, left: left == .fixed ? .fixed : .gradient, right: .gradient,
                     bandedK: banded, sharedRight: false),
             phase: .backward, output: batchSize * k * n, outputKind: .gradient)
    }

    /// The optimizer step of `values` weights.
    private func update(_ values: Int) -> TiledOperation {
        let state = values * (1 + optimizer.stateTensors)
        return tile(.elementwise(elements: values, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                    phase: .update, load: state, store: state, output: 0, outputKind: .gradient)
    }

    /// Bytes an activation of `values` entries occupies in the buffer.
    private func activationBytes(_ values: Int) -> Double {
        tiler.compressedBytes(Double(values), .activation).data
    }

    // MARK: Forward

    private struct ForwardFigures {
        var lastLevel: Int
        var largestLayerValues: Double
        var activationValues: Double
    }

    /// The forward pass, layer by layer; frees follow each result's last reader (in training
    /// that is often in the backward pass, so most results stay).
    private func forward(_ ledger: inout LevelLedger, training: Bool) -> ForwardFigures {
        let B = batchSize
        let N = sequenceLength
        let h0 = model.layers[0].hiddenSize
        let embedding = tile(.elementwise(elements: B * N * h0, opsPerElement: 2, operand: .activation), phase: .forward,
                             load: 3 * B * N * h0, output: B * N * h0, outputKind: .activation)
        ledger.add(embedding, copies: 1, level: 0)
        ledger.produce(embedding.outputBytes, level: 0)
        let norm0 = tile(.layerNorm(rows: B * N, columns: h0), phase: .forward, output: B * N * h0, outputKind: .activation)
        ledger.add(norm0, copies: 1, level: 1)
        ledger.produce(norm0.outputBytes, level: 1)
        ledger.release(embedding.outputBytes)
        var layerValues = Double(embedding.operation.outputValues + norm0.operation.outputValues)
        var largest = layerValues
        var all = layerValues

        var x = norm0.outputBytes
        var level = 1
        var previous = h0
        for (j, layer) in model.layers.enumerated() {
            let h = layer.hiddenSize
            let d = layer.headSize
            let depths = LayerDepths(layer, previous: previous)
            layerValues = 0
            if depths.hasProjection {
                let projection = matmul(m: N, k: previous, n: h, left: .activation, right: .weight, shared: true, load: previous * h)
                level += 1
                ledger.add(projection, copies: 1, level: level)
                ledger.produce(projection.outputBytes, level: level)
                if !training { ledger.release(x) }
                x = projection.outputBytes
                layerValues += Double(projection.operation.outputValues)
            }

            // Identical heads are tiled once and counted.
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
            let sa = sdp + wma
            let projections = matmul(m: N, k: h, n: d, left: .activation, right: .weight, shared: true, load: h * d)
            ledger.add(projections, copies: 3 * sa + lt + dsc5 + dsc9 + dsc13, level: level + 1)
            layerValues += Double((3 * sa + lt + dsc5 + dsc9 + dsc13) * projections.operation.outputValues)
            let vBytes = projections.outputBytes
            let scoresBytes = activationBytes(B * N * N)
            let contextBytes = activationBytes(B * N * d)
            if sa > 0 {
                let scores = matmul(m: N, k: d, n: N, left: .activation, right: .activation, shared: false, load: 0)
                let softmax = tile(.softmax(rows: B * N, columns: N), phase: .forward, output: B * N * N, outputKind: .activation)
                let context = matmul(m: N, k: N, n: d, left: .activation, right: .activation, shared: false, load: 0)
                if sdp > 0 {
                    ledger.add(scores, copies: sdp, level: level + 2)
                    ledger.add(softmax, copies: sdp, level: level + 3)
                    ledger.add(context, copies: sdp, level: level + 4)
                }
                if wma > 0 {
                    let weighted = matmul(m: N, k: d, n: d, left: .activation, right: .weight, shared: true, load: d * d)
                    ledger.add(weighted, copies: wma, level: level + 2)
                    ledger.add(scores, copies: wma, level: level + 3)
                    ledger.add(softmax, copies: wma, level: level + 4)
                    ledger.add(context, copies: wma, level: level + 5)
                    layerValues += Double(wma * weighted.operation.outputValues)
                }
                layerValues += Double(sa * (2 * B * N * N + B * N * d))
            }
            if lt > 0 {
                let transform = tile(.matmul(batch: B, m: N, k: N, n: d, left: .fixed, right: .activation, bandedK: nil, sharedRight: false),
                                     phase: .forward, load: N * N, output: B * N * d, outputKind: .activation)
                ledger.add(transform, copies: lt, level: level + 2)
            }
            func convolution(_ count: Int, kernel: Int) {
                guard count > 0 else { return }
                let conv = tile(.matmul(batch: B, m: N, k: N, n: d, left: .weight, right: .activation, bandedK: kernel, sharedRight: false),
                                phase: .forward, load: kernel * d, output: B * N * d, outputKind: .activation)
                ledger.add(conv, copies: count, level: level + 2)
            }
            convolution(dsc5, kernel: 5)
            convolution(dsc9, kernel: 9)
            convolution(dsc13, kernel: 13)
            layerValues += Double((lt + dsc5 + dsc9 + dsc13) * B * N * d)

            // The live set, head by head in program order.
            var contexts = 0.0
            for head in layer.heads {
                switch head {
                case .saSDP, .saWMA:
                    let extra = head == .saWMA ? 1 : 0
                    for _ in 0..<3 { ledger.produce(vBytes, level: level + 1) }  // q, k, v
                    if extra == 1 {
                        ledger.produce(vBytes, level: level + 2)  // q . W_a
                        if !training { ledger.release(vBytes) }
                    }
                    ledger.produce(scoresBytes, level: level + 2 + extra)
                    if !training { ledger.release(2 * vBytes) }
                    ledger.produce(scoresBytes, level: level + 3 + extra)
                    ledger.release(scoresBytes)
                    ledger.produce(contextBytes, level: level + 4 + extra)
                    if !training { ledger.release(scoresBytes + vBytes) }
                case .ltDFT, .ltDCT, .dsc5, .dsc9, .dsc13:
                    ledger.produce(vBytes, level: level + 1)
                    ledger.produce(contextBytes, level: level + 2)
                    // The transform's gradient never reads v again; the convolution's kernel gradient does.
                    if !training || head.kernelSize == nil { ledger.release(vBytes) }
                }
                contexts += contextBytes
            }

            let attention = level + depths.heads
            let output = matmul(m: N, k: h, n: h, left: .activation, right: .weight, shared: true, load: h * h)
            ledger.add(output, copies: 1, level: attention + 1)
            ledger.produce(output.outputBytes, level: attention + 1)
            if !training { ledger.release(contexts) }
            let residual = tile(.elementwise(elements: B * N * h, opsPerElement: 1, operand: .activation), phase: .forward,
                                output: B * N * h, outputKind: .activation)
            ledger.add(residual, copies: 1, level: attention + 2)
            ledger.produce(residual.outputBytes, level: attention + 2)
            ledger.release(output.outputBytes)
            if !training { ledger.release(x) }
            let norm = tile(.layerNorm(rows: B * N, columns: h), phase: .forward, output: B * N * h, outputKind: .activation)
            ledger.add(norm, copies: 1, level: attention + 3)
            ledger.produce(norm.outputBytes, level: attention + 3)
            ledger.release(residual.outputBytes)

            var width = h
            var stage = 0.0
            let sizes = layer.feedForward
            for s in 0...sizes.count {
                let size = s < sizes.count ? sizes[s] : h
                let ff = matmul(m: N, k: width, n: size, left: .activation, right: .weight, shared: true, load: width * size)
                ledger.add(ff, copies: 1, level: attention + 4 + s)
                ledger.produce(ff.outputBytes, level: attention + 4 + s)
                if s > 0 && !training { ledger.release(stage) }
                stage = ff.outputBytes
                width = size
                layerValues += Double(ff.operation.outputValues)
            }
            let second = attention + depths.feedForward + 5
            ledger.add(residual, copies: 1, level: second)
            ledger.produce(residual.outputBytes, level: second)
            ledger.release(stage)
            if !training { ledger.release(norm.outputBytes) }
            ledger.add(norm, copies: 1, level: second + 1)
            ledger.produce(norm.outputBytes, level: second + 1)
            ledger.release(residual.outputBytes)
            if !training && j == model.layers.count - 1 { ledger.release(norm.outputBytes) }
            layerValues += Double(2 * residual.operation.outputValues + 2 * norm.operation.outputValues + output.operation.outputValues)

            largest = max(largest, layerValues)
            all += layerValues
            x = norm.outputBytes
            level = second + 1
            previous = h
        }
        return ForwardFigures(lastLevel: level, largestLayerValues: largest, activationValues: all)
    }

    // MARK: Backward

    /// The backward pass in reverse program order, then the weight updates (at one level past
    /// their weight gradient). `outputGradientLevel` is the level of the last layer-norm's
    /// gradient.
    private func backward(_ ledger: inout LevelLedger, outputGradientLevel: Int) {
        let B = batchSize
        let N = sequenceLength
        var level = outputGradientLevel
        // Gradients with respect to the current layer's output, still held for its reader.
        var pending = 0.0
        let layers = model.layers
        for j in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[j]
            let h = layer.hiddenSize
            let d = layer.headSize
            let previous = j > 0 ? layers[j - 1].hiddenSize : h
            let depths = LayerDepths(layer, previous: previous)
            let F = depths.feedForward
            let values = B * N * h
            let hidden = activationBytes(values)

            // Second layer-norm: reads its own output.
            let normGrad = tile(.layerNorm(rows: B * N, columns: h), phase: .backward, output: values, outputKind: .gradient)
            ledger.add(normGrad, copies: 1, level: level)
            ledger.produce(normGrad.outputBytes, level: level)
            ledger.release(pending + hidden)
            let residualGrad = tile(.elementwise(elements: values, opsPerElement: 1, operand: .gradient), phase: .backward,
                                    output: values, outputKind: .gradient)
            ledger.add(residualGrad, copies: 1, level: level + 1)
            ledger.produce(residualGrad.outputBytes, level: level + 1)
            ledger.release(normGrad.outputBytes)

            // Feed-forward stack, last matmul first.
            let sizes = layer.feedForward
            var upstream = 0.0  // the last matmul's upstream is the residual's gradient, freed later
            for s in stride(from: sizes.count, through: 0, by: -1) {
                let size = s < sizes.count ? sizes[s] : h
                let width = s > 0 ? sizes[s - 1] : h
                let at = level + 2 + (sizes.count - s)
                let left = gradLeft(m: N, k: width, n: size, right: .weight, shared: true)
                let weight = gradWeight(m: N, k: width, n: size)
                ledger.add(left, copies: 1, level: at)
                ledger.add(weight, copies: 1, level: at)
                ledger.add(update(width * size), copies: 1, level: at + 1)
                ledger.produce(left.outputBytes, level: at)
                ledger.produce(weight.outputBytes, level: at)
                ledger.release(upstream)
                // The weight gradient was the last reader of this matmul's input.
                if s > 0 { ledger.release(activationBytes(B * N * width)) }
                upstream = left.outputBytes
            }
            // First layer-norm.
            let first = level + 3 + F
            ledger.add(normGrad, copies: 1, level: first)
            ledger.produce(normGrad.outputBytes, level: first)
            ledger.release(upstream + residualGrad.outputBytes + hidden)
            ledger.add(residualGrad, copies: 1, level: first + 1)
            ledger.produce(residualGrad.outputBytes, level: first + 1)
            ledger.release(normGrad.outputBytes)
            // The residual's gradient goes to the output projection and to the layer input.
            pending = residualGrad.outputBytes

            // Output projection: its weight gradient is the attention results' last reader.
            let outputLeft = gradLeft(m: N, k: h, n: h, right: .weight, shared: true)
            let outputWeight = gradWeight(m: N, k: h, n: h)
            ledger.add(outputLeft, copies: 1, level: first + 2)
            ledger.add(outputWeight, copies: 1, level: first + 2)
            ledger.add(update(h * h), copies: 1, level: first + 3)
            ledger.produce(outputLeft.outputBytes, level: first + 2)
            ledger.produce(outputWeight.outputBytes, level: first + 2)
            ledger.release(Double(layer.heads.count) * activationBytes(B * N * d))

            // Heads; K is the level of the attention results' gradients.
            let K = first + 3
            let q = activationBytes(B * N * d)
            let scores = activationBytes(B * N * N)
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
            let projectionLeft = gradLeft(m: N, k: h, n: d, right: .weight, shared: true)
            let projectionWeight = gradWeight(m: N, k: h, n: d)
            let projectionUpdate = update(h * d)
            let sa = sdp + wma
            // Scores (m N, k d, n N) and context (m N, k N, n d), both activation x activation.
            let scoresLeft = gradLeft(m: N, k: d, n: N, right: .activation, shared: false)
            let scoresRight = gradRight(m: N, k: d, n: N, left: .activation)
            let contextLeft = gradLeft(m: N, k: N, n: d, right: .activation, shared: false)
            let contextRight = gradRight(m: N, k: N, n: d, left: .activation)
            let softmaxGrad = tile(.softmax(rows: B * N, columns: N), phase: .backward, output: B * N * N, outputKind: .gradient)
            let weightedLeft = gradLeft(m: N, k: d, n: d, right: .weight, shared: true)
            let weightedWeight = gradWeight(m: N, k: d, n: d)
            let transformRight = gradRight(m: N, k: N, n: d, left: .fixed)
            func projectionGradients(_ count: Int, level at: Int) {
                ledger.add(projectionLeft, copies: count, level: at)
                ledger.add(projectionWeight, copies: count, level: at)
                ledger.add(projectionUpdate, copies: count, level: at + 1)
            }
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
                    ledger.add(weightedLeft, copies: count, level: K + 3)
                    ledger.add(weightedWeight, copies: count, level: K + 3)
                    ledger.add(update(d * d), copies: count, level: K + 4)
                }
            }
            selfAttention(sdp, weighted: false)
            selfAttention(wma, weighted: true)
            if lt > 0 {
                ledger.add(transformRight, copies: lt, level: K)
                projectionGradients(lt, level: K + 1)
            }
            // Gradient bytes of a convolution's input and kernel (both are the same for
            // every kernel size: B x N x d and k x d values).
            var convolutionRight = 0.0
            func convolution(_ count: Int, kernel: Int) -> Double {
                guard count > 0 else { return 0 }
                let right = gradRight(m: N, k: N, n: d, left: .weight, banded: kernel)
                let kernelGrad = tile(.matmul(batch: B, m: N, k: d, n: kernel, left: .gradient, right: .activation, bandedK: nil, sharedRight: false),
                                      phase: .backward, output: kernel * d, outputKind: .gradient)
                ledger.add(right, copies: count, level: K)
                ledger.add(kernelGrad, copies: count, level: K)
                ledger.add(update(kernel * d), copies: count, level: K + 1)
                projectionGradients(count, level: K + 1)
                convolutionRight = right.outputBytes
                return kernelGrad.outputBytes
            }
            let kernelBytes5 = convolution(dsc5, kernel: 5)
            let kernelBytes9 = convolution(dsc9, kernel: 9)
            let kernelBytes13 = convolution(dsc13, kernel: 13)

            // The live set, head by head in reverse program order. The output projection's
            // input gradient is shared by all heads and leaves after the first head's.
            let shared = outputLeft.outputBytes
            for i in stride(from: layer.heads.count - 1, through: 0, by: -1) {
                let head = layer.heads[i]
                let lastReader = i == 0
                // Each head's input projections end with the input gradient for the layer input.
                func projection(upstream: Double, level at: Int, readsInput: Bool) {
                    ledger.produce(projectionLeft.outputBytes, level: at)
                    ledger.produce(projectionWeight.outputBytes, level: at)
                    ledger.release(upstream)
                    if readsInput { ledger.release(hidden) }
                    pending += projectionLeft.outputBytes
                }
                switch head {
                case .saSDP, .saWMA:
                    let extra = head == .saWMA ? 1 : 0
                    // context: dSoftmax then dV; v's last reader is dSoftmax.
                    ledger.produce(contextLeft.outputBytes, level: K)
                    ledger.release(q)
                    ledger.produce(contextRight.outputBytes, level: K)
                    if lastReader { ledger.release(shared) }
                    ledger.produce(softmaxGrad.outputBytes, level: K + 1)
                    ledger.release(contextLeft.outputBytes + scores)
                    // scores: dQ (k's last reader) then dK (q's, or q.W_a's).
                    ledger.produce(scoresLeft.outputBytes, level: K + 2)
                    ledger.release(q)
                    ledger.produce(scoresRight.outputBytes, level: K + 2)
                    ledger.release(softmaxGrad.outputBytes + q)
                    if extra == 1 {
                        ledger.produce(weightedLeft.outputBytes, level: K + 3)
                        ledger.produce(weightedWeight.outputBytes, level: K + 3)
                        ledger.release(scoresLeft.outputBytes + q)
                    }
                    projection(upstream: contextRight.outputBytes, level: K + 1, readsInput: false)  // v
                    projection(upstream: scoresRight.outputBytes, level: K + 3, readsInput: false)  // k
                    projection(upstream: extra == 1 ? weightedLeft.outputBytes : scoresLeft.outputBytes, level: K + 3 + extra,
                               readsInput: lastReader && depths.hasProjection)  // q
                case .ltDFT, .ltDCT:
                    ledger.produce(transformRight.outputBytes, level: K)
                    if lastReader { ledger.release(shared) }
                    projection(upstream: transformRight.outputBytes, level: K + 1, readsInput: lastReader && depths.hasProjection)
                case .dsc5, .dsc9, .dsc13:
                    ledger.produce(convolutionRight, level: K)
                    ledger.produce(head == .dsc5 ? kernelBytes5 : head == .dsc9 ? kernelBytes9 : kernelBytes13, level: K)
                    if lastReader { ledger.release(shared) }
                    ledger.release(q)  // v, read last by the kernel gradient
                    projection(upstream: convolutionRight, level: K + 1, readsInput: lastReader && depths.hasProjection)
                }
            }
            level = K + 1 + depths.headsBackward
            if depths.hasProjection {
                let left = gradLeft(m: N, k: previous, n: h, right: .weight, shared: true)
                let weight = gradWeight(m: N, k: previous, n: h)
                ledger.add(left, copies: 1, level: level)
                ledger.add(weight, copies: 1, level: level)
                ledger.add(update(previous * h), copies: 1, level: level + 1)
                ledger.produce(left.outputBytes, level: level)
                ledger.produce(weight.outputBytes, level: level)
                ledger.release(pending)
                pending = left.outputBytes
                level += 1
            }
        }
        // The embedding's layer-norm, then the embedding rows' update in place.
        let h0 = layers[0].hiddenSize
        let values = B * N * h0
        let normGrad = tile(.layerNorm(rows: B * N, columns: h0), phase: .backward, output: values, outputKind: .gradient)
        ledger.add(normGrad, copies: 1, level: level)
        ledger.produce(normGrad.outputBytes, level: level)
        ledger.release(pending + activationBytes(values))
        let rows = tile(.elementwise(elements: values, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                        phase: .backward, load: values * optimizer.stateTensors, output: 0, outputKind: .gradient)
        ledger.add(rows, copies: 1, level: level + 1)
        ledger.produce(0, level: level + 1)
        ledger.release(normGrad.outputBytes)
    }

    // MARK: Schedule

    /// Two pipelines at level granularity, as in the cycle-level mode: the DMA streams every
    /// level's loads back to back, and a level computes once its inputs and loads are in.
    private func schedule(_ ledger: LevelLedger, footprint: ForwardFigures) -> Outcome {
        var activity = ledger.activity
        activity.mainMemoryBytes += ledger.spilled
        let units = (Double(hardware.units(.macLane)), Double(hardware.units(.softmax)), Double(hardware.units(.layerNorm)))
        var memoryDone = 0.0
        var computeDone = 0.0
        var memoryStall = 0.0
        for l in 0..<ledger.levels {
            var spread = 0.0
            spread = max(spread, (ledger.work[l * 3] / units.0).rounded(.up))
            spread = max(spread, (ledger.work[l * 3 + 1] / units.1).rounded(.up))
            spread = max(spread, (ledger.work[l * 3 + 2] / units.2).rounded(.up))
            let compute = max(spread, ledger.minimum[l]) + ledger.latency[l]
            memoryDone += ledger.memory[l]
            if memoryDone > computeDone { memoryStall += memoryDone - computeDone }
            computeDone = max(computeDone, memoryDone) + compute
        }
        let cycles = Int(computeDone.rounded(.up))
        activity.cycles = Double(cycles)
        var stalls = StallBreakdown()
        stalls.memory = Int(memoryStall.rounded())
        return Outcome(
            cycles: cycles, activity: activity, spilled: ledger.spilled, stalls: stalls, tiles: ledger.tiles,
            effectualMACs: ledger.effectualMACs, denseMACs: ledger.denseMACs, operations: ledger.operations,
            largestLayerValues: footprint.largestLayerValues, activationValues: footprint.activationValues)
    }
}
