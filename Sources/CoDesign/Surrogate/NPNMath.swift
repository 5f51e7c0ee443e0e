import Foundation

/// The scalar functions of the natural-parameter network: positive-variance maps and the
/// moment matching of a ReLU applied to a Gaussian.
enum NPNMath {
    static func softplus(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }
    static func inverseSoftplus(_ y: Double) -> Double { log(expm1(y)) }
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// Mean and variance of max(z, 0) for z ~ N(mu, s), with the partial derivatives of both
    /// with respect to mu and s (derived in closed form: dE/dmu = Phi, dE/ds = phi / 2 sigma,
    /// dVar/dmu = 2E(1 - Phi), dVar/ds = Phi - E phi / sigma).
    static func relu(mean mu: Double, variance s: Double) -> (
        mean: Double, variance: Double, dMeanDMu: Double, dMeanDS: Double, dVarDMu: Double, dVarDS: Double
    ) {
        let sigma = max(s, 1e-12).squareRoot()
        let a = mu / sigma
        let cdf = 0.5 * erfc(-a / 2.0.squareRoot())
        let pdf = exp(-0.5 * a * a) / (2 * Double.pi).squareRoot()
        let e = mu * cdf + sigma * pdf
        let second = (mu * mu + sigma * sigma) * cdf + mu * sigma * pdf
        let variance = max(second - e * e, 1e-12)
        return (e, variance, cdf, pdf / (2 * sigma), 2 * e * (1 - cdf), cdf - e * pdf / sigma)
    }
}
