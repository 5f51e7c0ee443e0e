import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// The co-design search over tensor-train decompositions (HEAT, issue 16): the choice, its
/// encoding, its records, its measured accuracy and a search that returns decomposed models.
@Suite struct DecompositionSearchTests {
    static let bertTiny = BuiltIns.model(named: "bert-tiny")!
    static let edge = BuiltIns.accelerator(named: "acceltran-edge")!

    func measurement(_ compression: Double, _ accuracy: Double) -> DecompositionAccuracyCurve.Measurement {
        .init(run: "r", label: "s\(compression)", compression: compression, teacherAccuracy: 0.8, accuracy: accuracy)
    }

    @Test func aChoiceDecomposesEveryMatrixOfItsGroupAndReadsBack() throws {
        var choice = DecompositionChoice.dense
        choice[.feedForward] = GroupDecomposition(cores: 2, rankIndex: 1, inputEdgeIndex: 0, outputEdgeIndex: 1)
        let model = try choice.apply(to: Self.bertTiny)
        // BERT-Tiny: 2 layers, each with ff0 (128x512) and ff1 (512x128) decomposed, out dense.
        for j in 0..<2 {
            let ff0 = try #require(model.decomposition.shape(layer: j, .feedForward(0)))
            #expect(ff0.coreCount == 2 && ff0.ranks == [4])
            // Edges 2 and 4: the hardware-aware shape transcode compress found for this matrix.
            #expect(ff0.inputFactors == [2, 64] && ff0.outputFactors == [128, 4])
            #expect(model.decomposition.shape(layer: j, .attentionOutput) == nil)
        }
        // Three cores with edge 32 on 128 rows: 32 x 32 does not leave a factor of 2, so 8 x 8 x 2.
        #expect(GroupDecomposition.factors(128, cores: 3, edge: 32, edgeFirst: true) == [8, 8, 2])
        #expect(GroupDecomposition.factors(512, cores: 3, edge: 4, edgeFirst: false) == [32, 4, 4])
        let read = DecompositionChoice(of: model)
        #expect(read[.feedForward].cores == 2 && read[.feedForward].rankIndex == 1 && read[.attention] == .dense)
        #expect(try read.apply(to: Self.bertTiny) == model)
        #expect(DecompositionChoice(of: Self.bertTiny) == .dense)
        // Per layer 65536 + 65536 + 16384 dense weights; ff0 [2, 64] x [128, 4] holds
        // 2*128*4 + 4*64*4 = 2048, ff1 [2, 256] x [32, 4] holds 2*32*4 + 4*256*4 = 4352.
        #expect(abs(model.matrixCompression - 147_456.0 / (2048 + 4352 + 16_384)) < 1e-12)
    }

    @Test func decomposedPointsEncodeDecodeAndKeyExactly() throws {
        let encoding = PointEncoding(decomposes: true)
        #expect(encoding.dimension == PointEncoding.dense.dimension + 8)
        var rng = SeededGenerator(seed: 5)
        var decomposed = 0
        for _ in 0..<60 {
            let p = SearchMode.codesign.randomPoint(decomposes: true, using: &rng)
            if !p.model.decomposition.isDense { decomposed += 1 }
            // Compared by key: a failure would otherwise print two whole models.
            #expect(encoding.decode(encoding.encode(p)).key == p.key)
            #expect(try DecompositionChoice(of: p.model).apply(to: p.model) == p.model)
            // Dense and decomposed forms of a model are different points.
            var dense = p
            dense.model = p.model.dense
            #expect((dense.key == p.key) == p.model.decomposition.isDense)
        }
        #expect(decomposed > 40)
        // Random vectors decode to valid, storable points.
        for _ in 0..<100 {
            let p = encoding.decode((0..<encoding.dimension).map { _ in rng.nextUnit() * 1.4 - 0.2 })
            let record = try p.decompositionRecord
            #expect(
                try DesignPoint.model(
                    embedding: TransformerSpace.embedding(of: p.model), decomposition: record, version: DecompositionSpace.version)
                    == p.model)
        }
    }

    @Test func evaluationsAndProposalsKeepTheDecomposition() throws {
        let model = try DecompositionChoice(groups: [
            GroupDecomposition(cores: 3, rankIndex: 2, inputEdgeIndex: 2, outputEdgeIndex: 1),
            GroupDecomposition(cores: 2, rankIndex: 3, inputEdgeIndex: 4, outputEdgeIndex: 0),
        ]).apply(to: Self.bertTiny)
        let point = DesignPoint(model: model, accelerator: Self.edge, tauI: 0.01, tauT: 1e-4)
        let e = Evaluation(
            sequence: 3, origin: "gp-ucb", point: point,
            measurement: PairMeasurement(accuracy: 0.7, latencyMS: 1, areaMM2: 2, dynamicEnergyJ: 3, leakageEnergyJ: 4, layers: 2),
            performance: 0.5, violated: nil)
        let data = try JSONEncoder().encode(e)
        #expect(try JSONDecoder().decode(Evaluation.self, from: data) == e)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"decomposition_version\":1"))
        let batch = ProposalBatch(iteration: 2, proposals: [Proposal(point: point, origin: "tpe")])
        #expect(try JSONDecoder().decode(ProposalBatch.self, from: JSONEncoder().encode(batch)) == batch)
        // A dense point's record is as before: no decomposition keys.
        var dense = e
        dense = Evaluation(
            sequence: 3, origin: "gp-ucb", point: DesignPoint(model: Self.bertTiny, accelerator: Self.edge, tauI: 0.01, tauT: 1e-4),
            measurement: e.measurement, performance: 0.5, violated: nil)
        #expect(!String(decoding: try JSONEncoder().encode(dense), as: UTF8.self).contains("decomposition"))
        // Another encoding version is refused, naming the field.
        #expect(
            throws: CoDesignError.invalidSetting(
                name: "decomposition_version", value: "2", allowed: "1 (this build's tensor-train encoding)")
        ) {
            try DesignPoint.model(
                embedding: TransformerSpace.embedding(of: model), decomposition: try point.decompositionRecord, version: 2)
        }
    }

    @Test func theCurveNeverRisesAndStopsAtTheLargestMeasurement() throws {
        let curve = try DecompositionAccuracyCurve(measurements: [
            measurement(4, 0.81), measurement(10, 0.79), measurement(20, 0.795), measurement(40, 0.76),
        ])
        // (1, 0) and (4, +0.01) pool to +0.005, clamped to 0; (10, -0.01) and (20, -0.005) pool to -0.0075.
        #expect(curve.knots.map(\.compression) == [1, 4, 10, 20, 40])
        let expected = [0, 0, -0.0075, -0.0075, -0.04]
        for (k, e) in zip(curve.knots, expected) { #expect(abs(k.delta - e) < 1e-12) }
        #expect(curve.delta(compression: 1) == 0)
        let mid = try #require(curve.delta(compression: (20.0 * 40).squareRoot()))
        #expect(abs(mid - (-0.0075 - 0.04) / 2) < 1e-12)
        #expect(curve.delta(compression: 40.5) == nil)
        #expect(throws: CoDesignError.invalidSetting(name: "compression of r 's0.5'", value: "0.5", allowed: "a finite number above 1")) {
            try DecompositionAccuracyCurve(measurements: [measurement(0.5, 0.8)])
        }
        #expect(
            throws: CoDesignError.unreadableData(
                path: "/nonexistent/d.json",
                reason: "no such file (build it with transcode accuracy decomposition --run DIR --out FILE)")
        ) {
            try DecompositionAccuracyCurve.load(path: "/nonexistent/d.json")
        }
    }

    @Test func theShippedCurveIsReadAndGroundsDecomposedAccuracy() throws {
        let accuracy = try AccuracyModel.shipped(root: ProjectFiles.root)
        let curve = try #require(accuracy.decomposition)
        #expect(curve.measurements.count >= 6)
        var choice = DecompositionChoice.dense
        choice[.feedForward] = GroupDecomposition(cores: 2, rankIndex: 1, inputEdgeIndex: 0, outputEdgeIndex: 0)
        let model = try choice.apply(to: Self.bertTiny)
        let dense = accuracy.accuracy(of: Self.bertTiny, tauI: 0, tauT: 0)
        let change = try #require(curve.delta(compression: model.matrixCompression))
        #expect(abs(accuracy.accuracy(of: model, tauI: 0, tauT: 0) - (dense + change)) < 1e-12)
        #expect(accuracy.unmeasuredDecomposition(model) == nil)
        // Rank 2 in three cores everywhere compresses beyond every measured student.
        let extreme = try DecompositionChoice(groups: [
            GroupDecomposition(cores: 3, rankIndex: 0, inputEdgeIndex: 0, outputEdgeIndex: 0),
            GroupDecomposition(cores: 3, rankIndex: 0, inputEdgeIndex: 0, outputEdgeIndex: 0),
        ]).apply(to: Self.bertTiny)
        let reason = try #require(accuracy.unmeasuredDecomposition(extreme))
        #expect(
            reason
                == String(
                    format: "decomposition compresses its matrices %.1fx, beyond the %.1fx measured", extreme.matrixCompression,
                    curve.largestCompression))
        let e = try evaluator().evaluate(
            DesignPoint(model: extreme, accelerator: Self.edge, tauI: 0, tauT: 0), sequence: 0, origin: "test",
            scale: try evaluator().scale)
        #expect(e.violated == reason && e.performance == Objective.minimumPerformance)
    }

    @Test func aFixedDecomposedModelKeepsItsDecompositionInTheRun() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path("docs/examples/bert-tiny-tt.json")))
        let model = try ModelDict.parse(data, source: "bert-tiny-tt.json")
        let settings = SearchSettings(mode: .acceleratorSearch(model), table: "acceltran-14nm")
        let stored = try JSONDecoder().decode(SearchSettings.self, from: JSONEncoder().encode(settings))
        guard case .acceleratorSearch(let fixed) = try stored.searchMode else {
            Issue.record("not an accelerator search")
            return
        }
        #expect(fixed == model && !fixed.decomposition.isDense)
        // Four cores: outside the encoding a run stores its fixed model in, so refused.
        let four = try TransformerModel(
            layers: Self.bertTiny.layers,
            decomposition: [
                [
                    .feedForward(0): try TensorTrainShape(
                        inputFactors: [2, 4, 4, 4], outputFactors: [4, 4, 4, 8], ranks: [4, 4, 4], rows: 128, columns: 512,
                        field: "tt[0].ff0")
                ],
                [:],
            ])
        do {
            _ = try DesignPoint.decompositionRecord(of: four)
            Issue.record("a four-core decomposition was accepted")
        } catch {
            #expect(
                "\(error)"
                    == "invalid value ranks [4, 4, 4] with 4 cores for field 'tt[0].ff0': allowed a uniform rank in {2, 4, 8, 16, 32, 64} with {2, 3} cores for the decomposition embedding"
            )
        }
    }

    @Test func aDecomposingSearchReturnsDecomposedModelsAndResumes() throws {
        let settings = SearchSettings(
            strategy: .gpBO, budget: 24, seed: 2, batchSize: 4, initialSamples: 8, mode: .hardwareAwareNAS(Self.edge),
            workload: .inference, table: "acceltran-14nm", decomposes: true)
        let run = SearchRun(settings: settings, evaluator: try evaluator())
        let directory = temporaryDirectory()
        let outcome = try run.run(directory: directory, resume: false)
        let feasible = outcome.evaluations.filter { $0.violated == nil }
        #expect(feasible.contains { !$0.point.model.decomposition.isDense })
        #expect(outcome.evaluations.allSatisfy { $0.point.accelerator == Self.edge })
        // The log reads back the decomposed points exactly, and a resumed run reuses them.
        let again = try run.run(directory: directory, resume: true)
        #expect(again.evaluations == outcome.evaluations)
        let described = try #require(feasible.first { !$0.point.model.decomposition.isDense }).point
        #expect(PairDescription.csvHeader.hasSuffix(",tau_i,tau_t,tensor_train,matrix_compression"))
        #expect(PairDescription(described).csvFields.contains(" cores rank ") && PairDescription(described).csvFields.contains(" edges "))
    }
}
