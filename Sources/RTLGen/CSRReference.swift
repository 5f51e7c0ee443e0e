import HardwareModules

/// The csr block's register-level reference (templates/csr.sv.mustache), from the same
/// description: what each AXI4-Lite write and read answers, which pulses a write raises and
/// what the read-write outputs hold. Port values are 32-bit words, least significant first.
package struct CSRReference: Sendable {
    /// AXI response codes.
    package static let okay = 0
    package static let slaveError = 2

    package let map: CSRMap
    /// The input ports' values.
    package let inputs: [String: [UInt32]]
    /// The read-write registers' contents, by register.
    package private(set) var stored: [CSRRegister.ID: UInt32] = [:]

    package init(map: CSRMap, inputs: [String: [UInt32]]) {
        self.map = map
        self.inputs = inputs
    }

    /// The register at byte address `address` (the bus's address bits; bits 1:0 ignored).
    private func register(at address: Int) -> CSRRegister? {
        let word = (address & ((1 << map.addressBits) - 1)) >> 2
        return map.registers.first { $0.offset / 4 == word }
    }

    /// A write: the response and the pulse ports it raises.
    package mutating func write(address: Int, data: UInt32, strobes: Int) -> (response: Int, pulses: [String]) {
        guard let r = register(at: address), r.access != .readOnly else { return (Self.slaveError, []) }
        switch r.access {
        case .readWrite:
            var mask: UInt32 = 0
            for byte in 0..<4 where strobes & (1 << byte) != 0 { mask |= 0xFF << (8 * byte) }
            let merged = (stored[r.id] ?? 0) & ~mask | data & mask
            stored[r.id] = merged & Self.ones(r.fields[0].bits)
            return (Self.okay, [])
        default:
            let pulses = r.fields.filter { strobes & (1 << ($0.lsb / 8)) != 0 && (data >> UInt32($0.lsb)) & 1 == 1 }.map(\.port)
            return (Self.okay, pulses)
        }
    }

    /// A read: the response and the data.
    package func read(address: Int) -> (response: Int, data: UInt32) {
        guard let r = register(at: address) else { return (Self.slaveError, 0) }
        switch r.access {
        case .readWrite: return (Self.okay, stored[r.id] ?? 0)
        case .pulse: return (Self.okay, 0)
        case .readOnly:
            var value: UInt32 = 0
            for f in r.fields { value |= bits(of: f.port, from: f.portLSB, count: f.bits) << UInt32(f.lsb) }
            return (Self.okay, value)
        }
    }

    /// The value a read-write port drives.
    package func output(_ port: String) -> UInt32 {
        map.registers.first { $0.access == .readWrite && $0.fields[0].port == port }.map { stored[$0.id] ?? 0 } ?? 0
    }

    private func bits(of port: String, from lsb: Int, count: Int) -> UInt32 {
        let words = inputs[port] ?? []
        var value: UInt32 = 0
        for i in 0..<count {
            let bit = lsb + i
            let word = bit / 32 < words.count ? words[bit / 32] : 0
            value |= ((word >> UInt32(bit % 32)) & 1) << UInt32(i)
        }
        return value
    }

    private static func ones(_ n: Int) -> UInt32 { n >= 32 ? .max : (1 << UInt32(n)) - 1 }
}
