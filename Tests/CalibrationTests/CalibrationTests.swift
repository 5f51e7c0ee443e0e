import Calibration
import DesignSpace
import Foundation
import RTLGen
import Testing
import Toolchain

/// Synthesis on the real NanGate45 liberty: the checked-in module records must still hold.
@Suite(.serialized) struct CalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Records: Decodable { let modules: [ModuleCalibration] }

    @Test(arguments: ["mac_lane_m1_relu", "dynaprop_b1_x8"])
    func checkedInRecordsMatchAFreshSynthesis(module: String) throws {
        let variants: [String: ModuleVariant] = ["mac_lane_m1_relu": .macLane(macs: 1, activation: .relu), "dynaprop_b1_x8": .dynaProp(batchTile: 1, tile: 8)]
        let flow = try SynthesisFlow(
            liberty: try Toolchain.liberty(projectRoot: Self.root),
            generator: RTLGenerator(library: TemplateLibrary(directory: "\(Self.root)/templates")))
        let variant = variants[module]!
        let fresh = try flow.calibrate(variant, activity: InputActivity.measure(variant, format: .paper))
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/synth/nangate45-modules.json"))
        let stored = try JSONDecoder().decode(Records.self, from: data).modules.first { $0.module == module }
        let refresh = "refresh with: transcode calibrate"
        guard let stored else {
            Issue.record("synth/nangate45-modules.json has no \(module); \(refresh)")
            return
        }
        #expect(abs(fresh.areaUM2 - stored.areaUM2) / stored.areaUM2 < 0.01, "area \(fresh.areaUM2) vs \(stored.areaUM2) um^2; \(refresh)")
        #expect(abs(fresh.leakageMW - stored.leakageMW) / stored.leakageMW < 0.01, "leakage; \(refresh)")
        #expect(abs(fresh.criticalPathNS - stored.criticalPathNS) / stored.criticalPathNS < 0.01, "critical path; \(refresh)")
        #expect(abs(fresh.dynamicMW - stored.dynamicMW) / stored.dynamicMW < 0.01, "dynamic power; \(refresh)")
        // Every cell is a NanGate cell, registers were mapped, and the leakage is the liberty's.
        #expect(fresh.cells.keys.allSatisfy { !$0.hasPrefix("$") })
        #expect(fresh.flipFlops > 0 && fresh.leakageMW > 0)
    }

    @Test func libertyLeakageIsRead() throws {
        let leakage = try LibertyLeakage(path: try Toolchain.liberty(projectRoot: Self.root))
        #expect(leakage.nanowatts.count > 100)
        #expect((leakage.nanowatts["INV_X1"] ?? 0) > 0)
        #expect(throws: CalibrationError.unreadableLiberty(path: "/no/such.lib")) { try LibertyLeakage(path: "/no/such.lib") }
    }
}
