import DesignSpace
import Foundation
import ProjectLayout
import RTLGen
import RTLSim
import Testing

/// The checked-in timing table must still describe the templates.
@Suite(.serialized) struct TimingTableFreshnessTests {
    @Test(arguments: ["mac_lane_m16_gelu", "mac_lane_m1_relu", "dynaprop_b4_x8", "softmax_b1_x8", "layer_norm_b1_x8", "pre_sparsity_n8"])
    func checkedInTimingMatchesTheRTL(module: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path("synth/timing.json")))
        let table = try JSONDecoder().decode(TimingTable.self, from: data)
        let variant = TimingMeasurement.variants().first { $0.moduleName == module }!
        let measured = try TimingMeasurement.measure(
            variant, format: RTLFixtures.format, generator: RTLFixtures.generator,
            simulator: RTLFixtures.verilator)
        let stored = table.modules.first { $0.module == module }
        #expect(stored == measured, "synth/timing.json is stale for \(module); refresh it with: transcode rtl timing")
    }
}
