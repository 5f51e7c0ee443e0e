import DesignSpace
import Foundation

/// A fully connected layer of a natural-parameter network: it carries a mean and a variance
/// for every unit. Each weight has a mean and a variance (kept positive through a softplus),
/// so the output variance grows with the input's variance and with the weights' own spread;
/// that variance is the aleatoric uncertainty the network learns by maximum likelihood.
struct NPNLayer: Sendable, Codable {
    let inputs: Int
    let outputs: Int
    /// Weight means, outputs x inputs row-major, and bias means.
    var weightMean: [Double]
    var biasMean: [Double]
    /// Pre-softplus weight and bias variances.
    var weightRawVariance: [Double] { didSet { refreshVariances() } }
    var biasRawVariance: [Double] { didSet { refreshVariances() } }
    /// softplus and its slope (the sigmoid) of the raw variances, refreshed whenever these
    /// change: computing them per sample costs an exp and a log per weight.
    private(set) var weightVariance: [Double] = []
    private(set) var weightVarianceSlope: [Double] = []
    private(set) var biasVariance: [Double] = []

    mutating func refreshVariances() {
        weightVariance = weightRawVariance.map(NPNMath.softplus)
        weightVarianceSlope = weightRawVariance.map(NPNMath.sigmoid)
        biasVariance = biasRawVariance.map(NPNMath.softplus)
    }

    init(inputs: Int, outputs: Int, rng: inout SeededGenerator) {
        self.inputs = inputs
        self.outputs = outputs
        let scale = (2.0 / Double(inputs)).squareRoot()
        weightMean = (0..<(inputs * outputs)).map { _ in rng.nextGaussian() * scale }
        biasMean = [Double](repeating: 0, count: outputs)
        // Small initial spreads: the network starts close to a plain one.
        weightRawVariance = [Double](repeating: NPNMath.inverseSoftplus(1e-3 / Double(inputs)), count: inputs * outputs)
        biasRawVariance = [Double](repeating: -10, count: outputs)
        refreshVariances()
    }

    /// Output means and variances for input means `m` and variances `s`.
    func forward(_ m: [Double], _ s: [Double]) -> (mean: [Double], variance: [Double]) {
        var om = biasMean
        var os = biasVariance
        weightMean.withUnsafeBufferPointer { wm in
            weightVariance.withUnsafeBufferPointer { wv in
                for o in 0..<outputs {
                    let row = o * inputs
                    var sm = om[o]
                    var sv = os[o]
                    for i in 0..<inputs {
                        let w = wm[row + i]
                        sm += w * m[i]
                        sv += wv[row + i] * (s[i] + m[i] * m[i]) + w * w * s[i]
                    }
                    om[o] = sm
                    os[o] = sv
                }
            }
        }
        return (om, os)
    }

    /// Gradients of the loss with respect to the parameters (same layout as `parameters`) and
    /// to the input means and variances, given those with respect to the outputs.
    func backward(_ m: [Double], _ s: [Double], meanGradient gm: [Double], varianceGradient gs: [Double])
        -> (parameters: [[Double]], mean: [Double], variance: [Double])
    {
        var gW = [Double](repeating: 0, count: inputs * outputs)
        var gR = gW
        var gIm = [Double](repeating: 0, count: inputs)
        var gIs = gIm
        for o in 0..<outputs {
            let row = o * inputs
            let a = gm[o]
            let b = gs[o]
            for i in 0..<inputs {
                let w = weightMean[row + i]
                let v = weightVariance[row + i]
                gW[row + i] = a * m[i] + b * 2 * w * s[i]
                gR[row + i] = b * (s[i] + m[i] * m[i]) * weightVarianceSlope[row + i]
                gIm[i] += a * w + b * v * 2 * m[i]
                gIs[i] += b * (v + w * w)
            }
        }
        let gBR = zip(gs, biasRawVariance).map { $0 * NPNMath.sigmoid($1) }
        return ([gW, gm, gR, gBR], gIm, gIs)
    }

    var parameters: [[Double]] {
        get { [weightMean, biasMean, weightRawVariance, biasRawVariance] }
        set {
            weightMean = newValue[0]
            biasMean = newValue[1]
            weightRawVariance = newValue[2]
            biasRawVariance = newValue[3]
        }
    }
}
