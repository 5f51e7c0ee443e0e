/// The SystemVerilog of one accelerator: files in compile order, the files that package it
/// for tools, and a manifest.
package struct GeneratedDesign: Sendable {
    /// File name and contents, in compile order (leaf modules first, the top last).
    package let files: [(name: String, text: String)]
    /// The top module's name.
    package let top: String
    /// File list, lint waivers, synthesis script, SDC, FuseSoC core and smoke testbench.
    package let packaging: DesignPackage
    package var supportFiles: [(name: String, text: String)] { packaging.files }
    /// JSON describing how the design was made: command, version, accelerator, parameters, files.
    package let manifest: String

    /// Every file to write, manifest.json last.
    package var allFiles: [(name: String, text: String)] { files + supportFiles + [("manifest.json", manifest)] }
}
