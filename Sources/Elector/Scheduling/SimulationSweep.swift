import Foundation

/// Many simulations at once, for sweeps over models and accelerators (as SCALE-Sim's CSV
/// reports and Timeloop's stats files give): the requests run in parallel, the results come
/// back in request order, and a callback hears of each one finished.
package enum SimulationSweep {
    /// Results in the order of `requests`. `progress` is called with the number finished so
    /// far, from whichever thread finished one, one call at a time and in increasing order
    /// (so a progress report never runs backwards).
    package static func run(_ requests: [SimulationRequest], progress: @Sendable (Int) -> Void = { _ in }) -> [SimulationResult] {
        let results = SweepResults(count: requests.count)
        DispatchQueue.concurrentPerform(iterations: requests.count) { i in
            results.store(Simulator.simulate(requests[i]), at: i, progress: progress)
        }
        return results.collected()
    }
}

/// The sweep's result slots, filled from several threads.
private final class SweepResults: @unchecked Sendable {
    private var slots: [SimulationResult?]
    private var finished = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores one result and reports how many are finished, under the lock that orders
    /// the reports.
    func store(_ result: SimulationResult, at index: Int, progress: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        finished += 1
        progress(finished)
    }

    func collected() -> [SimulationResult] { slots.map { $0! } }
}
