import ArgumentParser
import DesignSpace

/// `transcode space transformers ...`: the FlexiBERT 2.0 space.
struct TransformersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transformers",
        abstract: "The FlexiBERT 2.0 transformer design space (about 1.7e88 models).",
        subcommands: [Count.self, Embed.self, Decode.self, Sample.self]
    )

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the exact number of transformers.")
        func run() { print(TransformerSpace.count) }
    }

    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the 37-number embedding of a model.")
        @Argument(help: "A built-in name (bert-tiny, bert-base, fb-star) or a model-dict JSON file.")
        var model: String

        func run() throws {
            let m = try Catalog.model(model)
            print(TransformerSpace.embedding(of: m).map(String.init).joined(separator: ","))
        }
    }

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the model dict of a 37-number embedding.")
        @Argument(help: "37 comma-separated whole numbers.") var embedding: String

        func run() throws {
            let numbers = try parseNumbers(embedding, what: "embedding")
            guard numbers.allSatisfy({ $0.rounded() == $0 }) else {
                throw CLIError("embedding entries must be whole numbers")
            }
            print(ModelDict.render(try TransformerSpace.model(embedding: numbers.map { Int($0) })), terminator: "")
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draw models at random.")
        @Argument(help: "How many.") var count: Int
        @Option(help: "Random seed.") var seed: UInt64 = 0
        @Option(help: "text (embeddings) or json (model dicts).") var format: OutputFormat = .text

        func validate() throws {
            guard count >= 1 else { throw CLIError("count must be at least 1, got \(count)") }
        }

        func run() {
            for model in TransformerSpace.sample(count, seed: seed) {
                if format == .text {
                    print(TransformerSpace.embedding(of: model).map(String.init).joined(separator: ","))
                } else {
                    print(ModelDict.render(model), terminator: "")
                }
            }
        }
    }
}

/// Parses "1,2,3" (spaces and brackets allowed) into numbers.
func parseNumbers(_ text: String, what: String) throws -> [Double] {
    let cleaned = text.filter { !"[] ".contains($0) }
    return try cleaned.split(separator: ",", omittingEmptySubsequences: false).map {
        guard let value = Double($0) else {
            throw CLIError("\(what) entry '\($0)' is not a number")
        }
        return value
    }
}
