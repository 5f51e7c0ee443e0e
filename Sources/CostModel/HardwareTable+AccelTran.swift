import DesignSpace
import Foundation
import HardwareModules

/// Builds the paper's 14 nm table from the figures published with AccelTran
/// (jha-lab/acceltran, constants/constants.yaml, BSD-3-Clause): Synopsys Design Compiler
/// on a 14 nm FinFET library at 700 MHz, buffers from FinCACTI, memories from NVMain.
extension HardwareTable {
    /// Converts the `constants_14nm` object of `reference/acceltran.json`.
    ///
    /// AccelTran publishes one figure per module at batch tile 1 and spatial tile 16 where
    /// the module does not vary with the tile; the conversion scales such figures by the
    /// number of elements the module handles (a b = 4 softmax is four b = 1 softmaxes side
    /// by side; sparsity modules scale with the tile row). AccelTran has no DynaProp module:
    /// its figure here is the pre-sparsity module scaled by the tile's element count, an
    /// estimate marked as such in the provenance. Main-memory energies are AccelTran's; the
    /// bandwidth entry is the peak of the memory's interface in `datasheets` (the simulator
    /// models the sustained figure from the same datasheets, `MainMemoryModel`).
    package static func acceltran14nm(
        constants c: [String: Any], memory datasheets: MainMemoryDatasheets = .shipped
    ) throws -> HardwareTable {
        func number(_ path: String) throws -> Double {
            var node: Any = c
            for part in path.split(separator: ".") {
                guard let dict = node as? [String: Any], let next = dict[String(part)] else {
                    throw CostModelError.missingEntry(table: "acceltran-14nm", entry: path)
                }
                node = next
            }
            guard let n = node as? NSNumber else {
                throw CostModelError.invalidNumber(table: "acceltran-14nm", entry: path, field: "value")
            }
            return n.doubleValue
        }
        func cost(_ path: String) throws -> ModuleCost {
            ModuleCost(
                areaUM2: try number(path + ".area"), dynamicMW: try number(path + ".dynamic"),
                leakageMW: try number(path + ".leakage"))
        }

        let pre = try cost("pre_sparsity")
        let post = try cost("post_sparsity")
        /// The figure of one catalogue entry for the accelerators of `choice`.
        func figure(_ kind: ModuleKind, _ choice: ModuleChoice) throws -> ModuleCost {
            let (b, x) = (Double(choice.batchTile), Double(choice.spatialTile))
            switch kind {
            case .macLane: return try cost("lane.mac_per_lane_\(choice.macsPerLane).\(choice.activation.rawValue)")
            case .softmax: return try cost("softmax.tile_\(choice.spatialTile)").times(b)
            case .layerNorm: return try cost("layer_norm.tile_\(choice.spatialTile)").times(b)
            case .dynaProp: return pre.times(b * x * x / 256)
            case .preSparsity: return pre.times(x / 16)
            case .postSparsity: return post.times(x / 16)
            case .fifo, .dma, .dataflow: return try cost(kind.rawValue)
            case .activationBuffer, .weightBuffer, .maskBuffer: preconditionFailure("buffers are costed per megabyte")
            case .dmaEngine, .csr, .zeroFreePacker, .zeroFreeUnpacker: preconditionFailure("\(kind.rawValue) is costed inside controller")
            // AccelTran publishes nothing for the generated RTL's glue.
            case .peGlue, .controller, .arbiter: return ModuleCost(areaUM2: 0, dynamicMW: 0, leakageMW: 0)
            }
        }
        /// The figure of the variant the generated RTL instantiates.
        func rtlFigure(_ entry: ModuleEntry, _ choice: ModuleChoice) throws -> ModuleCost {
            switch entry.rtlVariant(for: choice) {
            case .fifo(let w, _): return try cost("fifo").times(Double(w) / 320)
            case .softmax(let b, _), .layerNorm(let b, _):
                return try figure(
                    entry.kind,
                    ModuleChoice(
                        macsPerLane: choice.macsPerLane, activation: choice.activation, spatialTile: choice.spatialTile, batchTile: b))
            default: return try figure(entry.kind, choice)
            }
        }
        var modules: [String: ModuleCost] = [:]
        for entry in ModuleCatalog.moduleEntries {
            for choice in ModuleChoice.all {
                if modules[entry.tableKey(for: choice)] == nil { modules[entry.tableKey(for: choice)] = try figure(entry.kind, choice) }
                let rtl = entry.tableKey(for: choice, rtl: true)
                if modules[rtl] == nil { modules[rtl] = try rtlFigure(entry, choice) }
            }
        }

        var buffers: [String: BufferCost] = [:]
        for name in ModuleCatalog.bufferKeys {
            let p = "\(name)_buffer"
            buffers[name] = BufferCost(
                areaUM2PerMB: try number(p + ".area"), accessEnergyNJ: try number(p + ".energy"),
                leakageMWPerMB: try number(p + ".leakage"), bandwidthGBs: try number(p + ".bandwidth"))
        }
        var memories: [String: MemoryCost] = [:]
        for memory in MainMemory.all {
            memories[memory.key] = MemoryCost(
                accessEnergyNJ: try number("main_memory.energy.\(memory.key)"),
                bandwidthGBs: datasheets.types[memory.kind]!.peakGBs,
                source: "energy: AccelTran (NVMain); bandwidth: interface peak, \(datasheets.types[memory.kind]!.part)")
        }
        return HardwareTable(
            name: "acceltran-14nm", technology: "14 nm FinFET (AccelTran, Design Compiler), 0.8 V",
            provenance: [
                "source":
                    "reference/acceltran.json constants_14nm, from jha-lab/acceltran constants/constants.yaml at commit ea7ba16 (BSD-3-Clause)",
                "citation": "S. Tuli and N. K. Jha, AccelTran, IEEE TCAD 2023; TransCODE, arXiv 2303.14882",
                "estimated":
                    "dynaprop_* (no published figure: pre_sparsity scaled by tile elements); softmax/layer_norm at b=4 (4x b=1); sparsity modules at n!=16 (scaled by n/16); fifo at the RTL's tile widths (the 320-bit figure scaled by width); pe_glue, controller and arbiter 0 (AccelTran publishes no figure for the generated RTL's glue: compose as AccelTran with --reference acceltran)",
                "command": "transcode table convert-acceltran",
            ],
            clockMHz: try number("clock_frequency"), integerBits: Int(try number("bits.IL")),
            fractionBits: Int(try number("bits.FL")), modules: modules, buffers: buffers, mainMemory: memories)
    }
}
