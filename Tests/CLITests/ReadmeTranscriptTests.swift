import Foundation
import ProjectLayout
import Testing
import Toolchain

/// The README's quick transcripts are what today's `transcode` prints: a change that moves a
/// simulator figure has to move the README with it. (The slow transcripts, such as Verilator
/// runs, synthesis and training, are rerun by hand with the same script.)
@Suite struct ReadmeTranscriptTests {
    @Test func theSimulateAndMemoryTranscriptsAreCurrent() throws {
        let script = ProjectFiles.root + "/scripts/readme-transcripts"
        let result = try Toolchain.run(
            script, ["--check", "--binary", TranscodeBinary.path, "^simulate ", "^memory "], directory: ProjectFiles.root)
        #expect(
            result.status == 0,
            """
            README transcripts differ from what transcode prints now; refresh them with \
            scripts/readme-transcripts '^simulate ' '^memory ' (after swift build -c release):
            \(result.output)\(result.error)
            """)
    }

    /// The script refuses a run without a selection rather than rerunning hours of transcripts.
    @Test func theScriptNeedsAPatternOrAll() throws {
        let result = try Toolchain.run(ProjectFiles.root + "/scripts/readme-transcripts", ["--check"], directory: ProjectFiles.root)
        #expect(result.status == 2)
        #expect(result.error.contains("error: give a PATTERN or --all (see --list)"))
    }
}
