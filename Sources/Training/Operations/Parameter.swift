/// A learned tensor and the gradient accumulated for it since the last optimizer step.
package final class Parameter {
    /// Name for messages and checkpoints, e.g. `layer1.sa_sdp.0.qkv.weight`.
    package let name: String
    package var value: [Float]
    package var gradient: [Float]

    package init(name: String, value: [Float]) {
        self.name = name
        self.value = value
        gradient = [Float](repeating: 0, count: value.count)
    }

    /// Clears the gradient before the next batch.
    package func zeroGradient() {
        for i in gradient.indices { gradient[i] = 0 }
    }
}
