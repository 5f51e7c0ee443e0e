/// One event in a recipe instance's use of the activation/gradient buffer, in program order:
/// the fast mode's liveness walk replays a recipe's events (`OperationRecipe.forwardEvents`
/// and the like), derived once from its steps and the backward rule, for every instance.
enum LivenessEvent: Sendable {
    /// Step s's forward result enters the buffer.
    case produce(step: Int)
    /// Step s's forward result leaves: its last reader has run.
    case release(step: Int)
    /// Input k has been read for the last time by this instance (forward: by a step;
    /// backward: by a backward operation). Whether it leaves depends on the other readers,
    /// which only the layer knows.
    case inputRead(Int)
    /// Backward operation o (numbered step by step, `OperationRecipe.operationSteps`)
    /// produces its result.
    case produceGradient(operation: Int)
    /// The gradient belonging to step s's result leaves: s's last backward operation has run.
    case releaseGradient(step: Int)
}
