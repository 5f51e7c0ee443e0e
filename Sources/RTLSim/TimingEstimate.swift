/// How long `transcode rtl timing` will take, told before the first Verilator build so that a
/// user can decide to wait.
package struct TimingEstimate: Sendable, Equatable, CustomStringConvertible {
    /// Seconds to build and simulate one variant in Verilator with a cold compiler cache:
    /// 25.9 s for pre_sparsity_n8, a small variant, on the project's 2-core machine
    /// (`CCACHE_DISABLE=1 swift test --filter TimingTableFreshnessTests --verbose`, which
    /// times each variant). With ccache warm the same variant took about 1 s, so this is the
    /// figure to plan for, not a typical re-run.
    package static let secondsPerVariant = 26.0

    /// Variants the run measures.
    package let variants: Int

    package init(variants: Int) { self.variants = variants }

    /// Seconds at the measured rate: the variants are built one after another.
    package var seconds: Double { Double(variants) * Self.secondsPerVariant }

    /// One line for the terminal.
    package var description: String {
        let time = seconds < 90 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
        return "measuring \(variants) module variant\(variants == 1 ? "" : "s") in Verilator: about \(time) "
            + "(basis: \(Int(Self.secondsPerVariant)) s per variant with a cold compiler cache, measured on pre_sparsity_n8 on 2 cores; "
            + "much less when ccache holds earlier builds)"
    }
}
