/// One port of a synthesised module: a vector of `elements` words of `elementBits` each, so
/// that testbenches can write stimulus and read responses as arrays of fixed-point words.
public struct ModulePort: Sendable, Equatable {
    public let name: String
    public let elements: Int
    public let elementBits: Int
    public let isOutput: Bool

    public init(_ name: String, _ elements: Int, _ elementBits: Int, output: Bool = false) {
        self.name = name
        self.elements = elements
        self.elementBits = elementBits
        isOutput = output
    }

    /// Bits of the whole port.
    public var bits: Int { elements * elementBits }
}
