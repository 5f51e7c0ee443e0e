/// A weight matrix of an encoder layer that can be held in tensor-train form.
///
/// HEAT decomposes the projections and the feed-forward layers; here these are the layer's
/// output projection (h x h), each stage of its feed-forward stack (stage i maps the stack's
/// i-th width to the next, the last one back to h) and the projection that joins a layer to
/// a predecessor of another width. The head's own input projections (h x d per head) stay
/// dense: FlexiBERT 2.0 gives every head its own, and a d-column matrix is too narrow to
/// tensorise usefully.
public enum DecomposedMatrix: Hashable, Comparable, Sendable {
    /// The layer's output projection h -> h.
    case attentionOutput
    /// Stage `i` of the feed-forward stack (0-based).
    case feedForward(Int)
    /// The projection h_prev -> h in front of the layer.
    case projection

    /// The key in the model-dict JSON's `tt` objects: `out`, `ff0` ... `ff3`, `proj`.
    public var key: String {
        switch self {
        case .attentionOutput: "out"
        case .feedForward(let i): "ff\(i)"
        case .projection: "proj"
        }
    }

    /// Reads a `tt` key.
    public init?(key: String) {
        switch key {
        case "out": self = .attentionOutput
        case "proj": self = .projection
        default:
            guard key.hasPrefix("ff"), let i = Int(key.dropFirst(2)), (0...3).contains(i), key == "ff\(i)" else { return nil }
            self = .feedForward(i)
        }
    }

    /// The matrix's input and output widths in `layer`, fed by a layer of width
    /// `previousHidden`; nil when the layer has no such matrix (a stage past its stack, or a
    /// projection between layers of the same width).
    public func size(in layer: TransformerLayer, previousHidden: Int) -> (rows: Int, columns: Int)? {
        let h = layer.hiddenSize
        switch self {
        case .attentionOutput:
            return (h, h)
        case .projection:
            return previousHidden == h ? nil : (previousHidden, h)
        case .feedForward(let i):
            let widths = [h] + layer.feedForward + [h]
            return i + 1 < widths.count ? (widths[i], widths[i + 1]) : nil
        }
    }

    /// Every matrix of `layer` fed by a layer of width `previousHidden`, in key order.
    public static func all(in layer: TransformerLayer, previousHidden: Int) -> [DecomposedMatrix] {
        ([.attentionOutput] + (0...layer.feedForward.count).map { .feedForward($0) } + [.projection])
            .filter { $0.size(in: layer, previousHidden: previousHidden) != nil }
    }

    /// A matrix of one layer with its widths.
    public struct Sized: Hashable, Sendable {
        public let matrix: DecomposedMatrix
        public let rows: Int
        public let columns: Int
    }

    /// Every decomposable matrix of each of `layers` (a model's, first to last), in key
    /// order, with its widths: the one walk that knows which width feeds each layer.
    public static func sized(in layers: [TransformerLayer]) -> [[Sized]] {
        var previous = layers[0].hiddenSize
        return layers.map { layer in
            defer { previous = layer.hiddenSize }
            return all(in: layer, previousHidden: previous).map {
                let size = $0.size(in: layer, previousHidden: previous)!
                return Sized(matrix: $0, rows: size.rows, columns: size.columns)
            }
        }
    }

    /// The widths of `matrix` (nil: a key that names no matrix) among `available`, layer
    /// `j`'s (0-based) matrices; otherwise the error naming `field` and what the layer has.
    static func size(of matrix: DecomposedMatrix?, among available: [Sized], layer j: Int, field: String) throws -> Sized {
        guard let found = available.first(where: { $0.matrix == matrix }) else {
            throw DesignSpaceError.invalidValue(
                field: field, value: "a decomposition",
                allowed: "only matrices layer \(j + 1) has: " + available.map(\.matrix.key).joined(separator: ", "))
        }
        return found
    }
}
