import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import Testing
import Toolchain

@testable import Calibration

/// Synthesis on the real NanGate45 liberty: the checked-in records and table must still hold.
@Suite(.serialized) struct CalibrationFreshnessTests {
    static let refresh =
        "refresh with: transcode calibrate --modules mac_lane_m1_relu,dynaprop_b1_x8 (or transcode calibrate for the whole table)"

    @Test(arguments: [ModuleVariant.macLane(macs: 1, activation: .relu), .dynaProp(batchTile: 1, tile: 8)])
    func checkedInRecordsMatchAFreshSynthesis(variant: ModuleVariant) throws {
        let flow = try SynthesisFlow(
            liberty: try Toolchain.liberty(projectRoot: ProjectFiles.root),
            generator: RTLGenerator(library: TemplateLibrary(directory: ProjectFiles.path("templates"))))
        let fresh = try flow.calibrate(variant, stimulus: CalibrationStimulus.vectors(variant, format: .paper))
        let records = try #require(try CalibrationRecords.load(path: ProjectFiles.path("synth/nangate45-modules.json")))
        guard let stored = records.modules.first(where: { $0.module == variant.moduleName }) else {
            Issue.record("synth/nangate45-modules.json has no \(variant.moduleName); \(Self.refresh)")
            return
        }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) / b < 0.01 }
        #expect(close(fresh.areaUM2, stored.areaUM2), "area \(fresh.areaUM2) vs \(stored.areaUM2) um^2; \(Self.refresh)")
        #expect(close(fresh.leakageMW, stored.leakageMW), "leakage \(fresh.leakageMW) vs \(stored.leakageMW) mW; \(Self.refresh)")
        #expect(
            close(fresh.criticalPathNS, stored.criticalPathNS),
            "critical path \(fresh.criticalPathNS) vs \(stored.criticalPathNS) ns; \(Self.refresh)")
        #expect(
            close(fresh.energy.totalFJPerCycle, stored.energy.totalFJPerCycle),
            "energy \(fresh.energy.totalFJPerCycle) vs \(stored.energy.totalFJPerCycle) fJ/cycle; \(Self.refresh)")
        // Every cell is a NanGate cell, registers were mapped, leakage and energy are there.
        #expect(fresh.cells.keys.allSatisfy { !$0.hasPrefix("$") })
        #expect(fresh.flipFlops > 0 && fresh.leakageMW > 0 && fresh.energy.switchingFJPerCycle > 0 && fresh.energy.internalFJPerCycle > 0)
    }

    /// The checked-in table is exactly what the checked-in records and memory models assemble to.
    @Test func checkedInTableMatchesItsRecords() throws {
        let records = try #require(try CalibrationRecords.load(path: ProjectFiles.path("synth/nangate45-modules.json")))
        let stored = try HardwareTable.load(path: ProjectFiles.path("synth/nangate45.json"))
        let glue = try #require(try GlueRecords.load(path: ProjectFiles.path("synth/nangate45-glue.json")))
        let assembled = try CalibratedTable(
            records: records.modules, glue: glue, plan: .standard,
            memory: MemoryModels.load(path: ProjectFiles.path("data/memory-models.json")),
            source: HardwareTable.load(path: ProjectFiles.path("synth/acceltran-14nm.json")), format: .paper, technology: stored.technology,
            provenance: [:]
        ).table
        let hint = "synth/nangate45.json is stale; refresh with: transcode calibrate"
        #expect(assembled.clockMHz == stored.clockMHz, "\(hint)")
        for key in ModuleCatalog.moduleKeys {
            let a = assembled.module(key)
            let s = stored.module(key)
            #expect(
                abs(a.areaUM2 - s.areaUM2) <= 1e-6 * max(s.areaUM2, 1) && abs(a.dynamicMW - s.dynamicMW) <= 1e-6 * max(s.dynamicMW, 1e-9),
                "\(key): \(hint)")
        }
        for (name, b) in assembled.buffers { #expect(stored.buffers[name] == b, "buffers.\(name): \(hint)") }
        #expect(stored.provenance["liberty_sha256"]?.count == 64)
    }

    @Test func scalingModelIsCheckedOnHeldOutPoints() throws {
        let records = try #require(try CalibrationRecords.load(path: ProjectFiles.path("synth/nangate45-modules.json")))
        let glue = try #require(try GlueRecords.load(path: ProjectFiles.path("synth/nangate45-glue.json")))
        let calibrated = try CalibratedTable(
            records: records.modules, glue: glue, plan: .standard,
            memory: MemoryModels.load(path: ProjectFiles.path("data/memory-models.json")),
            source: HardwareTable.load(path: ProjectFiles.path("synth/acceltran-14nm.json")), format: .paper, technology: "t",
            provenance: [:])
        // One held-out point per family plus the two batch-rule checks (and one per glue kind
        // with two or more synthesised designs).
        let pe = glue.records(.peGlue)
        let glueChecks = pe.dropLast().contains { $0.index != pe.last?.index } ? 1 : 0
        #expect(calibrated.checks.count == ScalingFamily.allCases.count + CalibrationPlan.standard.batchChecks.count + glueChecks)
        // The scaling model must predict what it did not see to within 10% in area.
        for check in calibrated.checks { #expect(check.areaError < 0.10, "\(check.module): \(check.basis), area error \(check.areaError)") }
        // The b = 4 softmax and layer-norm at x = 8 are synthesised; their wider b = 4
        // variants follow a fit that includes them.
        #expect(calibrated.modelled["softmax_b4_x8"] == nil && calibrated.modelled["layer_norm_b4_x8"] == nil)
        #expect(calibrated.modelled["softmax_b4_x32"] == "fit of b (a + c x) on synthesised sizes 4, 8, 16 and b x x = 2 x 4, 4 x 8")
        #expect(calibrated.modelled["layer_norm_b4_x16"] == "fit of b (a + c x) on synthesised sizes 2, 4, 8 and b x x = 4 x 8")
        #expect(calibrated.modelled["mac_lane_m16_gelu"] == nil)
        // The tile FIFO of index 0 is synthesised; the 32-wide b = 4 tile's follows the fit.
        #expect(
            calibrated.modelled["fifo_w1284_d2"] == nil
                && calibrated.modelled["fifo_w81924_d2"] == "fit of a + c w on synthesised sizes 80, 320, 1284")
    }
}

/// The pieces of the flow on their own, without running the tools.
@Suite struct CalibrationUnitTests {
    @Test func libertyIsRead() throws {
        let lib = try LibertyLibrary(path: try Toolchain.liberty(projectRoot: ProjectFiles.root))
        #expect(lib.cells.count > 100)
        #expect(lib.voltage == 1.1)
        #expect((lib.cells["INV_X1"]?.leakageNW ?? 0) > 0)
        #expect(lib.cells["NAND2_X1"]?.pin("ZN")?.function == "!(A1 & A2)")
        #expect(lib.cells["DFFR_X1"]?.flipFlop?.clear == "!RN")
        #expect((lib.cells["NAND2_X1"]?.pin("ZN")?.internalEnergy(transition: 0.02, load: 2) ?? 0) > 0)
        #expect((lib.wireLoad?.capacitance(fanout: 4) ?? 0) > (lib.wireLoad?.capacitance(fanout: 1) ?? 0))
        #expect(throws: CalibrationError.unreadableLiberty(path: "/no/such.lib")) { try LibertyLibrary(path: "/no/such.lib") }
    }

    @Test func libertyGroupsKeepRepeatedAttributes() throws {
        let text = """
            library (t) { nom_voltage : 1.0; /* c */ wire_load ("w") { capacitance : 2; slope : 1; fanout_length(1, 1.5); fanout_length(2, 3.0); }
              cell (INV) { area : 0.5; pin (A) { direction : input; capacitance : 1.0; } pin (Z) { direction : output; function : "!A";
                internal_power () { related_pin : "A"; rise_power (p) { index_1 ("0.01, 0.1"); index_2 ("1, 3"); values ("1, 3", \\
                "2, 4"); } fall_power (p) { index_1 ("0.01, 0.1"); index_2 ("1, 3"); values ("1, 3", "2, 4"); } } } } }
            """
        let g = try #require(LibertyGroup.parse(text))
        #expect(g.groups("wire_load").first?.complexAttributes["fanout_length"]?.count == 2)
        let cell = LibertyCell(try #require(g.groups("cell").first), leakageToNW: 1)
        #expect(cell.pin("Z")?.function == "!A")
        // Bilinear: halfway in load between 1 and 3 at the first transition.
        #expect(abs((cell.pin("Z")?.internalEnergy(transition: 0.01, load: 2) ?? 0) - 2) < 1e-12)
        #expect(WireLoadModel(try #require(g.groups("wire_load").first))?.capacitance(fanout: 3) == (3.0 + 1) * 2)
    }

    @Test func cellModelsFollowTheLibertyFunctions() throws {
        let lib = try LibertyLibrary(path: try Toolchain.liberty(projectRoot: ProjectFiles.root))
        let models = try CellModelWriter.models(of: ["DFFR_X1", "NAND2_X1", "LOGIC0_X1"], library: lib, module: "m")
        #expect(models.contains("always @(posedge CK or negedge RN) if (!RN) IQ <= 1'b0; else IQ <= D;"))
        #expect(models.contains("assign ZN = ~(A1 & A2);"))
        #expect(models.contains("assign Z = 1'b0;"))
        #expect(throws: CalibrationError.unknownArea(module: "m", cell: "NOPE_X1")) {
            try CellModelWriter.models(of: ["NOPE_X1"], library: lib, module: "m")
        }
    }

    @Test func toggleCountsReadAValueChangeDump() {
        let vcd = """
            $scope module u_dut $end
            $var wire 1 ! _0001_ $end
            $var wire 4 " in_a [3:0] $end
            $upscope $end
            $enddefinitions $end
            #0
            $dumpvars
            x!
            bxxxx "
            $end
            #10
            0!
            b0011 "
            #20
            1!
            b101 "
            #30
            0!
            b1 "
            """
        let t = ToggleCounts(vcd: Array(vcd.utf8)).toggles
        // x -> 0 is not a transition; 0 -> 1 -> 0 is two.
        #expect(t["_0001_"] == 2)
        // 0011 -> 0101 -> 0001 (b101 is left-extended with 0): bit 1 falls once, bit 2 rises and falls.
        #expect(t["in_a[0]"] == 0 && t["in_a[1]"] == 1 && t["in_a[2]"] == 2 && t["in_a[3]"] == 0)
    }

    @Test func energyCombinesSwitchingAndInternalEnergy() throws {
        let lib = try LibertyLibrary(path: try Toolchain.liberty(projectRoot: ProjectFiles.root))
        let netlist = GateNetlist(
            verilog: """
                module m(a, y);
                  INV_X1 _1_ (
                    .A(a),
                    .ZN(_0001_)
                  );
                  INV_X1 _2_ (
                    .A(_0001_),
                    .ZN(y)
                  );
                endmodule
                """, cells: ["INV_X1"])
        #expect(netlist.instances.count == 2 && netlist.cellCounts["INV_X1"] == 2)
        let toggles = ToggleCounts(
            vcd: Array("$var wire 1 ! a $end\n$var wire 1 # _0001_ $end\n$enddefinitions $end\n0!\n1#\n1!\n0#\n0!\n1#\n".utf8))
        let e = GateLevelEnergy(netlist: netlist, toggles: toggles, library: lib, cycles: 2)
        let inv = try #require(lib.cells["INV_X1"])
        let pinCap = try #require(inv.pin("A")).capacitance
        let wire = lib.wireLoad?.capacitance(fanout: 1) ?? 0
        // Two transitions on each of a and _0001_, each loading one INV input.
        let expectedSwitching = 4 * 0.5 * (pinCap + wire) * 1.1 * 1.1 / 2
        #expect(abs(e.switchingFJPerCycle - expectedSwitching) < 1e-9)
        let expectedInternal =
            2 * (try #require(inv.pin("ZN"))).internalEnergy(transition: GateLevelEnergy.nominalTransitionNS, load: pinCap + wire) / 2
        #expect(abs(e.internalFJPerCycle - expectedInternal) < 1e-9)
        #expect(abs(e.milliwatts(atMHz: 100) - e.totalFJPerCycle * 1e-4) < 1e-12)
    }

    @Test func scalingFitRecoversItsParameters() {
        let softmax = ScalingFamily.softmax
        func r(_ f: ScalingFamily, _ s: Int) -> ScalingFamily.Regressors { f.regressors(batchTile: 1, side: s) }
        let fit = ScalingFit(points: [(r(softmax, 4), 7 + 3 * 4), (r(softmax, 8), 7 + 3 * 8), (r(softmax, 16), 7 + 3 * 16)])
        #expect(abs(fit.coefficients[0] - 7) < 1e-9 && abs(fit.coefficients[1] - 3) < 1e-9)
        #expect(abs(fit.value(at: r(softmax, 32)) - (7 + 3 * 32)) < 1e-9)
        // Least squares through points off a line.
        let noisy = ScalingFit(points: [(r(softmax, 0), 0), (r(softmax, 1), 2), (r(softmax, 2), 2)])
        #expect(abs(noisy.coefficients[1] - 1) < 1e-12 && abs(noisy.coefficients[0] - 1.0 / 3) < 1e-12)
        // The sparsity form a n + c n^2 through two points: no intercept to fit.
        let sparsity = ScalingFamily.preSparsity
        let quadratic = ScalingFit(points: [(r(sparsity, 4), 5 * 4 + 2 * 16), (r(sparsity, 8), 5 * 8 + 2 * 64)])
        #expect(abs(quadratic.value(at: r(sparsity, 16)) - (5 * 16 + 2 * 256)) < 1e-9)
        // Softmax's b rows cost b times one row: b = 4 points enter the same fit.
        let rows = ScalingFit(points: [
            (r(softmax, 4), 7 + 3 * 4), (r(softmax, 8), 7 + 3 * 8), (softmax.regressors(batchTile: 4, side: 8), 4 * (7 + 3 * 8)),
        ])
        #expect(abs(rows.value(at: softmax.regressors(batchTile: 4, side: 32)) - 4 * (7 + 3 * 32)) < 1e-9)
        // One point only: no direction to separate, the first coefficient takes it.
        #expect(ScalingFit(points: [(r(softmax, 4), 9)]).coefficients == [9, 0])
    }

    @Test func yosysStatisticsAreChecked() {
        #expect(throws: CalibrationError.unknownArea(module: "m", cell: "foo")) {
            try SynthesisFlow.checkedCells(stat: "Area for cell type foo is unknown!", module: "m")
        }
        #expect(throws: CalibrationError.unmappedCells(module: "m", cells: ["$_AND_"])) {
            try SynthesisFlow.checkedCells(stat: "     $_AND_     3\n     NAND2_X1   4\n", module: "m")
        }
        #expect(throws: CalibrationError.inferredLatch(module: "m")) {
            try SynthesisFlow.checkedCells(stat: "     $_DLATCH_P_     1\n", module: "m")
        }
        #expect(
            CalibrationError.inferredLatch(module: "m").description == "m infers a latch: make every always_comb assign all its outputs")
        #expect(
            CalibrationError.netlistMismatch(module: "m", cycle: 3).description
                == "the synthesised netlist of m differs from its RTL at cycle 3: report this synthesis result")
    }

    @Test func memoryModelsAreValidated() throws {
        let m = try MemoryModels.load(path: ProjectFiles.path("data/memory-models.json"))
        #expect(m.factor("sram_area") > 1 && m.scaledModules == ["dma", "dataflow"])
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("mm-\(UUID()).json").path
        var object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path("data/memory-models.json"))))
            as! [String: Any]
        var factors = object["factors"] as! [String: Any]
        factors["energy"] = ["value": 0, "citation": "x"]
        object["factors"] = factors
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: bad))
        #expect(throws: CalibrationError.unreadableMemoryModels(path: bad, reason: "factors.energy.value must be a number > 0")) {
            try MemoryModels.load(path: bad)
        }
        #expect(CalibrationError.unreadableMemoryModels(path: "f", reason: "r").description == "cannot read memory models f: r")
    }
}

/// The calibration as one library call, without synthesis.
@Suite struct CalibratorTests {
    func request(_ synthesis: CalibrationRequest.Synthesis, records: String, table: String) throws -> CalibrationRequest {
        CalibrationRequest(
            synthesis: synthesis, liberty: nil, templates: ProjectFiles.path("templates"),
            memoryModels: ProjectFiles.path("data/memory-models.json"),
            records: records, table: table, cache: NSTemporaryDirectory(),
            reference: try HardwareTable.load(path: ProjectFiles.path("synth/acceltran-14nm.json")), compareWithReference: true,
            glueRecords: records.hasPrefix("/no/such") ? "/no/such/glue.json" : ProjectFiles.path("synth/nangate45-glue.json"))
    }

    /// Assembling from the checked-in records gives the checked-in table, byte for byte.
    @Test func assemblingTheRecordsReproducesTheCheckedInTable() throws {
        let out = NSTemporaryDirectory() + "transcode-assembled-\(UUID()).json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try Calibrator(try request(.none, records: ProjectFiles.path("synth/nangate45-modules.json"), table: out)).run()
        #expect(report.synthesised.isEmpty && report.recordsWritten == nil && report.missingRecords.isEmpty)
        #expect(report.tableWritten == out)
        #expect(
            report.comparison?.rows.map(\.key) == ModuleCatalog.moduleKeys.filter { !["pe_glue", "controller", "arbiter"].contains($0) })
        let written = try String(contentsOfFile: out, encoding: .utf8)
        let checkedIn = try String(contentsOfFile: ProjectFiles.path("synth/nangate45.json"), encoding: .utf8)
        #expect(written == checkedIn, "synth/nangate45.json is stale; refresh with: transcode calibrate --assemble-only")
    }

    /// Without records the table is not assembled, and the report says which are missing.
    @Test func missingRecordsAreReported() throws {
        let report = try Calibrator(try request(.none, records: "/no/such/records.json", table: "/no/such/table.json")).run()
        #expect(report.calibrated == nil && report.tableWritten == nil)
        #expect(
            report.missingRecords
                == CalibrationPlan.standard.variants.map(\.moduleName) + ["pe_glue and controller (run 'transcode calibrate --glue 0:2')"])
    }

    @Test func unknownModulesAreRejectedWithoutNamingAFlag() throws {
        #expect(
            throws: CalibrationError.unknownModule(name: "mac_lane_m2_relu", known: CalibrationPlan.standard.variants.map(\.moduleName))
        ) {
            try CalibrationPlan.standard.variants(named: ["mac_lane_m2_relu"])
        }
        let message = CalibrationError.unknownModule(name: "x", known: ["a", "b"]).description
        #expect(message == "unknown module 'x': use one of a, b")
        #expect(
            CalibrationError.noLiberty.description
                == "synthesis needs the NanGate45 liberty file: run scripts/setup or set TRANSCODE_LIBERTY")
        #expect(throws: CalibrationError.noLiberty) {
            try Calibrator(try request(.modules(["fifo_w320_d2"]), records: "/no/such/records.json", table: "/no/such/table.json")).run()
        }
    }

    /// The plan synthesises every table variant without a scaling family directly.
    @Test func planSynthesisesTheUnscaledVariants() {
        #expect(
            CalibrationPlan.standard.direct.map(\.moduleName)
                == ["mac_lane_m1_relu", "mac_lane_m1_gelu", "mac_lane_m16_relu", "mac_lane_m16_gelu"])
    }
}
