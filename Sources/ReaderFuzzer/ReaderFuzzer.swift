import DesignSpace
import Foundation
import StructuredInput

/// Runs one input through every reader of user files. A reader may refuse the input, but
/// only with a one-line error; anything else (a crash, a trap, a multi-line error) is a bug.
/// libFuzzer calls this for every input it makes (`scripts/fuzz`); without the fuzzer the
/// executable replays files given on the command line, so a crash it found can be re-run.
enum ReaderFuzzer {
    static func exercise(_ data: Data) {
        check { _ = try JSONText.object(data, source: "fuzz.json") }
        check { _ = try ModelDict.parse(data, source: "fuzz.json") }
        guard let text = String(data: data, encoding: .utf8) else { return }
        check { _ = try YAMLText.object(text, source: "fuzz.yaml") }
        check { _ = try AcceleratorFile.parse(text, source: "fuzz.yaml") }
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).compactMap { DecimalText.number($0) }
        check { _ = try AcceleratorConfig(embedding: numbers) }
        check { _ = try AcceleratorConfig.nearest(to: numbers) }
        check { _ = try TransformerSpace.nearest(to: numbers) }
    }

    private static func check(_ read: () throws -> Void) {
        do {
            try read()
        } catch {
            let line = String(describing: error)
            guard !line.isEmpty, !line.contains("\n") else { fatalError("multi-line or empty error: \(line.debugDescription)") }
        }
    }
}
