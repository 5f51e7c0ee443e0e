/// How a module's ports map onto the testbench's stimulus and response vectors.
public struct PortLayout: Sendable {
    public struct Port: Sendable {
        public let name: String
        public let bits: Int
        public let offset: Int
    }

    public private(set) var inputs: [Port] = []
    public private(set) var outputs: [Port] = []
    public var inputBits: Int { inputs.last.map { $0.offset + $0.bits } ?? 1 }
    public var outputBits: Int { outputs.last.map { $0.offset + $0.bits } ?? 1 }
    /// The outputs whose 1 means "a result is here" (any of them).
    public let validOutputs: [String]

    public init(validOutput: String) { validOutputs = [validOutput] }
    public init(validOutputs: [String]) { self.validOutputs = validOutputs }

    public mutating func input(_ name: String, _ bits: Int) {
        inputs.append(Port(name: name, bits: bits, offset: inputBits == 1 && inputs.isEmpty ? 0 : inputBits))
    }

    public mutating func output(_ name: String, _ bits: Int) {
        outputs.append(Port(name: name, bits: bits, offset: outputBits == 1 && outputs.isEmpty ? 0 : outputBits))
    }

    public func input(named name: String) -> Port { inputs.first { $0.name == name }! }
    public func output(named name: String) -> Port { outputs.first { $0.name == name }! }
}
