/// One field of a control/status register: its bits in the register and the module port it
/// reads from (read-only registers) or drives (read-write and pulse registers).
package struct CSRField: Sendable, Equatable {
    package let name: String
    /// Lowest bit of the field in the 32-bit register.
    package let lsb: Int
    package let bits: Int
    /// The csr module's port the field is connected to.
    package let port: String
    /// Lowest bit of the field within that port (several registers read slices of one port).
    package let portLSB: Int
    /// One line: what the field means.
    package let description: String

    package init(_ name: String, lsb: Int = 0, bits: Int, port: String, portLSB: Int = 0, _ description: String) {
        self.name = name
        self.lsb = lsb
        self.bits = bits
        self.port = port
        self.portLSB = portLSB
        self.description = description
    }

    /// Highest bit of the field in the register.
    package var msb: Int { lsb + bits - 1 }
}
