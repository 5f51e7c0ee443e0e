import ArgumentParser
import DesignSpace

/// `transcode space`: the two design spaces.
struct SpaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "space",
        abstract: "Count, index, embed, decode and sample the two design spaces.",
        subcommands: [AcceleratorsCommand.self, TransformersCommand.self]
    )
}
