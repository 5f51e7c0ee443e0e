/// The programs `LayerCompiler` writes.
package enum ProgramKind: String, Sendable, CaseIterable {
    /// relu(A x W) with the reduction over the feed-forward size (K accumulation).
    case matmul
    /// One encoder layer: an attention head (Q, K, V, Q K^T, softmax, times V, output
    /// projection, residual, layer-norm) and the feed-forward block (two matmuls, residual,
    /// layer-norm).
    case layer
    /// A training step on the output projection: forward, the weight gradient (one backward
    /// matmul) and the weight update W - lr * dW.
    case training
}
