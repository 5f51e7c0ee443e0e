import DesignSpace

/// A plain two-input network: a tower per embedding, their ReLU outputs joined and mapped
/// to one output. BOSHCODE's teacher (with dropout in the joined layers) and student.
struct TwoTowerNetwork: Sendable, Codable {
    let split: Int
    var first: NeuralNetwork
    var second: NeuralNetwork
    var joined: NeuralNetwork

    init(inputs: Int, split: Int, hidden: Int, joinedLayers: Int, dropout: Double = 0, rng: inout SeededGenerator) {
        self.split = split
        first = NeuralNetwork(sizes: [split, hidden, hidden], rng: &rng)
        second = NeuralNetwork(sizes: [inputs - split, hidden, hidden], rng: &rng)
        joined = NeuralNetwork(
            sizes: [2 * hidden] + Array(repeating: hidden, count: joinedLayers) + [1], dropout: dropout, rng: &rng)
    }

    struct Trace {
        var first: [[Double]]
        var second: [[Double]]
        var joined: [[Double]]
        var masks: [[Bool]]?
        var output: Double { joined.last![0] }
    }

    /// With `masks`, the joined layers drop units (a Monte-Carlo dropout pass).
    func forward(_ x: [Double], masks: [[Bool]]? = nil) -> Trace {
        let a = first.forward(Array(x[..<split]))
        let b = second.forward(Array(x[split...]))
        let j = (a.last! + b.last!).map { max($0, 0) }
        return Trace(first: a, second: b, joined: joined.forward(j, masks: masks), masks: masks)
    }

    func sampleMasks(_ rng: inout SeededGenerator) -> [[Bool]] { joined.sampleMasks(&rng) }

    /// Parameter gradients in `parameters`' layout and the input gradient.
    func backward(_ trace: Trace, dOutput: Double) -> (parameters: [[Double]], input: [Double]) {
        let g3 = joined.backward(trace.joined, outputGradient: [dOutput], masks: trace.masks)
        let h = first.sizes.last!
        let ga = zip(g3.input[..<h], trace.first.last!).map { $1 > 0 ? $0 : 0 }
        let gb = zip(g3.input[h...], trace.second.last!).map { $1 > 0 ? $0 : 0 }
        let g1 = first.backward(trace.first, outputGradient: ga)
        let g2 = second.backward(trace.second, outputGradient: gb)
        return (g1.weights + g1.biases + g2.weights + g2.biases + g3.weights + g3.biases, g1.input + g2.input)
    }

    var parameters: [[Double]] {
        get { first.weights + first.biases + second.weights + second.biases + joined.weights + joined.biases }
        set {
            var k = 0
            func take(_ n: Int) -> [[Double]] {
                defer { k += n }
                return Array(newValue[k..<(k + n)])
            }
            first.weights = take(first.weights.count)
            first.biases = take(first.biases.count)
            second.weights = take(second.weights.count)
            second.biases = take(second.biases.count)
            joined.weights = take(joined.weights.count)
            joined.biases = take(joined.biases.count)
        }
    }
}
