/// How a module's ports map onto the testbench's stimulus and response vectors.
package struct PortLayout: Sendable {
    package struct Port: Sendable {
        package let name: String
        package let bits: Int
        package let offset: Int
    }

    package private(set) var inputs: [Port] = []
    package private(set) var outputs: [Port] = []
    package var inputBits: Int { inputs.last.map { $0.offset + $0.bits } ?? 1 }
    package var outputBits: Int { outputs.last.map { $0.offset + $0.bits } ?? 1 }
    /// The outputs whose 1 means "a result is here" (any of them).
    package let validOutputs: [String]

    package init(validOutput: String) { validOutputs = [validOutput] }
    package init(validOutputs: [String]) { self.validOutputs = validOutputs }

    package mutating func input(_ name: String, _ bits: Int) {
        inputs.append(Port(name: name, bits: bits, offset: inputBits == 1 && inputs.isEmpty ? 0 : inputBits))
    }

    package mutating func output(_ name: String, _ bits: Int) {
        outputs.append(Port(name: name, bits: bits, offset: outputBits == 1 && outputs.isEmpty ? 0 : outputBits))
    }

    package func input(named name: String) -> Port { inputs.first { $0.name == name }! }
    package func output(named name: String) -> Port { outputs.first { $0.name == name }! }
}
