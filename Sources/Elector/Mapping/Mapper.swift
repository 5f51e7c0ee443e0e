import DesignSpace

/// Turns a FlexiBERT 2.0 model into hardware-mappable operations (paper Section III-B2)
/// for a batch, in program order, with their dependencies; training adds the backward pass
/// and the weight update (paper Table I).
///
/// The operations are the recipes' (`OperationRecipe`, strung together by `LayerBlock`)
/// expanded step by step; their backward operations follow `BackwardRule`.
package struct Mapper: Sendable {
    package let model: TransformerModel
    package let batchSize: Int
    package let sequenceLength: Int
    package let workload: Workload
    package let optimizer: Optimizer
    /// The contraction paths of the model's tensor-train matrices.
    package let plans: ContractionPlans

    /// A mapper; `plans` nil contracts each tensor-train matrix along its fewest-MAC path.
    package init(
        model: TransformerModel, batchSize: Int, sequenceLength: Int = 128, workload: Workload, optimizer: Optimizer = .sgd,
        plans: ContractionPlans? = nil
    ) {
        self.model = model
        self.batchSize = batchSize
        self.sequenceLength = sequenceLength
        self.workload = workload
        self.optimizer = optimizer
        self.plans = plans ?? .fewestMACs(model, sequenceLength: sequenceLength)
    }

    /// Forward-pass bookkeeping the backward pass needs.
    struct ForwardRecord {
        let id: Int
        /// Activations feeding the left operand (or the only activation input).
        let leftInputs: [Int]
        /// Activations feeding the right operand, when it is an activation too.
        let rightInputs: [Int]
    }

    /// The operations, in program order.
    package func operations() -> [MappedOperation] {
        var builder = Builder()
        var records: [ForwardRecord] = []
        // At most about ten forward operations per head plus a dozen per layer; training
        // roughly triples them. Reserving once avoids regrowing arrays of large records.
        let forwardEstimate = model.layers.reduce(4) { $0 + 10 * $1.heads.count + 12 + $1.feedForward.count }
        builder.operations.reserveCapacity(workload == .training ? 4 * forwardEstimate : forwardEstimate)
        records.reserveCapacity(forwardEstimate)

        /// Expands instance `i` of block `b` of `layer` reading `inputs` (ids per recipe
        /// input); returns the id of its result.
        func expand(_ layer: LayerStructure, block b: Int, instance i: Int, inputs: [[Int]]) -> Int {
            let recipe = layer.recipe(of: b, instance: i)
            let dims = layer.dimensions(of: b, instance: i)
            var ids: [Int] = []
            ids.reserveCapacity(recipe.steps.count)
            func resolve(_ operands: [RecipeStep.Operand]) -> [Int] {
                operands.flatMap { operand -> [Int] in
                    switch operand {
                    case .input(let k): inputs[k]
                    case .step(let t): [ids[t]]
                    }
                }
            }
            for (s, step) in recipe.steps.enumerated() {
                let shape = step.shape.evaluate(dims)
                let left = resolve(step.left)
                let right = resolve(step.right)
                let id = builder.add(
                    label: layer.label(of: b, instance: i, step: s), layer: layer.number, phase: .forward, kind: shape.kind,
                    dependencies: left + right, load: shape.load, output: shape.outputValues, outputKind: .activation)
                records.append(ForwardRecord(id: id, leftInputs: left, rightInputs: right))
                ids.append(id)
            }
            return ids[recipe.output]
        }

        var layers = [LayerStructure.embedding(of: model, batchSize: batchSize, sequenceLength: sequenceLength)]
        for j in model.layers.indices {
            layers.append(LayerStructure(model, layer: j, batchSize: batchSize, sequenceLength: sequenceLength, plans: plans))
        }
        var x: [Int] = []  // the layer input's id
        for layer in layers {
            // The results of each block: one per head for the heads.
            var results = [[Int]](repeating: [], count: layer.blocks.count)
            for b in layer.blocks.indices where layer.isPresent(b) {
                let inputs = layer.blocks[b].inputs.indices.map { k -> [Int] in
                    switch layer.source(of: b, input: k) {
                    case .layerInput: x
                    case .block(let a): results[a]
                    }
                }
                switch layer.blocks[b].content {
                case .recipe:
                    results[b] = [expand(layer, block: b, instance: 0, inputs: inputs)]
                case .heads:
                    results[b] = (0..<layer.instances(of: b)).map { expand(layer, block: b, instance: $0, inputs: inputs) }
                case .feedForwardStack:
                    var stage = inputs[0]
                    for i in 0..<layer.instances(of: b) { stage = [expand(layer, block: b, instance: i, inputs: [stage])] }
                    results[b] = stage
                }
            }
            x = results[layer.blocks.count - 1]
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
            BackwardRule.forEachStep(
                of: f.kind, hasLeftInputs: !record.leftInputs.isEmpty, hasRightInputs: !record.rightInputs.isEmpty,
                optimizer: optimizer
            ) { step in
                let reads: [Int] =
                    switch step.reads {
                    case .nothing: []
                    case .leftInputs: record.leftInputs
                    case .rightInputs: record.rightInputs
                    case .forwardOutput: [f.id]
                    }
                let id = builder.add(
                    label: f.label.with(stage: step.stage), layer: f.layer, phase: .backward, kind: step.kind,
                    dependencies: upstream + reads, load: step.loadValues, output: step.outputValues,
                    outputKind: .gradient)
                switch step.produces {
                case .nothing: break
                case .leftGradient: for input in record.leftInputs { gradients[input].append(id) }
                case .rightGradient: for input in record.rightInputs { gradients[input].append(id) }
                case .weightGradient: weightGradients.append((f.id, id, f.loadValues))
                }
            }
        }
        for (forwardID, dW, values) in weightGradients {
            let f = builder.operations[forwardID]
            let update = BackwardRule.update(values: values, optimizer: optimizer)
            builder.add(
                label: f.label.with(stage: "update"), layer: f.layer, phase: .update, kind: update.kind,
                dependencies: [dW], load: update.load, store: update.store, output: 0, outputKind: .gradient)
        }
    }

    /// Accumulates operations with consecutive ids.
    struct Builder {
        var operations: [MappedOperation] = []

        @discardableResult
        mutating func add(
            label: OperationLabel, layer: Int, phase: MappedOperation.Phase, kind: MappedOperation.Kind, dependencies: [Int],
            load: Int, store: Int = 0, output: Int, outputKind: MatrixKind
        ) -> Int {
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
            operations.append(
                MappedOperation(
                    id: id, label: label, layer: layer, phase: phase, kind: kind, dependencies: unique,
                    loadValues: load, storeValues: store, outputValues: output, outputKind: outputKind))
            return id
        }
    }
}
