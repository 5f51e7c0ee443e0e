import ArgumentParser
import DesignSpace

/// `transcode space`: the two design spaces.
struct SpaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "space",
        abstract: "Count, index, embed, decode and sample the two design spaces.",
        discussion: """
            Examples:
              transcode space accelerators count
              transcode space accelerators decode --index 1234567 --format yaml
              transcode space accelerators encode acceltran-edge
              transcode space transformers embed bert-tiny
              transcode space transformers sample 3 --seed 1 --format json
            """,
        subcommands: [AcceleratorsCommand.self, TransformersCommand.self]
    )
}
