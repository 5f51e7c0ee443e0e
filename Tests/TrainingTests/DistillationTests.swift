import DesignSpace
import Testing

@testable import Training

/// HEAT's flow on the trainer: a full-rank student is its teacher, a truncated one is not,
/// and the soft-target gradient is the derivative of its loss.
@Suite struct DistillationTests {
    static let layers: [TransformerLayer] = {
        let layer = try! TransformerLayer(hiddenSize: 128, heads: [.saSDP, .saSDP], feedForward: [256])
        return [layer, layer]
    }()

    /// Both feed-forward matrices and the output projection of layer 1 decomposed.
    static func student(rank: Int) throws -> TransformerModel {
        let shapes: [DecomposedMatrix: TensorTrainShape] = [
            .feedForward(0): try DecompositionSpace.shape(
                input: [8, 16], output: [16, 16], rank: rank, rows: 128, columns: 256, field: "ff0"),
            .feedForward(1): try DecompositionSpace.shape(
                input: [16, 16], output: [8, 16], rank: rank, rows: 256, columns: 128, field: "ff1"),
            .attentionOutput: try DecompositionSpace.shape(
                input: [4, 4, 8], output: [8, 4, 4], rank: rank, rows: 128, columns: 128, field: "out"),
        ]
        return try TransformerModel(layers: layers, decomposition: [shapes, [:]])
    }

    @Test func aFullRankStudentIsItsTeacherAndATruncatedOneIsNot() throws {
        let settings = TrainingSettings(epochs: 1, samples: 64, batchSize: 16, seed: 3, widthDivisor: 8)
        let result = try Distillation.run(
            teacher: try TransformerModel(layers: Self.layers), students: [try Self.student(rank: 64), try Self.student(rank: 1)],
            dataset: TrainerTests.Synthetic(), settings: settings, distillation: DistillationSettings(hiddenEpochs: 1, predictionEpochs: 1),
            memoryLimit: 1 << 30)
        let full = result.students[0]
        let truncated = result.students[1]
        // Ranks 64 narrow to each bond's full rank: TT-SVD reconstructs the teacher's weights.
        #expect(full.relativeDecompositionError < 1e-5)
        #expect(full.decomposedAccuracy == result.teacher.testAccuracy)
        #expect(truncated.relativeDecompositionError > 0.1)
        #expect(truncated.trainedParameters < full.trainedParameters)
        #expect(truncated.hiddenStage.count == 1 && truncated.predictionStage.count == 1)
    }

    @Test func softTargetGradientIsTheLossDerivative() {
        let student: [Float] = [0.3, -1.2, 0.8, 2.0, 0.1, -0.5]
        let teacher: [Float] = [1.0, 0.2, -0.3, -1.0, 0.5, 0.7]
        let t: Float = 2
        let analytic = Distillation.softTargets(student: student, teacher: teacher, classes: 3, temperature: t).gradient
        for i in student.indices {
            var plus = student
            var minus = student
            plus[i] += 1e-2
            minus[i] -= 1e-2
            let numeric =
                (Distillation.softTargets(student: plus, teacher: teacher, classes: 3, temperature: t).loss
                    - Distillation.softTargets(student: minus, teacher: teacher, classes: 3, temperature: t).loss) / 2e-2
            #expect(abs(Double(analytic[i]) - numeric) < 1e-3, "logit \(i)")
        }
    }

    @Test func aShapeTheWidthDivisorCannotNarrowIsRefused() throws {
        // The space's widths (at least 128) always narrow by 8 into up to four factors; a
        // 16-wide matrix in two factors cannot become 2 wide.
        let shape = try TensorTrainShape(inputFactors: [4, 4], outputFactors: [4, 4], ranks: [2], rows: 16, columns: 16, field: "t")
        #expect(
            throws: TrainingError.invalidSetting(
                name: "t in", value: "[4, 4]", allowed: "factors that widths / 8 can divide while each stays at least 2")
        ) {
            try shape.narrowed(by: 8, field: "t")
        }
    }
}
