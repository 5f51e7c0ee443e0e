import DesignSpace

extension ModuleVariant {
    /// The output whose 1 means "a result is here".
    package static let validOutput = "out_valid"

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
        }
    }
}
