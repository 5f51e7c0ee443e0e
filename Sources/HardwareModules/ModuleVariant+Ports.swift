import DesignSpace

extension ModuleVariant {
    /// The output whose 1 means "a result is here".
    package static let validOutput = "out_valid"
    /// Bits of an AXI address (the dma contract's ADDR_W).
    package static let axiAddressBits = 32

    /// The module's ports in declaration order (inputs, then outputs, as the templates
    /// declare them), for words of `f`.
    package func ports(format f: FixedPointFormat) -> [ModulePort] {
        let w = f.bits
        switch self {
        case .macLane(let m, _):
            return ["in_valid", "in_first", "in_last", "in_act"].map { ModulePort($0, 1, 1) }
                + [
                    ModulePort("in_a", m, w), ModulePort("in_b", m, w),
                    ModulePort("out_valid", 1, 1, output: true), ModulePort("out_y", 1, w, output: true),
                    ModulePort("out_acc", 1, Self.accumulatorBits(f), output: true),
                ]
        case .dynaProp(let b, let x):
            let aw = Int.ceilLog2(Self.thresholdTableDepth)
            return [
                ModulePort("tbl_we", 1, 1), ModulePort("tbl_addr", 1, aw), ModulePort("tbl_data", 1, w), ModulePort("tau_load", 1, 1),
                ModulePort("rho_sel", 1, aw), ModulePort("in_valid", 1, 1), ModulePort("in_transpose", 1, 1),
                ModulePort("in_tile", b * x * x, w), ModulePort("out_valid", 1, 1, output: true),
                ModulePort("out_tile", b * x * x, w, output: true), ModulePort("out_mask", b * x * x, 1, output: true),
            ]
        case .preSparsity(let n):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_row", n, w), ModulePort("in_mask", n, 1),
                ModulePort("out_valid", 1, 1, output: true), ModulePort("out_packed", n, w, output: true),
                ModulePort("out_count", 1, Int.ceilLog2(n + 1), output: true),
            ]
        case .postSparsity(let n):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_packed", n, w), ModulePort("in_mask", n, 1),
                ModulePort("out_valid", 1, 1, output: true), ModulePort("out_row", n, w, output: true),
            ]
        case .softmax(let b, let x):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_rows", b * x, w), ModulePort("in_keep", b * x, 1),
                ModulePort("out_valid", 1, 1, output: true), ModulePort("out_rows", b * x, w, output: true),
            ]
        case .layerNorm(let b, let x):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_rows", b * x, w), ModulePort("in_gamma", x, w),
                ModulePort("in_beta", x, w), ModulePort("out_valid", 1, 1, output: true),
                ModulePort("out_rows", b * x, w, output: true),
            ]
        case .fifo(let width, _):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_data", 1, width), ModulePort("out_ready", 1, 1),
                ModulePort("in_ready", 1, 1, output: true), ModulePort("out_valid", 1, 1, output: true),
                ModulePort("out_data", 1, width, output: true),
            ]
        case .dmaEngine(let d, let bw, let aw, _):
            let a = Self.axiAddressBits
            let inputs: [(String, Int)] = [
                ("cmd_valid", 1), ("cmd_store", 1), ("cmd_target", 2), ("cmd_mem_addr", a), ("cmd_stride", 32), ("cmd_buf_addr", aw),
                ("cmd_rows", 16), ("buf_rdata", bw), ("m_axi_awready", 1), ("m_axi_wready", 1), ("m_axi_bvalid", 1), ("m_axi_bresp", 2),
                ("m_axi_arready", 1), ("m_axi_rvalid", 1), ("m_axi_rdata", d), ("m_axi_rresp", 2), ("m_axi_rlast", 1),
            ]
            let outputs: [(String, Int)] = [
                ("cmd_ready", 1), ("done_valid", 1), ("err", 1), ("buf_we", 1), ("buf_target", 2), ("buf_waddr", aw), ("buf_wdata", bw),
                ("buf_re", 1), ("buf_raddr", aw), ("m_axi_awvalid", 1), ("m_axi_awaddr", a), ("m_axi_awlen", 8), ("m_axi_awsize", 3),
                ("m_axi_awburst", 2), ("m_axi_wvalid", 1), ("m_axi_wdata", d), ("m_axi_wstrb", d / 8), ("m_axi_wlast", 1),
                ("m_axi_bready", 1), ("m_axi_arvalid", 1), ("m_axi_araddr", a), ("m_axi_arlen", 8), ("m_axi_arsize", 3),
                ("m_axi_arburst", 2), ("m_axi_rready", 1),
            ]
            return inputs.map { ModulePort($0.0, 1, $0.1) } + outputs.map { ModulePort($0.0, 1, $0.1, output: true) }
        case .zeroFreePacker(let n):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_raw", 1, 1), ModulePort("in_tile", n, w),
                ModulePort("out_valid", 1, 1, output: true),
                ModulePort("out_packed", n, w, output: true), ModulePort("out_mask", n, 1, output: true),
            ]
        case .zeroFreeUnpacker(let n):
            return [
                ModulePort("in_valid", 1, 1), ModulePort("in_packed", n, w), ModulePort("in_mask", n, 1),
                ModulePort("out_valid", 1, 1, output: true), ModulePort("out_tile", n, w, output: true),
            ]
        case .csr(let w):
            let map = CSRMap(wordBits: w)
            let a = map.addressBits
            let r = CSRMap.registerBits
            let inputs: [(String, Int)] =
                [
                    ("s_axil_awvalid", 1), ("s_axil_awaddr", a), ("s_axil_wvalid", 1), ("s_axil_wdata", r), ("s_axil_wstrb", r / 8),
                    ("s_axil_bready", 1), ("s_axil_arvalid", 1), ("s_axil_araddr", a), ("s_axil_rready", 1),
                ] + map.inputPorts.map { ($0.name, $0.bits) }
            // The template declares the pulse ports, then the read-write ones, then the bus.
            let pulses = map.registers.filter { $0.access == .pulse }.flatMap(\.fields).map { ($0.port, 1) }
            let readWrite = map.registers.filter { $0.access == .readWrite }.map { ($0.fields[0].port, $0.fields[0].bits) }
            let outputs: [(String, Int)] =
                pulses + readWrite + [
                    ("s_axil_awready", 1), ("s_axil_wready", 1), ("s_axil_bvalid", 1), ("s_axil_bresp", 2), ("s_axil_arready", 1),
                    ("s_axil_rvalid", 1), ("s_axil_rdata", r), ("s_axil_rresp", 2),
                ]
            return inputs.map { ModulePort($0.0, 1, $0.1) } + outputs.map { ModulePort($0.0, 1, $0.1, output: true) }
        }
    }
}
