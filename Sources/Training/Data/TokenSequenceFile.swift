import DesignSpace
import Foundation

/// A tokenised classification task in JSON Lines, so a user can bring e.g. a GLUE task
/// tokenised elsewhere. One example per line:
///
///     {"split": "train", "label": 1, "tokens": [101, 2023, 2003, 102]}
///
/// `split` is `train` or `test` (validation is always drawn from `train`); labels are
/// integers from 0; token ids index a learned embedding table of (largest id + 1) rows, at
/// most BERT's 30,522. Sequences are padded with id 0 to the longest one (at most 512).
package struct TokenSequenceFile: TrainingDataset {
    private static let fix = #"each line must be {"split": "train" or "test", "label": 0, "tokens": [101, 2023, 102]}"#

    package let name: String
    package let tokenization = "token ids as given, padded with id 0 to the longest sequence; learned token and position embeddings"
    package let input: TokenInput
    package let classes: Int
    package let training: LabeledExamples
    package let test: LabeledExamples

    /// Reads and checks `path`.
    package init(path: String) throws(TrainingError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missingDataFile(path: path, fix: #"give a JSON Lines file of {"split", "label", "tokens"} objects"#)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformedDataFile(path: path, reason: "not UTF-8 text", fix: Self.fix)
        }
        var examples: [(train: Bool, label: Int, tokens: [Int])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw .malformedDataFile(path: path, reason: "line \(number) is not a JSON object", fix: Self.fix)
            }
            guard let split = object["split"] as? String, split == "train" || split == "test" else {
                throw .malformedDataFile(path: path, reason: #"line \#(number): split must be "train" or "test""#, fix: Self.fix)
            }
            guard let label = Self.integer(object["label"]), label >= 0 else {
                throw .malformedDataFile(path: path, reason: "line \(number): label must be an integer >= 0", fix: Self.fix)
            }
            let vocabulary = TransformerModel.vocabularySize
            guard let list = object["tokens"] as? [Any], !list.isEmpty,
                case let tokens = list.compactMap({ Self.integer($0) }), tokens.count == list.count,
                tokens.allSatisfy({ (0..<vocabulary).contains($0) })
            else {
                throw .malformedDataFile(
                    path: path, reason: "line \(number): tokens must be a non-empty list of integer ids in 0-\(vocabulary - 1)",
                    fix: Self.fix)
            }
            guard tokens.count <= TransformerModel.maxPositions else {
                throw .malformedDataFile(
                    path: path, reason: "line \(number): \(tokens.count) tokens, more than the \(TransformerModel.maxPositions) positions",
                    fix: Self.fix)
            }
            examples.append((split == "train", label, tokens))
        }
        for split in ["train", "test"] where !examples.contains(where: { $0.train == (split == "train") }) {
            throw .malformedDataFile(path: path, reason: #"no line has split "\#(split)""#, fix: Self.fix)
        }
        let classes = examples.map(\.label).max()! + 1
        guard classes >= 2 else {
            throw .malformedDataFile(path: path, reason: "labels must take at least 2 values", fix: Self.fix)
        }
        let length = examples.map(\.tokens.count).max()!
        func pack(_ train: Bool) -> LabeledExamples {
            let chosen = examples.filter { $0.train == train }
            let inputs = chosen.flatMap { example in
                example.tokens.map(Float.init) + [Float](repeating: 0, count: length - example.tokens.count)
            }
            return LabeledExamples(inputs: inputs, labels: chosen.map { Int32($0.label) }, sequenceLength: length, tokenWidth: 1)
        }
        name = "jsonl:" + path
        input = .vocabulary(size: examples.flatMap(\.tokens).max()! + 1)
        self.classes = classes
        training = pack(true)
        test = pack(false)
    }

    /// An integral JSON number (JSONSerialization gives NSNumber).
    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 1e9 else { return nil }
        return Int(double)
    }
}
