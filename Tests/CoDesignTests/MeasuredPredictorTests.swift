import CoDesign
import DesignSpace
import Foundation
import ProjectLayout
import Testing

/// The predictor fitted on measured accuracies: held-out ranking on a known function, the
/// domain flag, the reader, and the source switch.
@Suite struct MeasuredPredictorTests {
    /// A smooth function of the architecture: deeper and wider is better, convolutions help.
    static func truth(_ m: TransformerModel) -> Double {
        let l = Double(m.layers.count)
        let width = m.layers.map { Double($0.hiddenSize) }.reduce(0, +) / l
        let heads = m.layers.flatMap(\.heads)
        let conv = Double(heads.filter { $0.kernelSize != nil }.count) / Double(heads.count)
        return 0.80 + 0.004 * l + 0.00004 * width + 0.02 * conv
    }

    @Test func crossValidationRanksAKnownFunction() {
        let models = TransformerSpace.sample(60, seed: 11)
        let predictor = MeasuredPredictor(data: models.map { ($0, Self.truth($0)) }, setting: "test v1", dataset: "synthetic")
        let cv = predictor.crossValidate(folds: 5)
        #expect(cv.folds == 5)
        #expect(cv.spearman > 0.8, "\(cv)")
        #expect(cv.meanAbsoluteError < cv.baselineError, "\(cv)")
    }

    @Test func aModelFarFromTheMeasuredOnesIsFlagged() throws {
        // Measured: only 2-layer, 128-wide models with SA-SDP heads.
        let models = (0..<12).map { i in
            try! TransformerModel(layers: [
                try TransformerLayer(
                    hiddenSize: 128, heads: Array(repeating: .saSDP, count: [2, 4][i % 2]), feedForward: [[256, 512, 1024][i % 3]]),
                try TransformerLayer(hiddenSize: 128, heads: [.saSDP, .saSDP], feedForward: [[256, 512][i % 2]]),
            ])
        }
        let predictor = MeasuredPredictor(
            data: models.enumerated().map { ($1, 0.8 + 0.001 * Double($0)) }, setting: "test v1", dataset: "synthetic")
        #expect(!predictor.predict(models[3]).outsideDomain)
        let far = try Catalog.model("bert-base")
        #expect(predictor.predict(far).outsideDomain)
    }

    @Test func theReaderNamesABadLineAndTheSourceSwitches() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("measured-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"embedding\": [0]}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CoDesignError.self) { try MeasuredPredictor.load(path: path) }
        do { _ = try MeasuredPredictor.load(path: path) } catch {
            #expect(
                "\(error)".hasSuffix("line 1 is not a measurement record with embedding, test_accuracy and setting"), "\(error)")
        }
        let glue = try AccuracyModel.shipped(root: ProjectFiles.root, source: .glue)
        #expect(glue.source == .glue && glue.measuredPredictor == nil)
        if FileManager.default.fileExists(atPath: AccuracyModel.measuredDataPath(root: ProjectFiles.root)) {
            #expect(AccuracyModel.defaultSource(root: ProjectFiles.root) == .measured)
            let measured = try AccuracyModel.shipped(root: ProjectFiles.root, source: .measured)
            #expect(measured.source == .measured && measured.measuredPredictor!.measurements >= 3)
        }
    }
}
