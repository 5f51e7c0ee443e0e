import Foundation
import Toolchain

/// Builds a self-driving SystemVerilog testbench (top module `tb`) with Verilator, runs it
/// in a scratch directory holding its input files, and returns the files it wrote. For the
/// testbenches that are not a row of stimulus per cycle (AXI masters and slaves).
package enum VerilatorBench {
    package static func run(sources: [String: String], inputs: [String: String], outputs: [String]) throws -> [String: String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-bench-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in sources.merging(inputs, uniquingKeysWith: { $1 }) {
            try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        }
        try build(files: sources.keys.sorted(), directory: dir)
        try simulate(directory: dir)
        var result: [String: String] = [:]
        for name in outputs { result[name] = try? String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8) }
        return result
    }

    /// Builds the testbench whose top module is `tb` from `files` in `directory` into
    /// `obj_dir/sim` with Verilator (through ccache when it is installed). Every Verilator
    /// testbench of the project is built this one way.
    package static func build(files: [String], directory: String) throws {
        let verilator = try Toolchain.require(.verilator)
        var env = ProcessInfo.processInfo.environment
        if (try? Toolchain.locate(.ccache)) != nil { env["OBJCACHE"] = "ccache" }
        let build = try Toolchain.run(
            verilator, ["--binary", "--timing", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", "tb", "-o", "sim"] + files,
            directory: directory, environment: env)
        guard build.status == 0 else {
            throw RTLSimError.buildFailed(simulator: "verilator", log: Toolchain.excerpt(lines: 6, text: build.error + build.output))
        }
    }

    /// Runs the testbench `build` made in `directory`, with `arguments` (plusargs); a non-zero
    /// exit is an error carrying the end of its log.
    package static func simulate(directory: String, arguments: [String] = []) throws {
        let run = try Toolchain.run("\(directory)/obj_dir/sim", arguments, directory: directory)
        guard run.status == 0 else {
            throw RTLSimError.runFailed(simulator: "verilator", log: Toolchain.excerpt(lines: 6, text: run.error + run.output))
        }
    }
}
