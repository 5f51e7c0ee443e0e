import Foundation

/// Mean cross-entropy of softmax(logits) against integer labels, its gradient, and the
/// number of correct arg-max predictions.
package enum SoftmaxCrossEntropy {
    package struct Result {
        /// Mean loss over the batch (accumulated in double precision).
        package let loss: Double
        /// d(mean loss)/d(logits), batch x classes.
        package let gradient: [Float]
        package let correct: Int
    }

    package static func evaluate(logits: [Float], labels: ArraySlice<Int32>, classes: Int) -> Result {
        let batch = labels.count
        var gradient = [Float](repeating: 0, count: logits.count)
        var loss = 0.0
        var correct = 0
        for (b, label) in zip(0..<batch, labels) {
            let base = b * classes
            var largest = logits[base]
            var best = 0
            for c in 1..<classes where logits[base + c] > largest {
                largest = logits[base + c]
                best = c
            }
            if best == Int(label) { correct += 1 }
            var sum: Float = 0
            for c in 0..<classes {
                let e = exp(logits[base + c] - largest)
                gradient[base + c] = e
                sum += e
            }
            loss += Double(log(sum) + largest - logits[base + Int(label)])
            for c in 0..<classes {
                gradient[base + c] = (gradient[base + c] / sum - (c == Int(label) ? 1 : 0)) / Float(batch)
            }
        }
        return Result(loss: loss / Double(batch), gradient: gradient, correct: correct)
    }
}
