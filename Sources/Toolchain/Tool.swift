import Foundation

/// An external program the hardware flow needs, and how to get it.
package struct Tool: Sendable, Hashable {
    /// The executable name looked up on PATH.
    package let executable: String
    /// The environment variable that overrides the path.
    package let overrideVariable: String
    /// Arguments that make the tool print its version.
    package let versionArguments: [String]
    /// The oldest version known to work (major, minor).
    package let minimumVersion: (Int, Int)
    /// The command that installs it on Debian.
    package let install: String

    package static func == (a: Tool, b: Tool) -> Bool { a.executable == b.executable }
    package func hash(into hasher: inout Hasher) { hasher.combine(executable) }

    static let apt = "apt-get install -y --no-install-recommends yosys verilator iverilog opensta ccache"

    package static let yosys = Tool(
        executable: "yosys", overrideVariable: "TRANSCODE_YOSYS", versionArguments: ["-V"],
        minimumVersion: (0, 23), install: apt)
    package static let verilator = Tool(
        executable: "verilator", overrideVariable: "TRANSCODE_VERILATOR", versionArguments: ["--version"],
        minimumVersion: (5, 6), install: apt)
    package static let iverilog = Tool(
        executable: "iverilog", overrideVariable: "TRANSCODE_IVERILOG", versionArguments: ["-V"],
        minimumVersion: (11, 0), install: apt)
    /// Compiler cache that speeds up repeated Verilator builds (optional).
    package static let ccache = Tool(
        executable: "ccache", overrideVariable: "TRANSCODE_CCACHE", versionArguments: ["--version"],
        minimumVersion: (3, 0), install: apt)
    package static let sta = Tool(
        executable: "sta", overrideVariable: "TRANSCODE_STA", versionArguments: ["-version"],
        minimumVersion: (2, 0), install: apt)
}
