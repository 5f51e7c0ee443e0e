import Foundation
import Yams

/// YAML (and the JSON that is also YAML) read with bounds that Yams lacks.
///
/// Yams recurses once per nesting level (100,000 nested lists overflow the stack) and expands
/// every alias into a copy (a few lines of "billion laughs" grow to gigabytes), and it keeps
/// the last of two equal keys silently. This reader bounds the nesting before parsing,
/// composes the node tree (aliases share storage there), then builds the values itself,
/// counting them and rejecting repeated keys.
package enum YAMLText {
    /// Far more values than any accelerator file or profile holds (a few dozen).
    package static let defaultMaximumValues = 100_000

    /// The one document in `text` as Foundation-style values: `[String: Any]`, `[Any]`, `Int`,
    /// `Double`, `Bool`, `String` or `NSNull`.
    package static func object(
        _ text: String, source: String, maximumDepth: Int = JSONText.defaultMaximumDepth,
        maximumValues: Int = defaultMaximumValues
    ) throws(StructuredInputError) -> Any {
        try YAMLNestingScanner(text: text, source: source, maximumDepth: maximumDepth).check()
        var documents: [Node] = []
        do {
            // Parser.nextRoot rather than compose_all, whose sequence swallows a syntax error
            // as the end of the stream.
            let parser = try Parser(yaml: text)
            while let root = try parser.nextRoot() { documents.append(root) }
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        } catch {
            throw .syntax(path: source, format: "YAML or JSON", line: 1, column: 1, problem: "\(error)")
        }
        guard documents.count == 1 else { throw .documentCount(path: source, count: documents.count) }
        var budget = maximumValues
        return try value(documents[0], source: source, budget: &budget, limit: maximumValues)
    }

    private static func syntaxError(_ error: YamlError, source: String) -> StructuredInputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .syntax(path: source, format: "YAML or JSON", line: mark.line, column: mark.column, problem: problem)
        case .reader(let problem, _, _, _):
            return .syntax(path: source, format: "YAML or JSON", line: 1, column: 1, problem: problem)
        default:
            return .syntax(path: source, format: "YAML or JSON", line: 1, column: 1, problem: "\(error)")
        }
    }

    private static func value(_ node: Node, source: String, budget: inout Int, limit: Int) throws(StructuredInputError) -> Any {
        budget -= 1
        guard budget >= 0 else { throw .tooManyValues(path: source, limit: limit) }
        switch node {
        case .scalar:
            return Constructor.default.any(from: node)
        case .sequence(let sequence):
            var list: [Any] = []
            for item in sequence { list.append(try value(item, source: source, budget: &budget, limit: limit)) }
            return list
        case .mapping(let mapping):
            var dict: [String: Any] = [:]
            for (key, item) in mapping {
                let name = key.string ?? "\(Constructor.default.any(from: key))"
                guard dict[name] == nil else {
                    throw .duplicateKey(path: source, key: name, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0)
                }
                dict[name] = try value(item, source: source, budget: &budget, limit: limit)
            }
            return dict
        }
    }
}
