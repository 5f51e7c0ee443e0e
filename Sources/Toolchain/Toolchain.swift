import Foundation

/// Finds the hardware tools and the NanGate45 liberty file, checks their versions, and
/// runs them. Every failure is one line naming the tool and how to install it.
package enum Toolchain {
    /// Where `scripts/setup` extracts the liberty file, relative to the project root.
    package static let defaultLibertyPath = ".lib/NangateOpenCellLibrary_typical.lib"
    /// The variable that points at another liberty file.
    package static let libertyVariable = "TRANSCODE_LIBERTY"

    /// The absolute path of `tool`: the override variable first, then PATH.
    package static func locate(_ tool: Tool, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let path = environment[tool.overrideVariable], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ToolchainError.missing(tool: tool.executable, variable: tool.overrideVariable, install: tool.install)
            }
            return path
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(tool.executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ToolchainError.missing(tool: tool.executable, variable: tool.overrideVariable, install: tool.install)
    }

    /// The tool's version as (major, minor), parsed from its version banner.
    package static func version(of tool: Tool) throws -> (Int, Int) {
        let path = try locate(tool)
        let result = try run(path, tool.versionArguments)
        let text = result.output + result.error
        guard let match = text.firstMatch(of: /(\d+)\.(\d+)/), let major = Int(match.1), let minor = Int(match.2) else {
            return (0, 0)
        }
        return (major, minor)
    }

    /// Locates `tool` and checks it is new enough.
    @discardableResult
    package static func require(_ tool: Tool) throws -> String {
        let path = try locate(tool)
        let found = try version(of: tool)
        if found < tool.minimumVersion {
            throw ToolchainError.tooOld(
                tool: tool.executable, found: "\(found.0).\(found.1)",
                needed: "\(tool.minimumVersion.0).\(tool.minimumVersion.1)", install: tool.install)
        }
        return path
    }

    /// The liberty file: $TRANSCODE_LIBERTY, else `.lib/` under `projectRoot`.
    package static func liberty(projectRoot: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let path = environment[libertyVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "\(projectRoot)/\(defaultLibertyPath)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw ToolchainError.missing(tool: "NanGate45 liberty file \(path)", variable: libertyVariable, install: "scripts/setup")
        }
        return path
    }

    /// The last `lines` lines of a tool's log on one line, for one-line error messages.
    package static func excerpt(lines: Int, text: String) -> String {
        text.split(separator: "\n").suffix(lines).joined(separator: " | ")
    }

    /// What a finished process printed.
    package struct Result: Sendable {
        package let status: Int32
        package let output: String
        package let error: String
    }

    /// Runs `path` with `arguments` in `directory`, capturing output; never throws on a
    /// non-zero exit (callers decide), only when the program cannot start.
    package static func run(
        _ path: String, _ arguments: [String], directory: String? = nil,
        environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a chatty tool cannot fill one and deadlock.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readAllRetryingInterrupts()
            group.leave()
        }
        let outData = out.fileHandleForReading.readAllRetryingInterrupts()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }
}
