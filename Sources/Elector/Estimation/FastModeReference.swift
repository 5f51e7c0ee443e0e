import DesignSpace

/// The stated reference set on which the fast mode is held to within 10% of the cycle-level
/// mode in latency and energy (a test checks the shallow pairs; `transcode benchmark
/// simulator` reports all of them).
package enum FastModeReference {
    package struct Pair: Sendable {
        package let model: String
        package let accelerator: String
        package let workload: Workload
    }

    package static let pairs: [Pair] = [
        Pair(model: "bert-tiny", accelerator: "acceltran-edge", workload: .inference),
        Pair(model: "bert-tiny", accelerator: "acceltran-edge", workload: .training),
        Pair(model: "fb-star", accelerator: "elector-star", workload: .inference),
        Pair(model: "fb-star", accelerator: "elector-star", workload: .training),
        Pair(model: "bert-tiny", accelerator: "acceltran-server", workload: .inference),
        Pair(model: "bert-base", accelerator: "acceltran-server", workload: .inference),
        Pair(model: "bert-base", accelerator: "acceltran-server", workload: .training),
    ]
}
