import CostModel
import DesignSpace
import Testing

@testable import Elector

/// Power gating of idle PE modules: `off` is the ungated figure exactly, gating never raises
/// energy and never changes time or dynamic energy.
@Suite struct PowerGatingTests {
    func run(
        _ model: TransformerModel, _ config: AcceleratorConfig, _ workload: Workload, _ fidelity: SimulationRequest.Fidelity,
        _ gating: PowerGating
    ) -> SimulationResult {
        Simulator.simulate(
            SimulationRequest(
                model: model, accelerator: config, table: paperTable, workload: workload, fidelity: fidelity, powerGating: gating))
    }

    @Test func offChargesEveryModuleForTheWholeRun() throws {
        for fidelity in SimulationRequest.Fidelity.allCases {
            let config = try Catalog.accelerator("acceltran-edge")
            let r = run(try Catalog.model("bert-tiny"), config, .training, fidelity, .off)
            let hardware = HardwareInstance(config: config, table: paperTable)
            #expect(r.powerGating == .off)
            #expect(r.leakageEnergyJ == hardware.leakageMW.scaled(by: 1e-3 * Double(r.cycles) * hardware.cycleSeconds))
        }
    }

    @Test func gatingNeverRaisesEnergy() throws {
        // The cycle-level mode on BERT-Tiny and AccelTran-Edge; the fast mode (the same
        // gating over its levels) on the built-ins and a random sample too.
        let tiny = try Catalog.model("bert-tiny")
        var pairs: [(TransformerModel, AcceleratorConfig, SimulationRequest.Fidelity)] = [
            (tiny, try Catalog.accelerator("acceltran-edge"), .cycle)
        ]
        for name in BuiltIns.acceleratorNames { pairs.append((tiny, try Catalog.accelerator(name), .fast)) }
        pairs += zip(TransformerSpace.sample(4, seed: 61), AcceleratorSpace.sample(4, seed: 62)).map { ($0, $1, .fast) }
        var saved = 0.0
        for (model, config, fidelity) in pairs {
            do {
                for workload in Workload.allCases {
                    let off = run(model, config, workload, fidelity, .off)
                    for gating in [PowerGating.moduleClass, .pe] {
                        let gated = run(model, config, workload, fidelity, gating)
                        #expect(gated.cycles == off.cycles && gated.dynamicEnergyJ == off.dynamicEnergyJ)
                        for (g, o) in zip(gated.leakageEnergyJ.entries, off.leakageEnergyJ.entries) {
                            #expect(g.value <= o.value, "\(gating) \(fidelity) \(workload): \(g.name) \(g.value) > \(o.value)")
                        }
                        #expect(gated.leakageEnergyJ.activationBuffer == off.leakageEnergyJ.activationBuffer)
                        #expect(gated.leakageEnergyJ.control == off.leakageEnergyJ.control)
                        saved += off.totalLeakageEnergyJ - gated.totalLeakageEnergyJ
                    }
                }
            }
        }
        #expect(saved > 0)
    }

    @Test func poweredTimeIsTheUnionPlusCheapestGaps() {
        let w = PowerGating.wakeUpCycles
        let intervals = [
            BusyInterval(unit: .macLane, start: 100, end: 200, unitCycles: 100),
            BusyInterval(unit: .macLane, start: 150, end: 250, unitCycles: 100),
            BusyInterval(unit: .macLane, start: 253, end: 300, unitCycles: 47),
            BusyInterval(unit: .macLane, start: 1000, end: 1100, unitCycles: 100),
        ]
        // Wake-up before 100, union 100..300 (the 3-cycle gap stays powered), a wake-up
        // for the long gap, then 1000..1100.
        #expect(PoweredFractions.poweredCycles(intervals) == w + 200 + w + 100)
        #expect(PoweredFractions.poweredCycles([]) == 0)
    }
}
