/// One kind of operation of a transformer (a head type, the feed-forward stack, a layer-norm,
/// a residual, a projection, the embedding), written once: its forward steps, with their
/// shapes and where their operands come from (paper Section III-B2).
///
/// The backward pass follows from `BackwardRule`, and everything the simulator's two modes
/// need beyond the shapes is derived here when the recipe is made: each step's dependency
/// level, the level of its backward operations, and who reads each result last. The mapper
/// (`Mapper`) expands recipes into operations; the fast mode (`FastEstimator`) walks them,
/// counting identical heads instead of repeating them. A recipe's result is its last step's,
/// and every step must feed it. A class: the walks pass recipes around by the dozen per
/// layer, and a struct of a dozen arrays would be copied (and reference-counted) each time.
final class OperationRecipe: Sendable {
    /// A backward operation of a step: the step, then the operation's index among the
    /// step's backward operations (`BackwardRule` order).
    struct BackwardPosition: Sendable, Equatable {
        let step: Int
        let operation: Int
    }

    /// For messages and the documentation.
    let name: String
    /// Number of inputs (results of other recipes) the steps read.
    let inputCount: Int
    let steps: [RecipeStep]

    /// Each step's dependency level, counted from the latest of the recipe's inputs (a
    /// recipe starts once all its inputs are in).
    let levels: [Int]
    /// Each step's backward operations' level, counted from the last step's.
    let backwardLevels: [Int]
    /// For each input, the deepest backward level of a step reading it: its producer's
    /// gradient comes one level later.
    let inputGradientDepths: [Int]

    /// For each input, whether a backward operation of this recipe reads it.
    let inputsReadBackward: [Bool]
    /// Whether the backward pass reads the recipe's result itself (a softmax or layer-norm
    /// gradient reads its own output): then only the backward pass frees it.
    let backwardReadsOutput: Bool

    // The walks' view of the steps, kept apart so reading one does not copy a whole step.
    /// Each step's shape.
    let shapes: [ShapeFormula]
    /// Whether activations feed each step's left operand, and its right operand.
    let hasLeftInputs: [Bool]
    let hasRightInputs: [Bool]
    /// The step of each backward operation, numbered step by step in `BackwardRule` order.
    let operationSteps: [Int]
    /// What each backward operation's gradient belongs to.
    let gradientTargets: [GradientTarget]
    /// The buffer events of one instance: forward-only, forward in training, backward.
    let forwardEvents: [LivenessEvent]
    let trainingForwardEvents: [LivenessEvent]
    let backwardEvents: [LivenessEvent]

    /// The dependency depth: the last step's level.
    var depth: Int { levels[levels.count - 1] }
    /// The last step, whose result is the recipe's.
    var output: Int { steps.count - 1 }

    init(_ name: String, inputs: Int, _ steps: [RecipeStep]) {
        self.name = name
        inputCount = inputs
        self.steps = steps
        let n = steps.count

        // Forward levels: one more than the deepest operand (inputs count as level 0).
        var levels = [Int](repeating: 0, count: n)
        for (s, step) in steps.enumerated() {
            var level = 0
            for operand in step.operands {
                if case .step(let t) = operand {
                    precondition(t < s, "\(name): step \(s) reads a later step")
                    level = max(level, levels[t])
                }
            }
            levels[s] = level + 1
        }
        self.levels = levels

        // Readers of each step and input, in program order.
        var readers = [[Int]](repeating: [], count: n)
        var inputReaders = [[Int]](repeating: [], count: inputs)
        for (s, step) in steps.enumerated() {
            for operand in step.operands {
                switch operand {
                case .step(let t): if readers[t].last != s { readers[t].append(s) }
                case .input(let i): if inputReaders[i].last != s { inputReaders[i].append(s) }
                }
            }
        }
        for s in 0..<(n - 1) { precondition(!readers[s].isEmpty, "\(name): step \(s) feeds nothing") }

        // Backward levels: the gradient of a result comes one level after its readers'.
        var backwardLevels = [Int](repeating: 0, count: n)
        for s in stride(from: n - 2, through: 0, by: -1) {
            backwardLevels[s] = 1 + readers[s].map { backwardLevels[$0] }.max()!
        }
        self.backwardLevels = backwardLevels
        inputGradientDepths = inputReaders.map { $0.map { backwardLevels[$0] }.max() ?? 0 }

        // The backward operations of each step, and which operands each reads. The kinds do
        // not depend on the sizes, so any sizes do.
        let probe = RecipeDimensions(batch: 1, sequence: 1, hidden: 1, head: 1, previousHidden: 1, stageInput: 1, stageOutput: 1)
        var reads = [[BackwardStep.Reads]](repeating: [], count: n)
        for (s, step) in steps.enumerated() {
            BackwardRule.forEachStep(
                of: step.shape.evaluate(probe).kind, hasLeftInputs: !step.left.isEmpty,
                hasRightInputs: !step.right.isEmpty, optimizer: .sgd
            ) { reads[s].append($0.reads) }
        }
        /// The operands a backward operation of step `s` reads.
        func operandsRead(_ s: Int, _ r: BackwardStep.Reads) -> [RecipeStep.Operand] {
            switch r {
            case .nothing: []
            case .leftInputs: steps[s].left
            case .rightInputs: steps[s].right
            case .forwardOutput: [.step(s)]
            }
        }
        // Backward program order is steps last to first, each step's operations in order;
        // the last reader of a result is the last of its readers in that order.
        var lastBackward = [BackwardPosition?](repeating: nil, count: n)
        var lastBackwardInput = [BackwardPosition?](repeating: nil, count: inputs)
        for s in stride(from: n - 1, through: 0, by: -1) {
            for (j, r) in reads[s].enumerated() {
                for operand in operandsRead(s, r) {
                    switch operand {
                    case .step(let t): lastBackward[t] = BackwardPosition(step: s, operation: j)
                    case .input(let i): lastBackwardInput[i] = BackwardPosition(step: s, operation: j)
                    }
                }
            }
        }
        inputsReadBackward = lastBackwardInput.map { $0 != nil }
        backwardReadsOutput = lastBackward[n - 1] != nil
        var backwardReleases = reads.map { [[Int]](repeating: [], count: $0.count) }
        for t in 0..<n {
            if let p = lastBackward[t] { backwardReleases[p.step][p.operation].append(t) }
        }

        var forwardReleases = [[Int]](repeating: [], count: n)
        var trainingForwardReleases = [[Int]](repeating: [], count: n)
        for t in 0..<(n - 1) {
            let last = readers[t].last!
            forwardReleases[last].append(t)
            if lastBackward[t] == nil { trainingForwardReleases[last].append(t) }
        }

        shapes = steps.map(\.shape)
        hasLeftInputs = steps.map { !$0.left.isEmpty }
        hasRightInputs = steps.map { !$0.right.isEmpty }
        var operationSteps: [Int] = []
        var firstOperation: [Int] = []
        var gradientTargets: [GradientTarget] = []
        for (s, step) in steps.enumerated() {
            firstOperation.append(operationSteps.count)
            BackwardRule.forEachStep(
                of: step.shape.evaluate(probe).kind, hasLeftInputs: !step.left.isEmpty,
                hasRightInputs: !step.right.isEmpty, optimizer: .sgd
            ) { op in
                operationSteps.append(s)
                let side: [RecipeStep.Operand]
                switch op.produces {
                case .leftGradient: side = step.left
                case .rightGradient: side = step.right
                case .nothing, .weightGradient: side = []
                }
                var inputs: [Int] = []
                var earliest = Int.max
                for operand in side {
                    switch operand {
                    case .input(let k): inputs.append(k)
                    case .step(let t): earliest = min(earliest, t)
                    }
                }
                // Inputs come before any step of the recipe.
                gradientTargets.append(
                    inputs.count > 1
                        ? .earliestInput(step: s, left: op.produces == .leftGradient)
                        : inputs.count == 1 ? .input(inputs[0]) : earliest < Int.max ? .step(earliest) : .none)
            }
        }
        self.operationSteps = operationSteps
        self.gradientTargets = gradientTargets

        func forward(_ releases: [[Int]]) -> [LivenessEvent] {
            var events: [LivenessEvent] = []
            for s in 0..<n {
                events.append(.produce(step: s))
                events += releases[s].map { .release(step: $0) }
                for k in 0..<inputs where inputReaders[k].last == s { events.append(.inputRead(k)) }
            }
            return events
        }
        forwardEvents = forward(forwardReleases)
        trainingForwardEvents = forward(trainingForwardReleases)
        var backward: [LivenessEvent] = []
        for s in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<reads[s].count {
                backward.append(.produceGradient(operation: firstOperation[s] + j))
                backward += backwardReleases[s][j].map { .release(step: $0) }
                for k in 0..<inputs where lastBackwardInput[k] == BackwardPosition(step: s, operation: j) { backward.append(.inputRead(k)) }
                if j == reads[s].count - 1 { backward.append(.releaseGradient(step: s)) }
            }
        }
        backwardEvents = backward
    }
}
