import ArgumentParser
import DesignSpace

/// `transcode space accelerators ...`: the ELECTOR space (paper Table II).
struct AcceleratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accelerators",
        abstract: "The ELECTOR accelerator design space (14,850,000 points).",
        discussion: """
            Index: 0 to 14,849,999, a mixed-radix number over the paper's Table II choices. \
            Embedding (paper Section V-A): 12 numbers, tile b, tile x, tile y, PEs, MAC lanes per PE, \
            MACs per lane, softmax modules per PE, batch size, activation, weight and mask buffer \
            sizes in MB, and the main-memory configuration (1 to 11); a 13th number gives the \
            activation (0 ReLU, 1 GeLU; 12 numbers mean GeLU).

            Examples:
              transcode space accelerators decode --index 0
              transcode space accelerators decode --embedding 1,16,16,64,16,16,4,4,4,8,1,1
              transcode space accelerators sample 5 --seed 7 --format json
            """,
        subcommands: [Count.self, Decode.self, Encode.self, Sample.self]
    )

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the number of accelerators.", discussion: "Examples:\n  transcode space accelerators count")
        func run() { print(AcceleratorSpace.count) }
    }

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the accelerator at an index or with an embedding.",
            discussion: """
                Examples:
                  transcode space accelerators decode --index 1234567
                  transcode space accelerators decode --embedding 1,16,16,64,16,16,4,4,4,8,1,1 --format json
                """)
        @Option(parsing: .unconditional, help: "Index in 0 ..< 14850000.") var index: Int?
        @Option(parsing: .unconditional, help: "12 or 13 comma-separated embedding numbers (12 means GeLU).") var embedding: String?
        @Option(help: "text, json or yaml.") var format: OutputFormat = .yaml

        func validate() throws {
            guard (index == nil) != (embedding == nil) else {
                throw CLIError("give exactly one of --index or --embedding")
            }
        }

        func run() throws {
            let config: AcceleratorConfig
            if let index {
                config = try AcceleratorSpace.config(at: index)
            } else {
                config = try AcceleratorConfig(embedding: try ArgumentParsing.numbers(embedding!, what: "--embedding"))
            }
            print(Render.accelerator(config, format: format), terminator: "")
        }
    }

    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the index and the embedding of an accelerator.",
            discussion:
                "Examples:\n  transcode space accelerators encode acceltran-edge\n  transcode space accelerators encode my-accelerator.yaml"
        )
        @Argument(help: "A built-in name (acceltran-edge, acceltran-server, elector-star) or a YAML/JSON file.")
        var accelerator: String

        func run() throws {
            let config = try Catalog.accelerator(accelerator)
            print("index: \(AcceleratorSpace.index(of: config))")
            print("embedding: \(config.embedding.map(String.init).joined(separator: ","))")
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw accelerators uniformly at random.",
            discussion: "Examples:\n  transcode space accelerators sample 5 --seed 7\n  transcode space accelerators sample 2 --format yaml"
        )
        @Argument(help: "How many.") var count: Int
        @Option(help: "Random seed.") var seed: UInt64 = 0
        @Option(help: "text, json or yaml.") var format: OutputFormat = .text

        func validate() throws {
            guard count >= 1 else { throw CLIError("count must be at least 1, got \(count)") }
        }

        func run() {
            let configs = AcceleratorSpace.sample(count, seed: seed)
            switch format {
            case .json:
                print(Render.json(configs.map(Render.acceleratorObject)))
            case .yaml:
                print(configs.map { AcceleratorFile.render($0) }.joined(separator: "---\n"), terminator: "")
            case .text:
                for config in configs {
                    print("\(AcceleratorSpace.index(of: config))\t\(config.embedding.map(String.init).joined(separator: ","))")
                }
            }
        }
    }
}
