/// One tile-level instruction of the controller (docs/isa.md). The encoding is frozen per
/// `Instruction.isaVersion`: 128 bits, opcode in bits 7:0, fields at fixed positions.
package enum Instruction: Sendable, Equatable {
    /// Main memory -> buffer: `rows` buffer words from `memoryAddress`, `stride` bytes apart.
    case load(Transfer)
    /// Activation or mask buffer -> main memory, in the stored (zero-free) form.
    case store(Transfer)
    /// One matmul tile on a PE: the activation tile at `source` times the lanes' stationary
    /// columns (weight words `weights` ..), accumulated into the PE's partial sums.
    case matmul(Matmul)
    /// Softmax of each row of the tile at `source` on a PE, written back to `destination`.
    case softmax(RowOperation)
    /// Layer-norm of each row; gamma and beta are rows 0 and 1 of activation word `parameters`.
    case layerNorm(RowOperation, parameters: Int)
    /// The vector unit: `destination` = f(tile `a`, tile `b`, `scalar`).
    case elementwise(Elementwise)
    /// Transposes each X x X block of the tile at `source` into `destination`.
    case transpose(source: Int, destination: Int)
    /// Sets the DynaProp thresholds (magnitudes, in the datapath's fixed point) for later PE
    /// operations: `tau` for the activation tiles, `weightTau` for the weight columns the
    /// lanes load (a weight below it, or zero, is ineffectual and its MAC is skipped); 0 turns
    /// that pruning off (zero weights are always skipped).
    case prune(tau: Int64, weightTau: Int64 = 0)
    /// Waits until every issued instruction has completed.
    case barrier
    /// Waits like a barrier, then raises done.
    case end

    /// Version of the encoding; bump it (and keep decoding the old one) on any change.
    /// Version 2 added `prune`'s weight threshold (bits 63:40, 0 in every version 1 word).
    /// Version 3 added `ewise`'s `dense` function (4) and stores of mask words, with zero-free
    /// storage in the activation buffer (docs/isa.md); every older word decodes as before.
    package static let isaVersion = 3
    /// The oldest version this build still reads: every version 1 and 2 word decodes to the
    /// same instruction in 3 (an old program's memory image must hold its tiles zero-free).
    package static let oldestReadableVersion = 1

    /// A DMA transfer (fields as in the DMA contract's command port).
    package struct Transfer: Sendable, Equatable {
        package var buffer: BufferTarget
        package var bufferAddress: Int
        package var rows: Int
        package var memoryAddress: Int
        package var stride: Int
        package init(buffer: BufferTarget, bufferAddress: Int, rows: Int, memoryAddress: Int, stride: Int) {
            (self.buffer, self.bufferAddress, self.rows, self.memoryAddress, self.stride) =
                (buffer, bufferAddress, rows, memoryAddress, stride)
        }
    }

    /// A matmul tile and its place in a K-reduction.
    package struct Matmul: Sendable, Equatable {
        package var pe: Int
        package var source: Int
        package var weights: Int
        /// Output columns group * lanes ..< min((group + 1) * lanes, X) of the tile.
        package var group: Int
        package var destination: Int
        /// First tile of the reduction: the partial sums are overwritten, not added to.
        package var start: Bool
        /// Last tile: the partial sums are saturated, optionally activated, and written back.
        package var finish: Bool
        /// Apply the design's activation (ReLU or GeLU) at `finish`.
        package var activate: Bool
        /// Transpose the activation tile's X x X blocks before use.
        package var transpose: Bool
        /// The lanes already hold the right columns: skip loading them.
        package var keepWeights: Bool
        package init(
            pe: Int, source: Int, weights: Int, group: Int = 0, destination: Int, start: Bool, finish: Bool,
            activate: Bool = false, transpose: Bool = false, keepWeights: Bool = false
        ) {
            (self.pe, self.source, self.weights, self.group, self.destination) = (pe, source, weights, group, destination)
            (self.start, self.finish, self.activate, self.transpose, self.keepWeights) = (start, finish, activate, transpose, keepWeights)
        }
    }

    /// A row-wise PE operation (softmax, layer-norm).
    package struct RowOperation: Sendable, Equatable {
        package var pe: Int
        package var source: Int
        package var destination: Int
        package var transpose: Bool
        package init(pe: Int, source: Int, destination: Int, transpose: Bool = false) {
            (self.pe, self.source, self.destination, self.transpose) = (pe, source, destination, transpose)
        }
    }

    /// A vector-unit operation.
    package struct Elementwise: Sendable, Equatable {
        package var function: ElementwiseFunction
        package var a: Int
        package var b: Int
        package var destination: Int
        /// In the datapath's fixed point (24-bit field, two's complement).
        package var scalar: Int64
        package init(function: ElementwiseFunction, a: Int, b: Int = 0, destination: Int, scalar: Int64 = 0) {
            (self.function, self.a, self.b, self.destination, self.scalar) = (function, a, b, destination, scalar)
        }
    }

    /// The mnemonic used in errors and listings.
    package var mnemonic: String {
        switch self {
        case .load: return "load"
        case .store: return "store"
        case .matmul: return "matmul"
        case .softmax: return "softmax"
        case .layerNorm: return "layernorm"
        case .elementwise(let e): return "ewise.\(e.function.name)"
        case .transpose: return "transpose"
        case .prune: return "prune"
        case .barrier: return "barrier"
        case .end: return "end"
        }
    }
}
