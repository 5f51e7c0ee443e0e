import Foundation
import HardwareModules
import ProjectLayout
import Testing

/// The catalogue's cycle formulas, which the simulator uses, must agree with the latencies
/// measured in RTL simulation (synth/timing.json, written by `transcode rtl timing`).
@Suite struct TimingTableTests {

    @Test func formulasMatchTheMeasuredRTL() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path("synth/timing.json")))
        let table = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let modules = table["modules"] as! [[String: Any]]
        let measured = Dictionary(uniqueKeysWithValues: modules.map { ($0["module"] as! String, $0) })
        #expect(
            Set(measured.keys) == Set(ModuleCatalog.timingVariants.map(\.moduleName)),
            "synth/timing.json covers other modules than the catalogue's timing points; refresh it with: transcode rtl timing")
        for variant in ModuleCatalog.timingVariants {
            guard let row = measured[variant.moduleName] else { continue }
            let latency = (row["latency"] as! NSNumber).intValue
            let ii = (row["initiation_interval"] as! NSNumber).intValue
            #expect(latency == variant.latency, "\(variant.moduleName): RTL latency \(latency), catalogue formula \(variant.latency)")
            #expect(
                ii == variant.initiationInterval,
                "\(variant.moduleName): RTL initiation interval \(ii), catalogue \(variant.initiationInterval)")
        }
    }
}
