/// An order of pairwise contractions that computes Y[rows, N] = X[rows, K] W with W in
/// tensor-train form. Tensor 0 is X, tensors 1 to d are the cores; step j's result is
/// tensor d + 1 + j; the last step's result is Y, with indices `rows, n_1 ... n_d` after a
/// final relabelling that the mapping folds into the store addresses.
package struct ContractionPath: Hashable, Sendable {
    package let shape: ContractionShape
    package let steps: [ContractionStep]
    /// The cost the search minimised, in its model's unit.
    package let cost: Double

    /// Multiply-accumulates over all steps.
    package var macs: Int { steps.reduce(0) { $0 + $1.macs } }

    /// Values of every intermediate result (not Y), the buffer traffic the path adds.
    package var intermediateValues: Int {
        steps.dropLast().reduce(0) { $0 + $1.m * $1.n }
    }

    /// The order in which the cores meet X or each other, as `((X, G2), G1)`.
    package var description: String {
        var names = ["X"] + (1...shape.tensorTrain.coreCount).map { "G\($0)" }
        for step in steps { names.append("(\(names[step.left]) \(names[step.right]))") }
        return names.last!
    }
}
