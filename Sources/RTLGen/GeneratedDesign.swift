/// The SystemVerilog of one accelerator: files in compile order, a file list and a manifest.
package struct GeneratedDesign: Sendable {
    /// File name and contents, in compile order (leaf modules first, the top last).
    package let files: [(name: String, text: String)]
    /// The top module's name.
    package let top: String
    /// One file name per line, for simulators and synthesis scripts.
    package var fileList: String { files.map(\.name).joined(separator: "\n") + "\n" }
    /// JSON describing how the design was made: command, version, accelerator, parameters.
    package let manifest: String
}
