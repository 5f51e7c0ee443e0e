import Elector
import Foundation
import ProjectLayout
import Testing

/// The simulator's cycle formulas must agree with the latencies measured in RTL simulation
/// (synth/timing.json, written by `transcode rtl timing`).
@Suite struct TimingTableTests {

    @Test func formulasMatchTheMeasuredRTL() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path("synth/timing.json")))
        let table = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let modules = table["modules"] as! [[String: Any]]
        #expect(modules.count >= 20)
        for row in modules {
            let name = row["module"] as! String
            let latency = (row["latency"] as! NSNumber).intValue
            let ii = (row["initiation_interval"] as! NSNumber).intValue
            let parts = name.split(separator: "_")
            let expected: Int
            if name.hasPrefix("mac_lane_m") {
                let m = Int(parts[2].dropFirst())!
                expected = ModuleTiming.macLaneLatency(macsPerLane: m)
            } else if name.hasPrefix("softmax") {
                expected = ModuleTiming.softmaxLatency(tile: Int(parts.last!.dropFirst())!)
            } else if name.hasPrefix("layer_norm") {
                expected = ModuleTiming.layerNormLatency(tile: Int(parts.last!.dropFirst())!)
            } else if name.hasPrefix("dynaprop") {
                expected = ModuleTiming.dynaPropLatency
            } else if name.hasPrefix("pre_sparsity") {
                expected = ModuleTiming.preSparsityLatency
            } else if name.hasPrefix("post_sparsity") {
                expected = ModuleTiming.postSparsityLatency
            } else if name.hasPrefix("fifo") {
                expected = ModuleTiming.fifoLatency
            } else {
                Issue.record("unknown module \(name) in synth/timing.json")
                continue
            }
            #expect(latency == expected, "\(name): RTL latency \(latency), simulator formula \(expected)")
            #expect(ii == ModuleTiming.rowInitiationInterval, "\(name): RTL initiation interval \(ii)")
        }
    }
}
