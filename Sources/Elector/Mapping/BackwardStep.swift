/// One backward operation derived from a forward one by `BackwardRule`.
struct BackwardStep {
    /// The forward results it reads besides the gradient of the forward output.
    enum Reads {
        case nothing
        /// The activations feeding the forward operation's left operand.
        case leftInputs
        /// The activations feeding its right operand.
        case rightInputs
        /// The forward operation's own output (softmax and layer-norm gradients).
        case forwardOutput
    }

    /// What its result is the gradient of.
    enum Produces {
        case nothing
        /// Of the left operand's activations (each of them, when there are several).
        case leftGradient
        /// Of the right operand's activations.
        case rightGradient
        /// Of the forward operation's weight: the weight update reads it at the end.
        case weightGradient
    }

    /// `grad_left`, `grad_right`, `grad_weight`, `grad_kernel`, `grad` or `update`.
    let stage: StaticString
    let kind: MappedOperation.Kind
    /// Dense values of the result (a gradient).
    let outputValues: Int
    /// Dense values loaded from main memory (optimizer state of an in-place update).
    let loadValues: Int
    let reads: Reads
    let produces: Produces
}
