/// One 32-bit register of the csr block: where it is, who may write it and its fields.
package struct CSRRegister: Sendable, Equatable {
    /// Every register, by the name testbenches and the controller use.
    package enum ID: String, CaseIterable, Sendable {
        case ctrl = "CTRL"
        case status = "STATUS"
        case progAddr = "PROG_ADDR"
        case progLen = "PROG_LEN"
        case cycles = "CYCLES"
        case errorCode = "ERROR_CODE"
        case busyMAC = "BUSY_MAC"
        case busySoftmax = "BUSY_SOFTMAX"
        case busyLayerNorm = "BUSY_LAYER_NORM"
        case busyDynaProp = "BUSY_DYNAPROP"
        case busyDMA = "BUSY_DMA"
        case tauI = "TAU_I"
        case tauT = "TAU_T"
    }

    /// Who may write the register.
    package enum Access: String, Sendable {
        /// Host writes (byte strobes honoured) and reads back; its fields drive output ports.
        case readWrite = "rw"
        /// Host reads the input ports; a write is refused with SLVERR and changes nothing.
        case readOnly = "ro"
        /// A write of 1 to a field pulses its output port for one cycle; reads return 0.
        case pulse = "w1p"
    }

    package let id: ID
    /// Byte offset in the AXI4-Lite address space (a multiple of 4).
    package let offset: Int
    package let access: Access
    package let fields: [CSRField]
    /// One line: what the register is for.
    package let summary: String

    package init(_ id: ID, _ offset: Int, _ access: Access, _ summary: String, fields: [CSRField]) {
        self.id = id
        self.offset = offset
        self.access = access
        self.summary = summary
        self.fields = fields
    }

    package var name: String { id.rawValue }
}
