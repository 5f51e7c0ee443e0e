import DesignSpace
import Foundation
import TensorTrain

/// HEAT's compression flow on the trainer: train the dense teacher, decompose its weight
/// matrices into each student's tensor-train shapes by TT-SVD, then distil in two stages
/// (`DistillationSettings`). Returns typed results and prints nothing.
package enum Distillation {
    /// Trains `teacher` (dense) as `settings` say, then makes and distils one student per
    /// model of `students` (the same layers, with decompositions). DynaProp, when the
    /// settings have thresholds, prunes in every stage alike.
    package static func run(
        teacher model: TransformerModel, students: [TransformerModel], dataset: any TrainingDataset, settings: TrainingSettings,
        distillation: DistillationSettings, memoryLimit: Int
    ) throws(TrainingError) -> DistillationResult {
        try distillation.validate()
        for (i, student) in students.enumerated() where student.layers != model.layers {
            throw .invalidSetting(
                name: "student \(i + 1)", value: "a model with other layers", allowed: "the teacher's layers with decompositions")
        }
        let (teacherResult, teacher) = try Trainer.trainKeepingNetwork(
            model: model.dense, dataset: dataset, settings: settings, memoryLimit: memoryLimit)
        let n = dataset.training.sequenceLength
        let split = try Trainer.split(dataset, settings)
        var results: [DistillationResult.Student] = []
        for student in students {
            let context = ComputeContext(thresholds: settings.dynaProp ?? .none)
            let shapes = try Trainer.narrowedDecomposition(of: student, by: settings.widthDivisor)
            let network = Network(
                model: student, input: dataset.input, sequenceLength: n, classes: dataset.classes, context: context,
                seed: settings.seed, widthDivisor: settings.widthDivisor, decomposed: shapes)
            let error = try initialise(network, from: teacher)
            let decomposedAccuracy = Trainer.accuracy(of: network, on: dataset.test, batchSize: settings.batchSize)
            var generator = SeededGenerator(seed: settings.seed &+ 2)
            let parameters = network.parameters
            var optimizer = settings.optimizer.make(learningRate: Float(settings.learningRate))
            let t = Float(distillation.temperature)
            let alpha = Float(distillation.labelWeight)
            // Stage 1: every layer's output against the teacher's.
            let hidden = Trainer.runEpochs(
                distillation.hiddenEpochs, network: network, split: split, settings: settings, generator: &generator
            ) { batch in
                let target = teacher.forwardKeepingLayers(batch.inputs, batch: batch.count).layers
                let own = network.forwardKeepingLayers(batch.inputs, batch: batch.count)
                var loss = 0.0
                let gradients = zip(own.layers, target).map { s, t in
                    let scale = 2 / Float(s.count)
                    return zip(s, t).map { a, b -> Float in
                        loss += Double((a - b) * (a - b)) / Double(s.count)
                        return scale * (a - b)
                    }
                }
                for parameter in parameters { parameter.zeroGradient() }
                network.backward(layerGradients: gradients)
                optimizer.step(parameters)
                let correct = SoftmaxCrossEntropy.evaluate(logits: own.logits, labels: batch.labels[...], classes: dataset.classes).correct
                return (loss, correct)
            }
            // Stage 2: the labels and the teacher's softened predictions.
            let prediction = Trainer.runEpochs(
                distillation.predictionEpochs, network: network, split: split, settings: settings, generator: &generator
            ) { batch in
                let soft = teacher.forward(batch.inputs, batch: batch.count)
                let logits = network.forward(batch.inputs, batch: batch.count)
                let hard = SoftmaxCrossEntropy.evaluate(logits: logits, labels: batch.labels[...], classes: dataset.classes)
                let kl = softTargets(student: logits, teacher: soft, classes: dataset.classes, temperature: t)
                let gradient = zip(hard.gradient, kl.gradient).map { alpha * $0 + (1 - alpha) * $1 }
                for parameter in parameters { parameter.zeroGradient() }
                network.backward(gradient)
                optimizer.step(parameters)
                return (Double(alpha) * hard.loss + Double(1 - alpha) * kl.loss, hard.correct)
            }
            results.append(
                DistillationResult.Student(
                    model: student, trainedParameters: parameters.reduce(0) { $0 + $1.value.count },
                    decomposedAccuracy: decomposedAccuracy,
                    testAccuracy: Trainer.accuracy(of: network, on: dataset.test, batchSize: settings.batchSize),
                    relativeDecompositionError: error, hiddenStage: hidden, predictionStage: prediction))
        }
        return DistillationResult(
            dataset: dataset.name, settings: settings, distillation: distillation, teacher: teacherResult, students: results)
    }

    /// Copies the teacher's parameters into the student by name; a tensor-train layer's
    /// cores come from TT-SVD of the teacher's matrix of the same name (its rows padded with
    /// zeros when the student's factors multiply to more, as an output projection of n d < h
    /// rows). Returns the decompositions' relative Frobenius error.
    static func initialise(_ student: Network, from teacher: Network) throws(TrainingError) -> Double {
        var byName: [String: Parameter] = [:]
        for p in teacher.parameters { byName[p.name] = p }
        var discarded = 0.0
        var norm = 0.0
        for layer in student.layers {
            for operation in layer.tensorTrainLayers {
                let name = operation.name
                guard let weight = byName[name + ".weight"] else { preconditionFailure("the teacher has no \(name)") }
                let columns = operation.outputWidth
                var w = weight.value.map(Double.init)
                w += [Double](repeating: 0, count: operation.inputWidth * columns - w.count)
                let decomposition: TensorTrainMatrix.Decomposition
                do {
                    decomposition = try TensorTrainMatrix.decomposing(w, into: operation.shape)
                } catch {
                    throw .invalidSetting(name: name, value: "its weights", allowed: "finite values (\(error))")
                }
                for (core, tensor) in zip(operation.cores, decomposition.matrix.cores) { core.value = tensor.values.map(Float.init) }
                discarded += decomposition.errorBound * decomposition.errorBound
                norm += w.reduce(0) { $0 + $1 * $1 }
            }
        }
        for p in student.parameters where !p.name.contains(".core") {
            if let source = byName[p.name], source.value.count == p.value.count { p.value = source.value }
        }
        return norm > 0 ? (discarded / norm).squareRoot() : 0
    }

    /// The soft-target loss T^2 KL(softmax(t / T) || softmax(s / T)), averaged over the
    /// batch, and its gradient with respect to the student's logits: T (p_s - p_t) / batch.
    static func softTargets(student: [Float], teacher: [Float], classes: Int, temperature t: Float) -> (loss: Double, gradient: [Float]) {
        let batch = student.count / classes
        var gradient = [Float](repeating: 0, count: student.count)
        var loss = 0.0
        func softmax(_ v: ArraySlice<Float>) -> [Float] {
            let top = v.max()!
            let e = v.map { exp(($0 - top) / t) }
            let sum = e.reduce(0, +)
            return e.map { $0 / sum }
        }
        for b in 0..<batch {
            let range = (b * classes)..<((b + 1) * classes)
            let ps = softmax(student[range])
            let pt = softmax(teacher[range])
            for c in 0..<classes {
                if pt[c] > 0 { loss += Double(t * t) * Double(pt[c]) * log(Double(pt[c]) / max(Double(ps[c]), 1e-30)) }
                gradient[range.lowerBound + c] = t * (ps[c] - pt[c]) / Float(batch)
            }
        }
        return (loss / Double(batch), gradient)
    }
}
