import DesignSpace
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// A known smooth function of the normalised input.
func synthetic(_ x: [Double]) -> Double {
    0.5 * sin(3 * x[0]) + 0.3 * x[1] * x[1] - 0.2 * x[2] + 0.1 * cos(5 * x[3])
}

func randomInputs(_ n: Int, dimension d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() } }
}

@Suite struct SurrogateTests {
    @Test func boshcodeSurrogateErrorFallsAsDataGrows() {
        let test = randomInputs(200, dimension: 8, seed: 99)
        func error(_ n: Int) -> Double {
            let x = randomInputs(n, dimension: 8, seed: 5)
            let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), seed: 1)
            return test.map { abs(s.predict($0).mean - synthetic($0)) }.reduce(0, +) / Double(test.count)
        }
        let small = error(16)
        let large = error(256)
        #expect(large < small * 0.7, "error with 16 points \(small), with 256 points \(large)")
        #expect(large < 0.1)
    }

    @Test func epistemicUncertaintyIsHigherAwayFromTheData() {
        // Data only in the lower half of every dimension.
        let x = randomInputs(128, dimension: 4, seed: 3).map { $0.map { $0 * 0.5 } }
        let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), seed: 2)
        let inside = x.prefix(20).map { s.predict($0).epistemic }.reduce(0, +)
        let outside = randomInputs(20, dimension: 4, seed: 4).map { s.predict($0.map { 0.9 + 0.1 * $0 }).epistemic }.reduce(0, +)
        #expect(outside > inside)
    }

    @Test func gobiImprovesTheAcquisitionFromItsStart() {
        let x = randomInputs(64, dimension: 6, seed: 8)
        let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), seed: 3)
        let runs = GOBI.optimise(s, starts: randomInputs(6, dimension: 6, seed: 12), fixed: [])
        for r in runs { #expect(r.end >= r.start) }
        #expect(runs.contains { $0.end > $0.start + 1e-3 })
        // Fixed dimensions do not move.
        let start = randomInputs(1, dimension: 6, seed: 13)
        let held = GOBI.optimise(s, starts: start, fixed: [0, 1, 2])[0].point
        #expect(Array(held.prefix(3)) == Array(start[0].prefix(3)))
    }

    @Test func treeAndGPBaselinesLearnTheFunction() {
        let x = randomInputs(200, dimension: 4, seed: 21)
        let y = x.map(synthetic)
        let test = randomInputs(100, dimension: 4, seed: 22)
        let spread = test.map { abs(synthetic($0)) }.reduce(0, +) / 100
        let forest = RandomForest(inputs: x, targets: y, seed: 1)
        let boosted = GradientBoostedTrees(inputs: x, targets: y, seed: 1)
        let gp = GaussianProcess(inputs: x, targets: y, lengthScale: 0.5, noise: 0.01)
        for (name, predict) in [
            ("forest", { forest.predict($0).mean }), ("gbrt", { boosted.predict($0) }), ("gp", { gp.predict($0).mean }),
        ] as [(String, ([Double]) -> Double)] {
            let error = test.map { abs(predict($0) - synthetic($0)) }.reduce(0, +) / 100
            #expect(error < 0.5 * spread, "\(name): error \(error) against spread \(spread)")
        }
    }

    @Test func snappingAlwaysGivesValidPoints() throws {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<300 {
            let v = (0..<PointEncoding.dimension).map { _ in rng.nextUnit() * 1.4 - 0.2 }
            let p = PointEncoding.decode(v)
            #expect(try TransformerSpace.model(embedding: TransformerSpace.embedding(of: p.model)) == p.model)
            #expect(try AcceleratorSpace.config(at: AcceleratorSpace.index(of: p.accelerator)) == p.accelerator)
            #expect(DesignPoint.tauIChoices.contains(p.tauI) && DesignPoint.tauTChoices.contains(p.tauT))
            // Encoding a snapped point and decoding it again changes nothing.
            #expect(PointEncoding.decode(PointEncoding.encode(p)) == p)
        }
    }

    @Test func theLeaveOneOutErrorIsReportedAndSmall() throws {
        let predictor = try GLUEPredictor.load(path: ProjectFiles.path("reference/flexibert2-glue.json"))
        #expect(predictor.measurements == 13)
        // GLUE scores of the 13 span 0.70 to 0.84; predicting their mean would err by about 0.04.
        #expect(predictor.leaveOneOutError < 0.04)
    }
}
