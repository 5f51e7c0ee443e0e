import ArgumentParser

/// `transcode dynaprop`: measuring DynaProp's sparsity and accuracy curves.
struct DynaPropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dynaprop", abstract: "Measure DynaProp's sparsity and accuracy over thresholds (the paper's Figs. 7-9).",
        discussion: """
            Examples:
              transcode dynaprop sweep --model bert-tiny --out runs/dynaprop-bert-tiny
              transcode dynaprop sweep --model bert-tiny --tau-i 0,0.01 --tau-t 0,0.0001 --setting tiny --out /tmp/dp
            """,
        subcommands: [DynaPropSweepCommand.self])
}
