/// The backward pass of any forward operation (paper Table I), written once for the mapper
/// and the fast mode: which gradient operations a forward operation gives, their shapes,
/// what each reads and what it is the gradient of.
enum BackwardRule {
    /// Calls `body` with each backward operation of a forward operation of `kind`, in program
    /// order. `hasLeftInputs` and `hasRightInputs` say whether activations feed its left and
    /// right operands. A closure rather than an array: the fast mode calls this for every
    /// recipe step of every layer, and must not allocate.
    @inline(__always)
    static func forEachStep(
        of kind: MappedOperation.Kind, hasLeftInputs: Bool, hasRightInputs: Bool, optimizer: Optimizer,
        _ body: (BackwardStep) -> Void
    ) {
        switch kind {
        case .matmul(let B, let m, let k, let n, let left, let right, let banded, let shared):
            let hasWeight = left == .weight || right == .weight
            // dLeft = dY . Right^T  and  dRight = Left^T . dY.
            if hasLeftInputs {
                body(
                    BackwardStep(
                        stage: "grad_left",
                        kind: .matmul(batch: B, m: m, k: n, n: k, left: .gradient, right: right, bandedK: nil, sharedRight: shared),
                        outputValues: B * m * k, loadValues: 0, reads: .rightInputs, produces: .leftGradient))
            }
            if shared && hasWeight {
                // dW sums over the batch: one (k x B*m) . (B*m x n) product.
                body(
                    BackwardStep(
                        stage: "grad_weight",
                        kind: .matmul(
                            batch: 1, m: k, k: B * m, n: n, left: .activation, right: .gradient, bandedK: nil, sharedRight: false),
                        outputValues: k * n, loadValues: 0, reads: .leftInputs, produces: .weightGradient))
            } else if hasRightInputs {
                body(
                    BackwardStep(
                        stage: "grad_right",
                        kind: .matmul(
                            batch: B, m: k, k: m, n: n, left: left == .fixed ? .fixed : .gradient, right: .gradient,
                            bandedK: banded, sharedRight: false),
                        outputValues: B * k * n, loadValues: 0, reads: .leftInputs, produces: .rightGradient))
                if hasWeight, let kernel = banded {
                    // DSC kernel gradient: dY . H^T restricted to the k diagonals.
                    body(
                        BackwardStep(
                            stage: "grad_kernel",
                            kind: .matmul(
                                batch: B, m: m, k: n, n: kernel, left: .gradient, right: .activation, bandedK: nil, sharedRight: false),
                            outputValues: kernel * n, loadValues: 0, reads: .rightInputs, produces: .weightGradient))
                }
            }
        case .factored(let B, let products, _):
            if hasLeftInputs {
                body(
                    BackwardStep(
                        stage: "grad_left", kind: .factored(batch: B, products: products, pass: .inputGradient),
                        outputValues: products.outputValues(.inputGradient, batch: B), loadValues: 0, reads: .nothing,
                        produces: .leftGradient))
            }
            body(
                BackwardStep(
                    stage: "grad_weight", kind: .factored(batch: B, products: products, pass: .weightGradient),
                    outputValues: products.parameterCount, loadValues: 0, reads: .leftInputs, produces: .weightGradient))
        case .softmax(let rows, let columns):
            body(
                BackwardStep(
                    stage: "grad", kind: .softmax(rows: rows, columns: columns), outputValues: rows * columns,
                    loadValues: 0, reads: .forwardOutput, produces: .leftGradient))
        case .layerNorm(let rows, let columns):
            body(
                BackwardStep(
                    stage: "grad", kind: .layerNorm(rows: rows, columns: columns), outputValues: rows * columns,
                    loadValues: 0, reads: .forwardOutput, produces: .leftGradient))
        case .elementwise(let elements, _, _):
            if hasLeftInputs {
                body(
                    BackwardStep(
                        stage: "grad", kind: .elementwise(elements: elements, opsPerElement: 1, operand: .gradient),
                        outputValues: elements, loadValues: 0, reads: .nothing, produces: .leftGradient))
            } else {
                // Embedding rows touched by the batch are updated in place.
                body(
                    BackwardStep(
                        stage: "update", kind: .elementwise(elements: elements, opsPerElement: optimizer.opsPerWeight, operand: .gradient),
                        outputValues: 0, loadValues: elements * optimizer.stateTensors, reads: .nothing, produces: .nothing))
            }
        }
    }

    /// The optimizer step of a weight of `values` entries, in the update phase: it reads the
    /// weight and the optimizer's state and writes them back.
    static func update(values: Int, optimizer: Optimizer) -> (kind: MappedOperation.Kind, load: Int, store: Int) {
        let state = values * (1 + optimizer.stateTensors)
        return (.elementwise(elements: values, opsPerElement: optimizer.opsPerWeight, operand: .gradient), state, state)
    }

    /// Whether any backward operation of a forward operation reads the activations of its
    /// left (`left` true) or right operand: if none does, the forward pass may free them.
    static func readsInputs(of kind: MappedOperation.Kind, left: Bool, hasLeftInputs: Bool, hasRightInputs: Bool) -> Bool {
        var reads = false
        forEachStep(of: kind, hasLeftInputs: hasLeftInputs, hasRightInputs: hasRightInputs, optimizer: .sgd) { step in
            if step.reads == (left ? .leftInputs : .rightInputs) { reads = true }
        }
        return reads
    }
}
