/// One port of a synthesised module: a vector of `elements` words of `elementBits` each, so
/// that testbenches can write stimulus and read responses as arrays of fixed-point words.
package struct ModulePort: Sendable, Equatable {
    package let name: String
    package let elements: Int
    package let elementBits: Int
    package let isOutput: Bool

    package init(_ name: String, _ elements: Int, _ elementBits: Int, output: Bool = false) {
        self.name = name
        self.elements = elements
        self.elementBits = elementBits
        isOutput = output
    }

    /// Bits of the whole port.
    package var bits: Int { elements * elementBits }
}
