import CostModel
import DesignSpace
import Elector
import Testing

/// The calibrated NanGate45 table is the default, and every built-in model runs on every
/// built-in accelerator with it, in both workloads and both fidelities.
@Suite struct CalibratedTableSimulationTests {
    @Test func theCalibratedTableIsTheDefault() throws {
        #expect(TableCatalog.defaultName == "nangate45")
        let table = try TableCatalog.load(nil)
        #expect(table.name == "nangate45" && table.clockMHz > 0)
        #expect(table.provenance["liberty_sha256"]?.count == 64)
    }

    @Test(arguments: BuiltIns.modelNames, BuiltIns.acceleratorNames)
    func builtInsSimulateOnTheCalibratedTable(model: String, accelerator: String) throws {
        let table = try TableCatalog.load("nangate45")
        for workload in Workload.allCases {
            for fidelity in SimulationRequest.Fidelity.allCases where !(model == "bert-base" && fidelity == .cycle && workload == .training)
            {
                let r = Simulator.simulate(
                    SimulationRequest(
                        model: try Catalog.model(model), accelerator: try Catalog.accelerator(accelerator), table: table,
                        workload: workload, fidelity: fidelity))
                #expect(
                    r.cycles > 0 && r.totalDynamicEnergyJ > 0 && r.totalLeakageEnergyJ > 0 && r.totalAreaMM2 > 0,
                    "\(model) on \(accelerator), \(workload), \(fidelity)")
                #expect(r.clockMHz == table.clockMHz)
            }
        }
    }
}
