import Foundation
import ProjectLayout
import Testing
import Toolchain

@Suite struct ToolchainTests {
    /// Under CI=true every tool must be present; this test fails rather than skips.
    @Test(arguments: [Tool.yosys, Tool.verilator, Tool.iverilog, Tool.sta])
    func hardwareToolIsInstalledAndNewEnough(tool: Tool) throws {
        let path = try Toolchain.require(tool)
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func libertyFileIsPresent() throws {
        let path = try Toolchain.liberty(projectRoot: ProjectFiles.root)
        let head = try String(contentsOfFile: path, encoding: .utf8).prefix(20_000)
        #expect(head.contains("library (NangateOpenCellLibrary)"))
    }

    @Test func missingToolGivesOneLineWithTheInstallCommand() {
        let env = ["PATH": "/nonexistent"]
        #expect(throws: ToolchainError.self) { try Toolchain.locate(.yosys, environment: env) }
        let message = String(describing: ToolchainError.missing(tool: "yosys", variable: "TRANSCODE_YOSYS", install: Tool.yosys.install))
        #expect(
            message
                == "yosys not found on PATH (or in $TRANSCODE_YOSYS): install it with 'apt-get install -y --no-install-recommends yosys verilator iverilog opensta ccache'"
        )
    }

    @Test func overrideVariableWins() throws {
        let path = try Toolchain.locate(.yosys, environment: ["TRANSCODE_YOSYS": "/bin/true", "PATH": "/nonexistent"])
        #expect(path == "/bin/true")
        #expect(
            throws: ToolchainError.missing(
                tool: "NanGate45 liberty file /no/such.lib", variable: "TRANSCODE_LIBERTY", install: "scripts/setup")
        ) {
            try Toolchain.liberty(projectRoot: ProjectFiles.root, environment: ["TRANSCODE_LIBERTY": "/no/such.lib"])
        }
    }
}
