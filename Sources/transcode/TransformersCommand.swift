import ArgumentParser
import DesignSpace
import Foundation

/// `transcode space transformers ...`: the FlexiBERT 2.0 space.
struct TransformersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transformers",
        abstract: "The FlexiBERT 2.0 transformer design space (about 1.7e88 models).",
        discussion: """
            Embedding: the published 37 numbers of FlexiBERT 2.0 (jha-lab/transcode): the index of \
            the layer count, then per layer (up to 12) the indices of its hidden size, its \
            feed-forward stack and its head multiset; unused layers are zeros.

            Examples:
              transcode space transformers count
              transcode space transformers embed fb-star
              transcode space transformers sample 2 --seed 3 --format json
            """,
        subcommands: [Count.self, Embed.self, Decode.self, Sample.self]
    )

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the exact number of transformers.", discussion: "Examples:\n  transcode space transformers count")
        func run() { print(TransformerSpace.count) }
    }

    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the 37-number embedding of a model.",
            discussion: "Examples:\n  transcode space transformers embed fb-star\n  transcode space transformers embed my-model.json")
        @Argument(help: "A built-in name (bert-tiny, bert-base, fb-star) or a model-dict JSON file.")
        var model: String

        func run() throws {
            let m = try Catalog.model(model)
            print(TransformerSpace.embedding(of: m).map(String.init).joined(separator: ","))
        }
    }

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the model dict of a 37-number embedding.",
            discussion: "Examples:\n  transcode space transformers decode $(transcode space transformers embed bert-tiny)")
        @Argument(help: "37 comma-separated whole numbers.") var embedding: String

        func run() throws {
            let numbers = try ArgumentParsing.numbers(embedding, what: "embedding")
            // Int(_:) traps beyond Int's range, so the bound is checked first.
            guard numbers.allSatisfy({ $0.rounded() == $0 && abs($0) < 1e15 }) else {
                throw CLIError("embedding entries must be whole numbers below 10^15")
            }
            print(ModelDict.render(try TransformerSpace.model(embedding: numbers.map { Int($0) })), terminator: "")
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw models at random.",
            discussion:
                "Examples:\n  transcode space transformers sample 3 --seed 1\n  transcode space transformers sample 2 --format json > models.json"
        )
        @Argument(help: "How many.") var count: Int
        @Option(help: "Random seed.") var seed: UInt64 = 0
        @Option(help: "text (embeddings, one a line) or json (a JSON array of model dicts).") var format: ModelListFormat = .text

        func validate() throws {
            guard count >= 1 else { throw ValidationError("count must be at least 1, got \(count)") }
        }

        func run() {
            let models = TransformerSpace.sample(count, seed: seed)
            if format == .text {
                for model in models { print(TransformerSpace.embedding(of: model).map(String.init).joined(separator: ",")) }
            } else {
                let dicts = models.map { ModelDict.render($0).trimmingCharacters(in: .newlines) }
                print("[\n" + dicts.joined(separator: ",\n") + "\n]")
            }
        }
    }
}
