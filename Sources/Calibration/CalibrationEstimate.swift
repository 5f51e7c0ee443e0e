/// What a calibration run is about to do and roughly how long it will take, told before the
/// first synthesis so that a user can decide to wait or to narrow `--modules`.
package struct CalibrationEstimate: Sendable, Equatable, CustomStringConvertible {
    /// The measured basis: the whole 22-module plan from an empty cache took 724 s on a
    /// 2-core machine (README, "Calibration"), two modules at a time.
    package static let measuredSeconds = 724.0
    package static let measuredModules = 22
    package static let measuredCores = 2

    /// Modules the run covers.
    package let modules: Int
    /// Of those, the ones whose result is already cached (well under a second each).
    package let cached: Int
    /// Modules synthesised at once.
    package let parallelism: Int

    package init(modules: Int, cached: Int, parallelism: Int) {
        self.modules = modules
        self.cached = cached
        self.parallelism = max(parallelism, 1)
    }

    /// Seconds for the modules still to synthesise, at the measured rate per module and core.
    package var seconds: Double {
        let perModule = Self.measuredSeconds / Double(Self.measuredModules) * Double(Self.measuredCores)
        return perModule * Double(modules - cached) / Double(min(parallelism, max(modules - cached, 1)))
    }

    /// One line for the terminal.
    package var description: String {
        "calibrating \(modules) module\(modules == 1 ? "" : "s") (\(cached) cached, \(modules - cached) to synthesise): about "
            + Self.duration(seconds)
            + " (basis: \(Int(Self.measuredSeconds)) s for \(Self.measuredModules) modules from an empty cache on \(Self.measuredCores) cores)"
    }

    /// `45 s` or `12 min`.
    static func duration(_ seconds: Double) -> String {
        seconds < 90 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
    }
}
