import DesignSpace

/// The one description of the control and status registers (the dma contract's register
/// map). It is a Swift value rather than a data file because all three of its products are
/// made by Swift: the `csr` SystemVerilog (its template's lists), docs/csr.md and the offsets
/// the testbenches and the controller use (`offset(of:)`). The compiler then checks every
/// use of a register by name, and no reader, schema or error path is needed for a file
/// that users never edit.
package struct CSRMap: Sendable, Equatable {
    /// The module classes with a busy-cycle counter, in register order.
    package static let busyClasses: [(id: CSRRegister.ID, name: String)] = [
        (.busyMAC, "mac"), (.busySoftmax, "softmax"), (.busyLayerNorm, "layer_norm"), (.busyDynaProp, "dynaprop"), (.busyDMA, "dma"),
    ]
    /// Bits of every counter (cycles and busy cycles).
    package static let counterBits = 32
    /// Bits of the data bus and of every register.
    package static let registerBits = 32

    /// Bits of the datapath word (the DynaProp thresholds' format).
    package let wordBits: Int
    /// The registers in offset order.
    package let registers: [CSRRegister]

    package init(wordBits w: Int) {
        wordBits = w
        let c = Self.counterBits
        var list: [CSRRegister] = [
            CSRRegister(
                .ctrl, 0x00, .pulse, "control",
                fields: [
                    CSRField("start", bits: 1, port: "ctrl_start", "write 1 to start the program at PROG_ADDR; self-clearing, reads 0")
                ]),
            CSRRegister(
                .status, 0x04, .readOnly, "status of the controller",
                fields: [
                    CSRField("busy", lsb: 0, bits: 1, port: "busy", "a program is running"),
                    CSRField("done", lsb: 1, bits: 1, port: "done", "the last program finished"),
                    CSRField("error", lsb: 2, bits: 1, port: "error", "the last program stopped on an error (see ERROR_CODE)"),
                ]),
            CSRRegister(
                .progAddr, 0x08, .readWrite, "program address",
                fields: [CSRField("addr", bits: 32, port: "prog_addr", "byte address of the instruction stream in main memory")]),
            CSRRegister(
                .progLen, 0x0C, .readWrite, "program length",
                fields: [CSRField("len", bits: 32, port: "prog_len", "number of instructions")]),
            CSRRegister(
                .cycles, 0x10, .readOnly, "cycle counter",
                fields: [CSRField("cycles", bits: c, port: "cycles", "cycles since the last start")]),
            CSRRegister(
                .errorCode, 0x14, .readOnly, "error code",
                fields: [CSRField("code", bits: 32, port: "error_code", "why the last program stopped (0: no error; codes in docs/isa.md)")]
            ),
        ]
        for (i, (id, name)) in Self.busyClasses.enumerated() {
            list.append(
                CSRRegister(
                    id, 0x20 + 4 * i, .readOnly, "busy cycles of the \(name) modules",
                    fields: [
                        CSRField(
                            "cycles", bits: c, port: "busy_counters", portLSB: i * c,
                            "cycles in which a \(name) module was busy since the last start")
                    ]))
        }
        list += [
            CSRRegister(
                .tauI, 0x40, .readWrite, "DynaProp inference threshold",
                fields: [CSRField("tau", bits: w, port: "tau_i", "tau_I in the datapath's fixed-point format (upper bits read 0)")]),
            CSRRegister(
                .tauT, 0x44, .readWrite, "DynaProp training threshold",
                fields: [CSRField("tau", bits: w, port: "tau_t", "tau_T in the datapath's fixed-point format (upper bits read 0)")]),
        ]
        registers = list
    }

    /// The register `id`.
    package func register(_ id: CSRRegister.ID) -> CSRRegister { registers.first { $0.id == id }! }

    /// Byte offset of `id`: the constant testbenches and the controller's host code use.
    package static func offset(of id: CSRRegister.ID) -> Int { CSRMap(wordBits: 16).register(id).offset }

    /// Bits of the AXI4-Lite address: enough for the highest register.
    package var addressBits: Int { Int.ceilLog2((registers.map(\.offset).max() ?? 0) + 4) }

    /// The ports the fields read (read-only registers), each once, with its width.
    package var inputPorts: [(name: String, bits: Int)] { ports(of: [.readOnly]) }
    /// The ports the fields drive (read-write and pulse registers), each once, with its width.
    package var outputPorts: [(name: String, bits: Int)] { ports(of: [.readWrite, .pulse]) }

    private func ports(of access: Set<CSRRegister.Access>) -> [(name: String, bits: Int)] {
        var order: [String] = []
        var bits: [String: Int] = [:]
        for r in registers where access.contains(r.access) {
            for f in r.fields {
                if bits[f.port] == nil { order.append(f.port) }
                bits[f.port] = max(bits[f.port] ?? 0, f.portLSB + f.bits)
            }
        }
        return order.map { ($0, bits[$0]!) }
    }
}
