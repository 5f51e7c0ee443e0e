import DesignSpace
import Foundation

/// A small fully connected network with ReLU hidden layers, trained by Adam, with gradients
/// of its outputs with respect to its input (for GOBI) and optional dropout (for the teacher).
///
/// Written out by hand because the surrogates are tiny (tens of inputs, a few hundred data
/// points) and must be deterministic for a given seed.
struct NeuralNetwork: Sendable, Codable {
    /// Weights[l] is out x in, row-major; biases[l] has `out` entries.
    var weights: [[Double]]
    var biases: [[Double]]
    let sizes: [Int]
    let dropout: Double

    init(sizes: [Int], dropout: Double = 0, rng: inout SeededGenerator) {
        self.sizes = sizes
        self.dropout = dropout
        weights = []
        biases = []
        for l in 0..<(sizes.count - 1) {
            let (n, m) = (sizes[l], sizes[l + 1])
            let scale = (2.0 / Double(n)).squareRoot()
            weights.append((0..<(n * m)).map { _ in rng.nextGaussian() * scale })
            biases.append([Double](repeating: 0, count: m))
        }
    }

    /// Activations of every layer; `mask` optionally drops hidden units (scaled inverted dropout).
    func forward(_ x: [Double], masks: [[Bool]]? = nil) -> [[Double]] {
        var activations = [x]
        var a = x
        for l in 0..<weights.count {
            let (n, m) = (sizes[l], sizes[l + 1])
            var z = biases[l]
            weights[l].withUnsafeBufferPointer { w in
                for o in 0..<m {
                    var sum = z[o]
                    let row = o * n
                    for i in 0..<n { sum += w[row + i] * a[i] }
                    z[o] = sum
                }
            }
            if l < weights.count - 1 {
                for o in 0..<m { z[o] = max(z[o], 0) }
                if let masks {
                    let keep = 1 - dropout
                    for o in 0..<m { z[o] = masks[l][o] ? z[o] / keep : 0 }
                }
            }
            activations.append(z)
            a = z
        }
        return activations
    }

    func predict(_ x: [Double]) -> [Double] { forward(x).last! }

    /// Back-propagates `outputGradient` (dLoss/dOutput); returns parameter gradients and dLoss/dInput.
    func backward(_ activations: [[Double]], outputGradient: [Double], masks: [[Bool]]? = nil)
        -> (weights: [[Double]], biases: [[Double]], input: [Double])
    {
        var gradW = weights.map { [Double](repeating: 0, count: $0.count) }
        var gradB = biases.map { [Double](repeating: 0, count: $0.count) }
        var delta = outputGradient
        for l in stride(from: weights.count - 1, through: 0, by: -1) {
            let (n, m) = (sizes[l], sizes[l + 1])
            let input = activations[l]
            for o in 0..<m {
                gradB[l][o] = delta[o]
                let row = o * n
                for i in 0..<n { gradW[l][row + i] = delta[o] * input[i] }
            }
            var previous = [Double](repeating: 0, count: n)
            for o in 0..<m {
                let row = o * n
                let d = delta[o]
                if d == 0 { continue }
                for i in 0..<n { previous[i] += weights[l][row + i] * d }
            }
            if l > 0 {
                // Through ReLU (and the dropout mask) of layer l - 1's output.
                for i in 0..<n {
                    if input[i] <= 0 {
                        previous[i] = 0
                    } else if let masks {
                        previous[i] /= (1 - dropout)
                        if !masks[l - 1][i] { previous[i] = 0 }
                    }
                }
            }
            delta = previous
        }
        return (gradW, gradB, delta)
    }

    /// A fresh dropout mask for every hidden layer.
    func sampleMasks(_ rng: inout SeededGenerator) -> [[Bool]] {
        (1..<(sizes.count - 1)).map { l in (0..<sizes[l]).map { _ in rng.nextUnit() >= dropout } }
    }

    /// Trains on (x, target) pairs with a per-sample loss gradient function, by mini-batch Adam.
    mutating func train(
        inputs: [[Double]], epochs: Int, learningRate: Double = 3e-3, batchSize: Int = 32,
        rng: inout SeededGenerator, lossGradient: (_ index: Int, _ output: [Double]) -> [Double]
    ) {
        var optimiser = AdamState(shapes: weights.map(\.count), biasShapes: biases.map(\.count))
        let count = inputs.count
        guard count > 0 else { return }
        var order = Array(0..<count)
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            var start = 0
            while start < count {
                let batch = order[start..<min(start + batchSize, count)]
                var sumW = weights.map { [Double](repeating: 0, count: $0.count) }
                var sumB = biases.map { [Double](repeating: 0, count: $0.count) }
                for index in batch {
                    let masks = dropout > 0 ? sampleMasks(&rng) : nil
                    let acts = forward(inputs[index], masks: masks)
                    let g = backward(acts, outputGradient: lossGradient(index, acts.last!), masks: masks)
                    for l in 0..<weights.count {
                        for k in 0..<sumW[l].count { sumW[l][k] += g.weights[l][k] }
                        for k in 0..<sumB[l].count { sumB[l][k] += g.biases[l][k] }
                    }
                }
                let scale = 1 / Double(batch.count)
                optimiser.step(&weights, &biases, sumW, sumB, scale: scale, learningRate: learningRate)
                start += batchSize
            }
        }
    }
}
