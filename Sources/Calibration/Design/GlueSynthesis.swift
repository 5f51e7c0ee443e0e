import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import Toolchain

/// Synthesises the glue of a generated design: the logic the catalogue's leaf modules do not
/// hold. The design is generated with its system blocks (DMA engine, CSR), its leaf modules
/// and SRAMs are read as black boxes, and the rest is mapped hierarchically with the
/// calibration's recipe. One PE's glue is its PE module's and slot's own cells; the
/// controller's is everything else (top, DMA engine, CSR and the system wrapper).
package struct GlueSynthesis: Sendable {
    package let library: LibertyLibrary

    package init(library: LibertyLibrary) { self.library = library }

    /// The glue records of accelerator `index` with `processingElements` PEs, synthesised in
    /// `directory` (the design, script, log and statistics stay there).
    package func run(index: Int, generator: RTLGenerator, processingElements pes: Int, directory: String) throws -> [GlueRecords.Record] {
        let config = try AcceleratorSpace.config(at: index)
        let f = generator.format
        let design = try generator.generate(
            config, command: "transcode calibrate --glue", options: DesignOptions(naming: .derived(name: nil, index: index), peCount: pes),
            system: RTLGenerator.systemInterface(for: config, format: f))
        try design.write(to: directory)
        let pkg = design.packaging
        let naming = pkg.naming
        let leaves = Set(RTLGenerator.variants(for: config, format: f).map { naming.module($0.moduleName) } + [pkg.sram])
        let leafFiles = leaves.sorted().map { "\($0).sv" }
        let logic = pkg.sources.filter { !leafFiles.contains($0) }
        try write(SynthesisRecipe.abcConstraints, to: "\(directory)/abc.constr")
        let script =
            [
                pkg.hashBanner, "yosys -import", "read_verilog -sv -lib \(leafFiles.joined(separator: " "))",
                "read_verilog -sv \(logic.joined(separator: " "))", "hierarchy -check -top \(design.top)",
            ] + SynthesisRecipe.mappingSteps(top: design.top, liberty: library.path, constraints: "abc.constr", flatten: false, tcl: true)
            + ["tee -q -o glue_stat.txt stat -liberty \(library.path) -top \(design.top)"]
        try write(script.joined(separator: "\n") + "\n", to: "\(directory)/glue_synth.tcl")
        let yosys = try Toolchain.run(
            try Toolchain.require(.yosys), ["-q", "-l", "glue.log", "-c", "glue_synth.tcl"], directory: directory)
        guard yosys.status == 0 else {
            throw CalibrationError.synthesisFailed(module: design.top, log: Toolchain.excerpt(lines: 4, text: yosys.error + yosys.output))
        }
        let stat = try String(contentsOfFile: "\(directory)/glue_stat.txt", encoding: .utf8)
        let hierarchy = try DesignStatistics(stat: stat, macros: leaves, library: library)
        // The slot holds the PE: their own cells together, the leaves being black boxes.
        let pe = hierarchy.totals(of: naming.module("pe_slot"))
        let all = hierarchy.totals(of: design.top)
        let n = Double(pes)
        return [
            GlueRecords.Record(
                kind: ModuleKind.peGlue.rawValue, index: index, processingElements: pes,
                registerBits: ModuleCatalog.peGlueBits(config, format: f),
                areaUM2: pe.areaUM2, leakageMW: pe.leakageNW * 1e-6, cells: pe.cells),
            GlueRecords.Record(
                kind: ModuleKind.controller.rawValue, index: index, processingElements: pes,
                registerBits: ModuleCatalog.controllerBits(config, format: f) + pes * ModuleCatalog.arbiterBits(config, format: f),
                areaUM2: all.areaUM2 - n * pe.areaUM2,
                leakageMW: (all.leakageNW - n * pe.leakageNW) * 1e-6, cells: all.cells - pes * pe.cells),
        ]
    }

    private func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CalibrationError.unreadableFile(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
