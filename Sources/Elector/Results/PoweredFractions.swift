/// The fraction of a run each gated module class is powered (busy plus wake-up overhead),
/// under a power-gating setting; 1 everywhere when nothing is gated.
struct PoweredFractions: Equatable {
    var macLanes = 1.0
    var softmax = 1.0
    var layerNorm = 1.0
    /// Sparsity modules, FIFOs and DynaProp: the datapath every unit class uses.
    var datapath = 1.0

    /// Fractions under `gating` for a run of `cycles` with these busy stretches.
    static func of(
        _ intervals: [BusyInterval], cycles: Double, gating: PowerGating, hardware: HardwareInstance
    ) -> PoweredFractions {
        guard gating != .off, cycles > 0 else { return PoweredFractions() }
        var f = PoweredFractions()
        switch gating {
        case .off:
            break
        case .moduleClass:
            func fraction(_ selected: [BusyInterval]) -> Double { min(poweredCycles(selected) / cycles, 1) }
            f.macLanes = fraction(intervals.filter { $0.unit == .macLane })
            f.softmax = fraction(intervals.filter { $0.unit == .softmax })
            f.layerNorm = fraction(intervals.filter { $0.unit == .layerNorm })
            f.datapath = fraction(intervals)
        case .pe:
            let pe = min(poweredPECycles(intervals, hardware: hardware) / (Double(hardware.config.processingElements) * cycles), 1)
            f = PoweredFractions(macLanes: pe, softmax: pe, layerNorm: pe, datapath: pe)
        }
        return f
    }

    /// Cycles a module class is powered when it must be on during every one of `intervals`:
    /// their union, one wake-up before the first (or the time before it, if shorter), and each idle gap between them or one
    /// wake-up, whichever is shorter. Never more than the run (the gaps it skips cost less
    /// than staying on).
    static func poweredCycles(_ intervals: [BusyInterval]) -> Double {
        let sorted = intervals.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        guard var runStart = sorted.first?.start, var runEnd = sorted.first?.end else { return 0 }
        var powered = min(PowerGating.wakeUpCycles, runStart)
        for i in sorted.dropFirst() {
            if i.start > runEnd {
                powered += runEnd - runStart + min(i.start - runEnd, PowerGating.wakeUpCycles)
                (runStart, runEnd) = (i.start, i.end)
            } else {
                runEnd = max(runEnd, i.end)
            }
        }
        return powered + runEnd - runStart
    }

    /// PE-cycles powered when each stretch keeps as many PEs on as its average busy units
    /// need (ceil(busy units / units per PE), at least one), stretches that overlap in time
    /// add their PEs (at most all of them), and every PE switched on costs a wake-up.
    static func poweredPECycles(_ intervals: [BusyInterval], hardware: HardwareInstance) -> Double {
        let c = hardware.config
        let all = Double(c.processingElements)
        var events: [(time: Double, delta: Double)] = []
        events.reserveCapacity(2 * intervals.count)
        for i in intervals where i.end > i.start {
            let perPE: Int
            switch i.unit {
            case .macLane: perPE = c.macLanesPerPE
            case .softmax: perPE = c.softmaxPerPE
            case .layerNorm: perPE = 1
            }
            let pes = min(max((i.unitCycles / (i.end - i.start) / Double(perPE)).rounded(.up), 1), all)
            events.append((i.start, pes))
            events.append((i.end, -pes))
        }
        events.sort { $0.time < $1.time || ($0.time == $1.time && $0.delta < $1.delta) }
        var demand = 0.0
        var on = 0.0
        var last = 0.0
        var powered = 0.0
        for e in events {
            powered += on * (e.time - last)
            last = e.time
            demand += e.delta
            let next = min(max(demand, 0), all)
            if next > on { powered += (next - on) * PowerGating.wakeUpCycles }
            on = next
        }
        return powered
    }
}
