import Calibration
import Foundation

extension Render {
    /// One progress line of a calibration run, for standard error.
    static func progress(_ p: CalibrationRun.Progress) -> String {
        String(format: "calibrate: %@ (%d of %d)%@, %.1f s\n", p.module, p.index, p.count, p.cached ? ", cached" : "", p.elapsedSeconds)
    }
}
