import CostModel
import DesignSpace
import Elector
import RTLSim
import Testing

/// The simulator's program model against the generated top in Verilator (issue 13): total
/// cycles and every module class's busy cycles within 5% on four small programs, on two
/// designs: x = 8 with one multiplier per lane (so DynaProp and weight pruning change the MAC
/// lanes' row chunks), with b = 1 and with b = 4 (softmax and layer-norm rows issued four a
/// cycle to the b = 4 modules).
@Suite(.serialized) struct TimingValidationTests {
    static func config(batchTile b: Int) -> AcceleratorConfig {
        try! AcceleratorConfig(
            batchTile: b, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[8])
    }

    @Test(arguments: [1, 4])
    func theProgramModelIsWithinFivePercentOfTheRTL(batchTile: Int) throws {
        let cases = TimingValidation.standardCases(
            accelerator: "x8-m1-b\(batchTile)", config: Self.config(batchTile: batchTile), small: true)
        #expect(cases.count == 4 && cases[1].weightSparsity == 0.8)
        let validation = TimingValidation(
            library: RTLFixtures.library, model: BuiltIns.model(named: "bert-tiny")!, clockMHz: try TableCatalog.load(nil).clockMHz)
        let rows = try validation.run(cases, command: "TimingValidationTests")
        // Pruned weights cost no MAC-lane cycles: the same matmul with 80% of its weights
        // pruned keeps the lanes busy for fewer cycles, in the RTL and in the model alike.
        #expect((rows[1].rtlBusy[.mac] ?? 0) < (rows[0].rtlBusy[.mac] ?? 0) && rows[1].rtlCycles < rows[0].rtlCycles)
        #expect((rows[1].modelBusy[.mac] ?? 0) < (rows[0].modelBusy[.mac] ?? 0))
        for row in rows {
            #expect(row.rtlCycles > 0 && (row.rtlBusy[.mac] ?? 0) > 0, "\(row.program)")
            #expect(abs(row.ratio - 1) <= 0.05, "\(row.program): RTL \(row.rtlCycles), model \(row.modelCycles)")
            for c in ModuleClassBusy.allCases {
                if let r = row.busyRatio(c) {
                    #expect(abs(r - 1) <= 0.05, "\(row.program) \(c.rawValue): RTL \(row.rtlBusy[c] ?? 0), model \(row.modelBusy[c] ?? 0)")
                }
            }
        }
    }
}
