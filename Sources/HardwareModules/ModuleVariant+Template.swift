import DesignSpace

extension ModuleVariant {
    /// Depth of the DynaProp (rho -> tau) table.
    package static let thresholdTableDepth = 16

    /// Accumulator width of the MAC lane: wide enough for any product sum the design space
    /// produces without wrapping.
    package static func accumulatorBits(_ f: FixedPointFormat) -> Int { 2 * f.bits - f.fractionBits + 16 }

    /// log2(e) and the 2^f correction constant in the format's fraction bits.
    package static func log2eQ(_ f: FixedPointFormat) -> Int64 { Int64((1.4426950408889634 * Double(f.one)).rounded()) }
    package static func exp2CorrectionQ(_ f: FixedPointFormat) -> Int64 { Int64(((3 - 2 * 2.0.squareRoot()) * Double(f.one)).rounded()) }
    /// Layer-norm epsilon (1e-5) in the format, at least one unit.
    package static func epsilonQ(_ f: FixedPointFormat) -> Int64 { max(1, Int64((1e-5 * Double(f.one)).rounded())) }

    /// Values for the template, `module` and `banner` included. All derived values (widths,
    /// logarithms, constants) are computed here, so templates do no arithmetic.
    package func templateValues(format f: FixedPointFormat, banner: String) -> [String: String] {
        var v: [String: String] = ["module": moduleName, "banner": banner]
        switch self {
        case .macLane(let m, let a):
            v.merge([
                "w": "\(f.bits)", "fl": "\(f.fractionBits)", "m": "\(m)", "log2m": "\(Int.ceilLog2(m))",
                "accw": "\(Self.accumulatorBits(f))", "gelu": a == .gelu ? "1" : "0",
            ]) { $1 }
        case .dynaProp(let b, let x):
            v.merge([
                "b": "\(b)", "r": "\(x)", "c": "\(x)", "w": "\(f.bits)", "depth": "\(Self.thresholdTableDepth)",
                "aw": "\(Int.ceilLog2(Self.thresholdTableDepth))", "transpose": "1",
            ]) { $1 }
        case .preSparsity(let n), .postSparsity(let n):
            v.merge(["n": "\(n)", "w": "\(f.bits)", "cw": "\(Int.ceilLog2(n + 1))"]) { $1 }
        case .softmax(let b, let x):
            v.merge([
                "b": "\(b)", "y": "\(x)", "w": "\(f.bits)", "fl": "\(f.fractionBits)", "log2y": "\(Int.ceilLog2(x))",
                "levels": "\(Self.treeLevelsPerStage)", "tree_stages": "\(Self.treeStages(tile: x))",
                "div_stages": "\(Self.softmaxDividerStages(f))", "div_step": "\(Self.dividerBitsPerStage)",
                "log2e_q": "\(Self.log2eQ(f))", "c_q": "\(Self.exp2CorrectionQ(f))",
            ]) { $1 }
        case .layerNorm(let b, let x):
            v.merge([
                "b": "\(b)", "y": "\(x)", "w": "\(f.bits)", "fl": "\(f.fractionBits)", "log2y": "\(Int.ceilLog2(x))",
                "levels": "\(Self.treeLevelsPerStage)", "tree_stages": "\(Self.treeStages(tile: x))",
                "sqrt_stages": "\(Self.layerNormSquareRootStages(f))", "sqrt_step": "\(Self.squareRootBitsPerStage)",
                "recip_bits": "\(Self.layerNormReciprocalBits(f))", "div_stages": "\(Self.layerNormDividerStages(f))",
                "div_step": "\(Self.dividerBitsPerStage)", "eps_q": "\(Self.epsilonQ(f))",
            ]) { $1 }
        case .fifo(let w, let d):
            v.merge(["w": "\(w)", "depth": "\(d)", "aw": "\(max(Int.ceilLog2(d), 1))"]) { $1 }
        case .dmaEngine(let d, let bw, let aw, let burst):
            // The byte accumulator holds one buffer word and one beat.
            let accumulatorBytes = bw / 8 + d / 8
            v.merge([
                "data_w": "\(d)", "data_b": "\(d / 8)", "log2_data_b": "\(Int.ceilLog2(d / 8))", "addr_w": "\(Self.axiAddressBits)",
                "buf_w": "\(bw)", "buf_b": "\(bw / 8)", "buf_aw": "\(aw)", "max_burst": "\(burst)", "acc_w": "\(8 * accumulatorBytes)",
                "cnt_w": "\(Int.ceilLog2(accumulatorBytes + 1))", "beat_w": "\(Int.ceilLog2(d / 8) + 1)",
                "fifo_depth": "\(Self.dmaBurstQueueDepth)", "fifo_aw": "\(Int.ceilLog2(Self.dmaBurstQueueDepth))",
            ]) { $1 }
        case .zeroFreePacker(let n), .zeroFreeUnpacker(let n):
            v.merge(["n": "\(n)", "w": "\(f.bits)", "logn": "\(max(1, Int.ceilLog2(n)))", "levels": "\(Self.treeLevelsPerStage)"]) { $1 }
        case .csr(let w):
            let map = CSRMap(wordBits: w)
            v.merge(["aw": "\(map.addressBits)", "dw": "\(CSRMap.registerBits)", "sb": "\(CSRMap.registerBits / 8)"]) { $1 }
        }
        return v
    }

    /// Write bursts whose address the DMA engine has issued but whose data it has not begun.
    package static let dmaBurstQueueDepth = 4

    /// The lists a template's `{{#section}}` blocks iterate (the csr block's registers and
    /// fields); empty for the other modules.
    package var templateLists: [String: [[String: String]]] {
        guard case .csr(let w) = self else { return [:] }
        let map = CSRMap(wordBits: w)
        let aw = map.addressBits
        func word(_ offset: Int) -> String { "\(aw - 2)'d\(offset / 4)" }
        func ports(_ list: [(name: String, bits: Int)]) -> [[String: String]] {
            list.map { ["name": $0.name, "msb": "\($0.bits - 1)"] }
        }
        var readOnly: [[String: String]] = []
        var fields: [[String: String]] = []
        var readWrite: [[String: String]] = []
        var pulses: [[String: String]] = []
        for r in map.registers {
            let reg = r.name.lowercased()
            switch r.access {
            case .readOnly:
                readOnly.append(["name": reg, "word": word(r.offset)])
                for f in r.fields {
                    let width = map.inputPorts.first { $0.name == f.port }!.bits
                    let select = width == f.bits ? "" : f.bits == 1 ? "[\(f.portLSB)]" : "[\(f.portLSB + f.bits - 1):\(f.portLSB)]"
                    fields.append(["reg": reg, "msb": "\(f.msb)", "lsb": "\(f.lsb)", "port": f.port, "select": select])
                }
            case .readWrite:
                // One field from bit 0, driving its whole port.
                let f = r.fields[0]
                readWrite.append(["name": reg, "word": word(r.offset), "port": f.port, "bits": "\(f.bits)", "msb": "\(f.bits - 1)"])
            case .pulse:
                readOnly.append(["name": reg, "word": word(r.offset)])
                for f in r.fields {
                    pulses.append(["word": word(r.offset), "port": f.port, "bit": "\(f.lsb)", "byte": "\(f.lsb / 8)"])
                }
            }
        }
        let writable = map.registers.filter { $0.access != .readOnly }.map { ["word": word($0.offset)] }
        return [
            "in_ports": ports(map.inputPorts), "rw_regs": readWrite, "ro_regs": readOnly, "ro_fields": fields, "pulses": pulses,
            "writable": writable,
        ]
    }
}
