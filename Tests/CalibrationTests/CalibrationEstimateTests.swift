import Calibration
import Testing

/// The line `transcode calibrate` prints before it synthesises anything.
@Suite struct CalibrationEstimateTests {
    @Test func anEmptyCacheTakesTheMeasuredTime() {
        let estimate = CalibrationEstimate(modules: 22, cached: 0, parallelism: 2)
        #expect(abs(estimate.seconds - 724) < 1e-9)
        #expect(
            estimate.description == "calibrating 22 modules (0 cached, 22 to synthesise): about 12 min "
                + "(basis: 724 s for 22 modules from an empty cache on 2 cores)")
    }

    @Test func cachedModulesCostNothing() {
        #expect(CalibrationEstimate(modules: 22, cached: 22, parallelism: 2).seconds == 0)
        // One module cannot use the second core: it takes a whole module's serial time.
        let one = CalibrationEstimate(modules: 3, cached: 2, parallelism: 2)
        #expect(abs(one.seconds - 724.0 / 11) < 1e-9)
        #expect(one.description.hasPrefix("calibrating 3 modules (2 cached, 1 to synthesise): about 66 s "))
    }
}
