import DesignSpace

/// Turns a FlexiBERT 2.0 model into hardware-mappable operations (paper Section III-B2)
/// for a batch, in program order, with their dependencies; training adds the backward pass
/// and the weight update (paper Table I).
///
/// Conventions: every head receives its own input projection h -> d; LT heads multiply by the
/// stored N_T x N_T DFT (real part) or DCT matrix; DSC-k heads are the equivalent banded matrix
/// multiplication with k non-zero diagonals; a projection h_prev -> h joins layers of different
/// hidden size; the activation runs inside the MAC lanes of the feed-forward matmuls.
public struct Mapper: Sendable {
    public let model: TransformerModel
    public let batchSize: Int
    public let sequenceLength: Int
    public let workload: Workload
    public let optimizer: Optimizer

    public init(model: TransformerModel, batchSize: Int, sequenceLength: Int = 128, workload: Workload, optimizer: Optimizer = .sgd) {
        self.model = model
        self.batchSize = batchSize
        self.sequenceLength = sequenceLength
        self.workload = workload
        self.optimizer = optimizer
    }

    /// Forward-pass bookkeeping the backward pass needs.
    struct ForwardRecord {
        let id: Int
        /// Activations feeding the left operand (or the only activation input).
        let leftInputs: [Int]
        /// Activations feeding the right operand, when it is an activation too.
        let rightInputs: [Int]
        let hasWeight: Bool
    }

    /// The operations, in program order.
    public func operations() -> [MappedOperation] {
        var builder = Builder()
        var records: [ForwardRecord] = []
        // At most about ten forward operations per head plus a dozen per layer; training
        // roughly triples them. Reserving once avoids regrowing arrays of large records.
        let forwardEstimate = model.layers.reduce(4) { $0 + 10 * $1.heads.count + 12 + $1.feedForward.count }
        builder.operations.reserveCapacity(workload == .training ? 4 * forwardEstimate : forwardEstimate)
        records.reserveCapacity(forwardEstimate)
        let B = batchSize
        let N = sequenceLength
        let h0 = model.layers[0].hiddenSize

        func matmul(_ name: OperationLabel, layer: Int, m: Int, k: Int, n: Int, left: MatrixKind, right: MatrixKind,
                    banded: Int? = nil, shared: Bool, leftInputs: [Int], rightInputs: [Int], weightValues: Int) -> Int {
            let id = builder.add(
                label: name, layer: layer, phase: .forward,
                kind: .matmul(batch: B, m: m, k: k, n: n, left: left, right: right, bandedK: banded, sharedRight: shared),
                dependencies: leftInputs + rightInputs, load: weightValues, output: B * m * n, outputKind: .activation)
            records.append(ForwardRecord(id: id, leftInputs: leftInputs, rightInputs: rightInputs, hasWeight: weightValues > 0))
            return id
        }
        func other(_ name: OperationLabel, layer: Int, kind: MappedOperation.Kind, inputs: [Int], output: Int, load: Int = 0) -> Int {
            let id = builder.add(label: name, layer: layer, phase: .forward, kind: kind, dependencies: inputs,
                                 load: load, output: output, outputKind: .activation)
            records.append(ForwardRecord(id: id, leftInputs: inputs, rightInputs: [], hasWeight: false))
            return id
        }

        // Token + position + segment embeddings are looked up in main memory and summed.
        let embed = other(OperationLabel(role: "embedding"), layer: 0, kind: .elementwise(elements: B * N * h0, opsPerElement: 2, operand: .activation),
                          inputs: [], output: B * N * h0, load: 3 * B * N * h0)
        var x = other(OperationLabel(role: "layer_norm"), layer: 0, kind: .layerNorm(rows: B * N, columns: h0), inputs: [embed], output: B * N * h0)
        var previous = h0

        for (j, layer) in model.layers.enumerated() {
            let L = j + 1
            let h = layer.hiddenSize
            let d = layer.headSize
            if previous != h {
                x = matmul(OperationLabel(role: "projection"), layer: L, m: N, k: previous, n: h, left: .activation, right: .weight,
                           shared: true, leftInputs: [x], rightInputs: [], weightValues: previous * h)
            }
            var contexts: [Int] = []
            for (i, head) in layer.heads.enumerated() {
                func hl(_ role: StaticString) -> OperationLabel { OperationLabel(head: i + 1, headOperation: head, role: role) }
                switch head {
                case .saSDP, .saWMA:
                    var q = matmul(hl("q"), layer: L, m: N, k: h, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [x], rightInputs: [], weightValues: h * d)
                    let k = matmul(hl("k"), layer: L, m: N, k: h, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [x], rightInputs: [], weightValues: h * d)
                    let v = matmul(hl("v"), layer: L, m: N, k: h, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [x], rightInputs: [], weightValues: h * d)
                    if head == .saWMA {
                        q = matmul(hl("q_wa"), layer: L, m: N, k: d, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [q], rightInputs: [], weightValues: d * d)
                    }
                    // Scores Q K^T; the 1/sqrt(h) scaling folds into the softmax input shift.
                    let s = matmul(hl("scores"), layer: L, m: N, k: d, n: N, left: .activation, right: .activation,
                                   shared: false, leftInputs: [q], rightInputs: [k], weightValues: 0)
                    let sm = other(hl("softmax"), layer: L, kind: .softmax(rows: B * N, columns: N), inputs: [s], output: B * N * N)
                    contexts.append(matmul(hl("context"), layer: L, m: N, k: N, n: d, left: .activation, right: .activation,
                                           shared: false, leftInputs: [sm], rightInputs: [v], weightValues: 0))
                case .ltDFT, .ltDCT:
                    let v = matmul(hl("v"), layer: L, m: N, k: h, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [x], rightInputs: [], weightValues: h * d)
                    // The stored N x N transform matrix is the fixed left operand.
                    let id = builder.add(
                        label: hl("transform"), layer: L, phase: .forward,
                        kind: .matmul(batch: B, m: N, k: N, n: d, left: .fixed, right: .activation, bandedK: nil, sharedRight: false),
                        dependencies: [v], load: N * N, output: B * N * d, outputKind: .activation)
                    records.append(ForwardRecord(id: id, leftInputs: [], rightInputs: [v], hasWeight: false))
                    contexts.append(id)
                case .dsc5, .dsc9, .dsc13:
                    let kernel = head.kernelSize!
                    let v = matmul(hl("v"), layer: L, m: N, k: h, n: d, left: .activation, right: .weight, shared: true,
                                   leftInputs: [x], rightInputs: [], weightValues: h * d)
                    // The learned kernel becomes a banded N x N matrix with k non-zero diagonals.
                    let id = builder.add(
                        label: hl("conv"), layer: L, phase: .forward,
                        kind: .matmul(batch: B, m: N, k: N, n: d, left: .weight, right: .activation, bandedK: kernel, sharedRight: false),
                        dependencies: [v], load: kernel * d, output: B * N * d, outputKind: .activation)
                    records.append(ForwardRecord(id: id, leftInputs: [], rightInputs: [v], hasWeight: true))
                    contexts.append(id)
                }
            }
            let o = matmul(OperationLabel(role: "output"), layer: L, m: N, k: h, n: h, left: .activation, right: .weight, shared: true,
                           leftInputs: contexts, rightInputs: [], weightValues: h * h)
            let r1 = other(OperationLabel(role: "residual", index: 1), layer: L, kind: .elementwise(elements: B * N * h, opsPerElement: 1, operand: .activation),
                           inputs: [o, x], output: B * N * h)
            let n1 = other(OperationLabel(role: "layer_norm", index: 1), layer: L, kind: .layerNorm(rows: B * N, columns: h), inputs: [r1], output: B * N * h)
            var f = n1
            var width = h
            for (s, size) in (layer.feedForward + [h]).enumerated() {
                f = matmul(OperationLabel(role: "ff", index: s + 1), layer: L, m: N, k: width, n: size, left: .activation, right: .weight, shared: true,
                           leftInputs: [f], rightInputs: [], weightValues: width * size)
                width = size
            }
            let r2 = other(OperationLabel(role: "residual", index: 2), layer: L, kind: .elementwise(elements: B * N * h, opsPerElement: 1, operand: .activation),
                           inputs: [f, n1], output: B * N * h)
            x = other(OperationLabel(role: "layer_norm", index: 2), layer: L, kind: .layerNorm(rows: B * N, columns: h), inputs: [r2], output: B * N * h)
            previous = h
        }

        if workload == .training { appendBackward(records: records, builder: &builder) }
        return builder.operations
    }

    /// Backward pass in reverse program order, then weight updates.
    private func appendBackward(records: [ForwardRecord], builder: inout Builder) {
        // Forward operations are read through the builder, one at a time: a second reference
        // to its array would make the first append copy every operation (and lose the
        // reserved capacity).
        // gradients[f] = backward operations producing a gradient with respect to f's output.
        var gradients = [[Int]](repeating: [], count: builder.operations.count)
        var weightGradients: [(forward: Int, op: Int, values: Int)] = []

        for record in records.reversed() {
            let f = builder.operations[record.id]
            let upstream = gradients[f.id]
            let L = f.layer
            func add(_ suffix: StaticString, _ kind: MappedOperation.Kind, output: Int, outputKind: MatrixKind = .gradient,
                     extra: [Int] = [], load: Int = 0) -> Int {
                builder.add(label: f.label.with(stage: suffix), layer: L, phase: .backward, kind: kind,
                            dependencies: upstream + extra, load: load, output: output, outputKind: outputKind)
            }
            switch f.kind {
            case .matmul(let B, let m, let k, let n, let left, let right, let banded, let shared):
                // dLeft = dY . Right^T  and  dRight = Left^T . dY (Table I).
                if !record.leftInputs.isEmpty {
                    let dX = add("grad_left", .matmul(batch: B, m: m, k: n, n: k, left: .gradient, right: right,
                                                      bandedK: nil, sharedRight: shared),
                                 output: B * m * k, extra: record.rightInputs)
                    for input in record.leftInputs { gradients[input].append(dX) }
                }
                if shared && record.hasWeight {
                    // dW sums over the batch: one (k x B*m) . (B*m x n) product.
                    let dW = add("grad_weight", .matmul(batch: 1, m: k, k: B * m, n: n, left: .activation, right: .gradient,
                                                        bandedK: nil, sharedRight: false),
                                 output: k * n, extra: record.leftInputs)
                    weightGradients.append((f.id, dW, f.loadValues))
                } else if !record.rightInputs.isEmpty {
                    let dR = add("grad_right", .matmul(batch: B, m: k, k: m, n: n, left: left == .fixed ? .fixed : .gradient,
                                                       right: .gradient, bandedK: banded, sharedRight: false),
                                 output: B * k * n, extra: record.leftInputs)
                    for input in record.rightInputs { gradients[input].append(dR) }
                    if record.hasWeight, let kernel = banded {
                        // DSC kernel gradient: dY . H^T restricted to the k diagonals.
                        let dW = add("grad_kernel", .matmul(batch: B, m: m, k: n, n: kernel, left: .gradient, right: .activation,
                                                            bandedK: nil, sharedRight: false),
                                     output: kernel * n, extra: record.rightInputs)
                        weightGradients.append((f.id, dW, f.loadValues))
                    }
                }
            case .softmax(let rows, let columns):
                let id = add("grad", .softmax(rows: rows, columns: columns), output: rows * columns, extra: [f.id])
                for input in record.leftInputs { gradients[input].append(id) }
            case .layerNorm(let rows, let columns):
                let id = add("grad", .layerNorm(rows: rows, columns: columns), output: rows * columns, extra: [f.id])
                for input in record.leftInputs { gradients[input].append(id) }
            case .elementwise(let elements, _, _):
                if record.leftInputs.isEmpty {
                    // Embedding rows touched by the batch are updated in place.
                    let id = add("update", .elementwise(elements: elements, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                                 output: 0, load: elements * optimizer.stateTensors)
                    _ = id
                } else {
                    let id = add("grad", .elementwise(elements: elements, opsPerElement: 1, operand: .gradient), output: elements)
                    for input in record.leftInputs { gradients[input].append(id) }
                }
            }
        }
        for (forwardID, dW, values) in weightGradients {
            let f = builder.operations[forwardID]
            builder.add(
                label: f.label.with(stage: "update"), layer: f.layer, phase: .update,
                kind: .elementwise(elements: values, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                dependencies: [dW], load: values * (1 + optimizer.stateTensors),
                store: values * (1 + optimizer.stateTensors), output: 0, outputKind: .gradient)
        }
    }

    /// Accumulates operations with consecutive ids.
    struct Builder {
        var operations: [MappedOperation] = []

        @discardableResult
        mutating func add(label: OperationLabel, layer: Int, phase: MappedOperation.Phase, kind: MappedOperation.Kind, dependencies: [Int],
                          load: Int, store: Int = 0, output: Int, outputKind: MatrixKind) -> Int {
            let id = operations.count
            var unique = dependencies
            if unique.count > 1 {
                unique.sort()
                var kept = 1
                for i in 1..<unique.count where unique[i] != unique[kept - 1] {
                    unique[kept] = unique[i]
                    kept += 1
                }
                unique.removeLast(unique.count - kept)
            }
            operations.append(MappedOperation(
                id: id, label: label, layer: layer, phase: phase, kind: kind, dependencies: unique,
                loadValues: load, storeValues: store, outputValues: output, outputKind: outputKind))
            return id
        }
    }
}
