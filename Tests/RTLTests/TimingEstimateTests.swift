import RTLSim
import Testing

/// The line `transcode rtl timing` prints before it starts.
@Suite struct TimingEstimateTests {
    @Test func theWholeCatalogueIsMinutes() {
        let estimate = TimingEstimate(variants: TimingMeasurement.variants().count)
        #expect(estimate.variants == 21)
        #expect(
            estimate.description == "measuring 21 module variants in Verilator: about 9 min (basis: 26 s per variant with a cold "
                + "compiler cache, measured on pre_sparsity_n8 on 2 cores; much less when ccache holds earlier builds)")
    }

    @Test func oneVariantIsSeconds() {
        #expect(TimingEstimate(variants: 1).description.hasPrefix("measuring 1 module variant in Verilator: about 26 s "))
    }
}
