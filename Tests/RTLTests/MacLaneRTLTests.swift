import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

@Suite(.serialized) struct MacLaneRTLTests {
    static let points: [(Int, Activation)] = [(1, .relu), (1, .gelu), (16, .relu), (16, .gelu)]

    @Test(arguments: 0..<points.count)
    func macLaneMatchesTheReferenceAndTheTimingFormula(point: Int) throws {
        let (m, activation) = Self.points[point]
        let variant = ModuleVariant.macLane(macs: m, activation: activation)
        let harness = ModuleHarness(variant: variant, format: RTLFixtures.format)
        let model = MacLaneReference(format: RTLFixtures.format, macs: m, gelu: activation == .gelu)
        var rng = SeededGenerator(seed: UInt64(point) + 100)
        var beats: [MacLaneReference.Beat] = []
        var stimulus: [BitVector] = []
        var lastCycles: [Int] = []
        // Dot products of 1 to 4 beats, back to back, with the activation on or off.
        for product in 0..<60 {
            let length = product < 20 ? 1 : Int(rng.next() % 4) + 1
            let act = rng.next() % 2 == 0
            let allZero = product % 15 == 7
            for k in 0..<length {
                let a = (0..<m).map { _ in allZero ? 0 : RTLFixtures.word(&rng) }
                let b = (0..<m).map { _ in allZero ? 0 : RTLFixtures.word(&rng) }
                let beat = MacLaneReference.Beat(a: a, b: b, first: k == 0, last: k == length - 1, act: act)
                beats.append(beat)
                if beat.last { lastCycles.append(stimulus.count) }
                stimulus.append(
                    harness.vector([
                        "in_valid": [1], "in_first": [beat.first ? 1 : 0], "in_last": [beat.last ? 1 : 0],
                        "in_act": [act ? 1 : 0], "in_a": a, "in_b": b,
                    ]))
            }
            if product % 10 == 9 { stimulus.append(harness.vector([:])) }  // an idle cycle now and then
        }
        let expected = model.run(beats)
        let samples = try RTLFixtures.verilator.run(
            top: variant.moduleName, sources: try RTLFixtures.source(variant), layout: harness.layout, stimulus: stimulus)
        #expect(samples.map { harness.read($0, "out_y")[0] } == expected)
        let latencies = Set(zip(samples, lastCycles).map { $0.cycle - $1 + 1 })
        #expect(latencies == [3 + Int.ceilLog2(m)])
        // Saturation happened in this run (the extreme inputs reached the clamp).
        #expect(expected.contains(RTLFixtures.format.maxValue) || expected.contains(RTLFixtures.format.minValue))
    }
}
