/// A compiled program with its main-memory image: what `transcode compile` writes and
/// `transcode rtl run` simulates.
package struct LayerProgram: Sendable {
    /// A matrix the program reads or writes, by name (for reports and comparisons).
    package struct Region: Sendable, Equatable {
        package let name: String
        package let placement: MatrixPlacement
    }

    package let description: String
    package let program: Program
    /// Main memory before the run: the program's words at `programAddress`, then the data.
    package let memory: [UInt8]
    package let programAddress: Int
    /// The matrices the program writes to main memory.
    package let outputs: [Region]
    /// The matrices the program reads (inputs, weights, layer-norm parameters), in the
    /// order they were placed.
    package let inputs: [Region]

    package init(description: String, program: Program, memory: [UInt8], programAddress: Int, outputs: [Region], inputs: [Region] = []) {
        (self.description, self.program, self.memory, self.programAddress) = (description, program, memory, programAddress)
        (self.outputs, self.inputs) = (outputs, inputs)
    }
}
