import Foundation
import Testing

/// Every command's help says what it reads and shows how to call it (issue 17): the test
/// walks the command tree from `transcode --help` through each SUBCOMMANDS section.
@Suite struct HelpCLITests {
    @Test func everyCommandsHelpHasExamples() throws {
        var pending: [[String]] = [[]]
        var visited = 0
        while let path = pending.popLast() {
            // The tree is three levels deep; a deeper path means the parse went wrong.
            try #require(path.count <= 3, "transcode \(path.joined(separator: " "))")
            let result = try TranscodeBinary.run(path + ["--help"])
            visited += 1
            #expect(result.status == 0, "transcode \(path.joined(separator: " ")) --help")
            #expect(result.transcript.contains("Examples:\n"), "transcode \(path.joined(separator: " ")) --help has no examples")
            var inSubcommands = false
            for line in result.transcript.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "SUBCOMMANDS:" {
                    inSubcommands = true
                    continue
                }
                if line.hasPrefix("  See '") { inSubcommands = false }
                guard inSubcommands else { continue }
                // A subcommand line is "  name  abstract" (or "  name (default)  abstract");
                // the section ends with "  See 'transcode help ...'", which is no command.
                guard line.hasPrefix("  "), line.dropFirst(2).first != " ", !line.contains("See '"),
                    let name = line.split(separator: " ").first,
                    name.allSatisfy({ $0.isLowercase || $0 == "-" })
                else {
                    continue
                }
                pending.append(path + [String(name)])
            }
        }
        // The tree has 30-odd commands; a parse that found none would pass vacuously.
        #expect(visited > 25)
    }
}
