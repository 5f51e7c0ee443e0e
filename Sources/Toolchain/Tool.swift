import Foundation

/// An external program the hardware flow needs, and how to get it.
public struct Tool: Sendable, Hashable {
    /// The executable name looked up on PATH.
    public let executable: String
    /// The environment variable that overrides the path.
    public let overrideVariable: String
    /// Arguments that make the tool print its version.
    public let versionArguments: [String]
    /// The oldest version known to work (major, minor).
    public let minimumVersion: (Int, Int)
    /// The command that installs it on Debian.
    public let install: String

    public static func == (a: Tool, b: Tool) -> Bool { a.executable == b.executable }
    public func hash(into hasher: inout Hasher) { hasher.combine(executable) }

    static let apt = "apt-get install -y --no-install-recommends yosys verilator iverilog opensta ccache"

    public static let yosys = Tool(
        executable: "yosys", overrideVariable: "TRANSCODE_YOSYS", versionArguments: ["-V"],
        minimumVersion: (0, 23), install: apt)
    public static let verilator = Tool(
        executable: "verilator", overrideVariable: "TRANSCODE_VERILATOR", versionArguments: ["--version"],
        minimumVersion: (5, 6), install: apt)
    public static let iverilog = Tool(
        executable: "iverilog", overrideVariable: "TRANSCODE_IVERILOG", versionArguments: ["-V"],
        minimumVersion: (11, 0), install: apt)
    /// Compiler cache that speeds up repeated Verilator builds (optional).
    public static let ccache = Tool(
        executable: "ccache", overrideVariable: "TRANSCODE_CCACHE", versionArguments: ["--version"],
        minimumVersion: (3, 0), install: apt)
    public static let sta = Tool(
        executable: "sta", overrideVariable: "TRANSCODE_STA", versionArguments: ["-version"],
        minimumVersion: (2, 0), install: apt)
}
