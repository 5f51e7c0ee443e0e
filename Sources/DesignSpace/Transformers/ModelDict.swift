import Foundation
import StructuredInput

/// The model-dict JSON format of the published FlexiBERT 2.0 / AccelTran tools:
/// `{"l": 2, "o": [["sa_sdp_64", ...], ...], "h": [128, ...], "f": [[512], ...]}`,
/// where each head is `<operation>_<d>` with d = h / (number of heads).
///
/// An optional `"tt"` key holds the tensor-train decompositions (HEAT), one object per layer:
/// `"tt": [{"ff0": {"in": [8, 16], "out": [16, 32], "ranks": [16]}}, {}]`, keyed by
/// `DecomposedMatrix.key`; a layer without decompositions has an empty object.
public enum ModelDict {
    static let keys = ["l", "o", "h", "f", "tt"]

    /// Parses model-dict JSON text into a validated model.
    public static func parse(_ data: Data, source: String) throws -> TransformerModel {
        let object = try DesignSpaceError.reading { () throws(StructuredInputError) in try JSONText.object(data, source: source) }
        guard let dict = object as? [String: Any] else {
            throw DesignSpaceError.malformedFile(path: source, reason: "expected a JSON object with keys l, o, h, f")
        }
        return try model(from: dict)
    }

    /// Builds a model from an already-decoded dictionary.
    public static func model(from dict: [String: Any]) throws -> TransformerModel {
        for key in dict.keys.sorted() where !keys.contains(key) {
            throw DesignSpaceError.unknownField(field: key, allowed: keys.joined(separator: ", "))
        }
        guard let lValue = dict["l"] else {
            throw DesignSpaceError.missingField(field: "l", allowed: "the number of layers")
        }
        guard let l = integer(lValue), TransformerSpace.layerCounts.contains(l) else {
            throw DesignSpaceError.invalidValue(
                field: "l", value: render(lValue),
                allowed: AcceleratorSpace.describe(TransformerSpace.layerCounts))
        }
        let ops = try list(dict["o"], field: "o", count: l, what: "one list of head operations per layer")
        let hidden = try list(dict["h"], field: "h", count: l, what: "one hidden size per layer")
        let feed = try list(dict["f"], field: "f", count: l, what: "one list of feed-forward sizes per layer")

        var layers: [TransformerLayer] = []
        for j in 0..<l {
            guard let h = integer(hidden[j]), TransformerSpace.hiddenSizes.contains(h) else {
                throw DesignSpaceError.invalidValue(
                    field: "layer \(j + 1) h", value: render(hidden[j]),
                    allowed: AcceleratorSpace.describe(TransformerSpace.hiddenSizes))
            }
            guard let headNames = ops[j] as? [Any] else {
                throw DesignSpaceError.invalidValue(
                    field: "o[\(j)]", value: render(ops[j]), allowed: "a list of head operations")
            }
            guard let sizes = feed[j] as? [Any] else {
                throw DesignSpaceError.invalidValue(
                    field: "f[\(j)]", value: render(feed[j]), allowed: "a list of 1 to 3 feed-forward sizes")
            }
            guard TransformerSpace.headCounts.contains(headNames.count) else {
                throw DesignSpaceError.invalidValue(
                    field: "layer \(j + 1) o (number of heads)", value: String(headNames.count),
                    allowed: AcceleratorSpace.describe(TransformerSpace.headCounts))
            }
            let ffSizes = try sizes.enumerated().map { k, v in
                guard let size = integer(v) else {
                    throw DesignSpaceError.invalidValue(
                        field: "f[\(j)][\(k)]", value: render(v),
                        allowed: AcceleratorSpace.describe(TransformerSpace.feedForwardSizes))
                }
                return size
            }
            let heads = try headNames.enumerated().map { k, v in
                try headOperation(v, field: "o[\(j)][\(k)]", hidden: h, heads: headNames.count)
            }
            layers.append(try TransformerLayer(hiddenSize: h, heads: heads, feedForward: ffSizes, layer: j + 1))
        }
        guard let ttValue = dict["tt"] else { return try TransformerModel(layers: layers) }
        return try TransformerModel(layers: layers, decomposition: try decomposition(ttValue, layers: layers))
    }

    /// Reads the `tt` list into shapes checked against `layers`.
    static func decomposition(_ value: Any, layers: [TransformerLayer]) throws -> [[DecomposedMatrix: TensorTrainShape]] {
        let entries = try list(value, field: "tt", count: layers.count, what: "one object of decompositions per layer")
        var stored: [[String: StoredTensorTrain]] = []
        for (j, entry) in entries.enumerated() {
            guard let map = entry as? [String: Any] else {
                throw DesignSpaceError.invalidValue(
                    field: "tt[\(j)]", value: render(entry), allowed: "an object such as {\"ff0\": {\"in\": [8, 16], ...}}")
            }
            var layer: [String: StoredTensorTrain] = [:]
            for key in map.keys.sorted() {
                let field = "tt[\(j)].\(key)"
                guard let shape = map[key] as? [String: Any] else {
                    throw DesignSpaceError.invalidValue(
                        field: field, value: render(map[key]!), allowed: "an object with keys in, out, ranks")
                }
                for name in shape.keys.sorted() where !["in", "out", "ranks"].contains(name) {
                    throw DesignSpaceError.unknownField(field: "\(field).\(name)", allowed: "in, out, ranks")
                }
                func integers(_ name: String) throws -> [Int] {
                    guard let raw = shape[name] else {
                        throw DesignSpaceError.missingField(field: "\(field).\(name)", allowed: "a list of integers")
                    }
                    guard let items = raw as? [Any], case let values = items.compactMap(integer), values.count == items.count else {
                        throw DesignSpaceError.invalidValue(field: "\(field).\(name)", value: render(raw), allowed: "a list of integers")
                    }
                    return values
                }
                layer[key] = StoredTensorTrain(in: try integers("in"), out: try integers("out"), ranks: try integers("ranks"))
            }
            stored.append(layer)
        }
        return try StoredTensorTrain.shapes(stored, layers: layers)
    }

    static func headOperation(_ value: Any, field: String, hidden: Int, heads: Int) throws -> HeadOperation {
        guard let name = value as? String, let cut = name.lastIndex(of: "_"),
            let operation = HeadOperation(rawValue: String(name[..<cut])),
            case let digits = name[name.index(after: cut)...],
            // Digits only: Int("+64") is 64, but "sa_sdp_+64" is no head name.
            !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let d = Int(digits)
        else {
            throw DesignSpaceError.invalidValue(
                field: field, value: render(value),
                allowed: "<operation>_<head size> with operation in \(HeadOperation.allowedDescription)")
        }
        let expected = hidden / max(heads, 1)
        guard d == expected else {
            throw DesignSpaceError.invalidValue(
                field: field, value: render(value),
                allowed: "head size \(expected) (= h \(hidden) / \(heads) heads)")
        }
        return operation
    }

    private static func list(_ value: Any?, field: String, count: Int, what: String) throws -> [Any] {
        guard let value else {
            throw DesignSpaceError.missingField(field: field, allowed: what)
        }
        guard let array = value as? [Any], array.count == count else {
            throw DesignSpaceError.invalidValue(
                field: field, value: render(value), allowed: "\(what) (\(count) entries, as l says)")
        }
        return array
    }

    static func integer(_ value: Any) -> Int? {
        // Booleans bridge to numbers on some platforms; a model dict never holds one.
        if type(of: value) == Bool.self { return nil }
        if let number = value as? NSNumber {
            if String(cString: number.objCType) == "c" { return nil }
            let d = number.doubleValue
            return d.rounded() == d && abs(d) < 1e15 ? Int(d) : nil
        }
        if let i = value as? Int { return i }
        return nil
    }

    static func render(_ value: Any) -> String {
        if let s = value as? String { return "\"\(s)\"" }
        if JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        {
            return String(text.dropFirst().dropLast())
        }
        return String(describing: value)
    }

    /// The model as model-dict JSON, keys in the published order, heads in canonical order.
    public static func render(_ model: TransformerModel) -> String {
        let o = model.layers.map { layer in
            "[" + layer.heads.map { "\"\($0.rawValue)_\(layer.headSize)\"" }.joined(separator: ", ") + "]"
        }
        let h = model.layers.map { String($0.hiddenSize) }
        let f = model.layers.map { "[" + $0.feedForward.map(String.init).joined(separator: ", ") + "]" }
        let tt =
            model.decomposition.isDense
            ? ""
            : ",\n  \"tt\": ["
                + model.decomposition.layers.map { layer in
                    "{"
                        + layer.keys.sorted().map { matrix in
                            let s = layer[matrix]!
                            return "\"\(matrix.key)\": {\"in\": \(TensorTrainShape.render(s.inputFactors)), "
                                + "\"out\": \(TensorTrainShape.render(s.outputFactors)), \"ranks\": \(TensorTrainShape.render(s.ranks))}"
                        }.joined(separator: ", ") + "}"
                }.joined(separator: ", ") + "]"
        return """
            {
              "l": \(model.layers.count),
              "o": [\(o.joined(separator: ", "))],
              "h": [\(h.joined(separator: ", "))],
              "f": [\(f.joined(separator: ", "))]\(tt)
            }

            """
    }
}
