import CostModel
import DesignSpace
import Foundation
import ProjectLayout
import Testing

@testable import Elector

/// The datasheet main-memory model: one interface per memory, shared by its organisation;
/// the row-buffer model per transfer; AccelTran's modes; the file's one-line errors.
@Suite struct MainMemoryModelTests {
    let datasheets = MainMemoryDatasheets.shipped

    /// Sizes that cover part bursts, part rows, whole rows and long streams.
    static let sizes: [Double] = [1, 7.5, 63, 64, 100, 1000, 2560, 4096, 10_240, 16_384, 20_480, 65_537, 1_048_576, 3e7]

    @Test func aMemoryNeverExceedsItsInterfacesPeakBandwidth() throws {
        var generator = SeededGenerator(seed: 7)
        let random = (0..<200).map { _ in Double.random(in: 1...4e6, using: &generator) }
        for mode in datasheets.modeNames {
            let setting = try datasheets.setting(mode: mode)
            for memory in MainMemory.all {
                let model = setting.model(for: memory)
                for bytes in Self.sizes + random {
                    let bandwidth = model.bandwidthGBs(bytes)
                    #expect(bandwidth > 0 && bandwidth <= model.peakGBs * (1 + 1e-12), "\(memory) \(mode) \(bytes) B: \(bandwidth)")
                }
            }
        }
        // And over whole runs, in both modes.
        for accelerator in BuiltIns.acceleratorNames {
            for fidelity in SimulationRequest.Fidelity.allCases {
                let r = try simulate("bert-tiny", on: accelerator, fidelity: fidelity)
                #expect(r.mainMemory.sustainedGBs > 0 && r.mainMemory.sustainedGBs <= r.mainMemory.peakGBs, "\(accelerator) \(fidelity)")
                #expect(r.mainMemory.rowHitRate > 0 && r.mainMemory.rowHitRate < 1)
            }
        }
    }

    @Test func theOrganisationSharesOneInterfaceAndNeverMultipliesIt() {
        for kind in MainMemory.Kind.allCases {
            let peaks = Set(MainMemory.all.filter { $0.kind == kind }.map { MainMemorySetting.standard.model(for: $0).peakGBs })
            #expect(peaks.count == 1, "\(kind): \(peaks)")
        }
        let wide = MainMemorySetting.standard.model(for: MainMemory(kind: .rram, banks: 1, ranks: 2, channels: 32))
        #expect(wide.peakGBs == 256)
        #expect(wide.bandwidthGBs(16_777_216) < 256)
    }

    @Test func acceltranModesAreNamedSettingsAndTheBuiltInsUseTheirs() throws {
        // AccelTran-Edge's LP-DDR3 is AccelTran's low-bandwidth mode, AccelTran-Server's RRAM
        // its high-bandwidth mode: the datasheet interfaces are those modes.
        #expect(datasheets.modes["acceltran-lb"]?.peakGBs == 25.6)
        #expect(datasheets.modes["acceltran-hb"]?.peakGBs == 256)
        #expect(datasheets.types[.dram]?.peakGBs == 25.6)
        #expect(datasheets.types[.rram]?.peakGBs == 256)
        let edge = try simulate("bert-tiny", on: "acceltran-edge")
        #expect(edge.mainMemory.peakGBs == 25.6 && edge.mainMemory.mode == "datasheet")
        let lowServer = try datasheets.setting(mode: "acceltran-lb").model(for: BuiltIns.accelerator(named: "acceltran-server")!.mainMemory)
        #expect(lowServer.peakGBs == 25.6 && lowServer.mode == "acceltran-lb")
        #expect(datasheets.modeNames == ["datasheet", "acceltran-hb", "acceltran-lb"])
    }

    @Test func rowHitsFollowTheRowAndTransferSizes() {
        // LPDDR3 [32, 2, 1]: one 128-bit channel of four x32 dies, 16 KB rows, 128-byte bursts.
        let dram = MainMemorySetting.standard.model(for: MainMemory(kind: .dram, banks: 32, ranks: 2, channels: 1))
        #expect(dram.burstBytes == 128 && dram.burstsPerRow == 128)
        let oneRow = dram.transfer(16_384)
        #expect(oneRow.bursts == 128 && oneRow.activations == 1 && oneRow.rowHits == 127)
        let twoRows = dram.transfer(16_385)
        #expect(twoRows.bursts == 129 && twoRows.activations == 2)
        // Four 32-bit channels: the same bytes are spread over four channels of 4 KB rows.
        let split = MainMemorySetting.standard.model(for: MainMemory(kind: .dram, banks: 8, ranks: 2, channels: 4))
        let spread = split.transfer(16_384)
        #expect(spread.bursts == 512 && spread.activations == 4)
        // RRAM rows are short (256 bytes over eight x8 devices): a quarter of bursts miss.
        let rram = MainMemorySetting.standard.model(for: MainMemory(kind: .rram, banks: 32, ranks: 2, channels: 1))
        #expect(abs(rram.transfer(1_048_576).rowHits / rram.transfer(1_048_576).bursts - 0.75) < 0.01)
        // A single-bank-per-rank organisation pays a rank turnaround at every row.
        let narrow = MainMemorySetting.standard.model(for: MainMemory(kind: .rram, banks: 1, ranks: 2, channels: 32))
        #expect(narrow.bandwidthGBs(1_048_576) < rram.bandwidthGBs(1_048_576))
    }

    @Test func bothModesTimeTransfersWithTheSameModel() throws {
        for pair in FastModeReference.pairs where pair.model != "bert-base" {
            let cycle = try simulate(pair.model, on: pair.accelerator, pair.workload)
            let fast = try simulate(pair.model, on: pair.accelerator, pair.workload, fidelity: .fast)
            #expect(cycle.mainMemoryBytes == fast.mainMemoryBytes || abs(cycle.mainMemoryBytes / fast.mainMemoryBytes - 1) < 1e-9)
            #expect(abs(cycle.mainMemory.sustainedGBs / fast.mainMemory.sustainedGBs - 1) < 0.02, "\(pair)")
            #expect(abs(cycle.mainMemory.rowHitRate - fast.mainMemory.rowHitRate) < 0.01, "\(pair)")
        }
    }

    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "transcode-main-memory-\(UUID()).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aMemoryTypeWithoutADatasheetIsOneLine() throws {
        let shipped = try String(contentsOfFile: ProjectFiles.path("data/main-memory.json"), encoding: .utf8)
        var object = try JSONSerialization.jsonObject(with: Data(shipped.utf8)) as! [String: Any]
        var types = object["types"] as! [String: Any]
        types["hbm"] = nil
        object["types"] = types
        let path = try write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CostModelError.missingDatasheet(path: path, type: "hbm")) { try MainMemoryDatasheets.load(path: path) }
        #expect(
            CostModelError.missingDatasheet(path: "m.json", type: "hbm").description
                == "main-memory datasheets m.json have no entry for memory type 'hbm': add 'types.hbm' (see data/main-memory.json)")
    }

    @Test func aMalformedDatasheetFileIsOneLine() throws {
        let shipped = try String(contentsOfFile: ProjectFiles.path("data/main-memory.json"), encoding: .utf8)
        let cases: [(String, String)] = [
            (String(shipped.dropLast(3)), "JSON"),
            (shipped.replacingOccurrences(of: "\"trcd_nck\": 15,", with: ""), "missing field 'types.dram.trcd_nck'"),
            (
                shipped.replacingOccurrences(of: "\"row_bytes\": 2048", with: "\"row_bytes\": -1"),
                "types.hbm.row_bytes must be an integer > 0"
            ),
            (shipped.replacingOccurrences(of: "\"interface_bits\": 2560", with: "\"interface_bits\": 2568"), "does not split into"),
            (shipped.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"), "expected format transcode-main-memory version 1"),
        ]
        for (text, expected) in cases {
            #expect(text != shipped)
            let path = try write(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                _ = try MainMemoryDatasheets.load(path: path)
                Issue.record("\(expected): accepted")
            } catch {
                let message = error.description
                #expect(message.hasPrefix("cannot read main-memory datasheets \(path): "), "\(message)")
                #expect(message.contains(expected), "\(message)")
                #expect(!message.contains("\n"))
            }
        }
        #expect(
            CostModelError.unreadableDatasheets(path: "m.json", reason: "types.hbm.row_bytes must be an integer > 0").description
                == "cannot read main-memory datasheets m.json: types.hbm.row_bytes must be an integer > 0")
        #expect(throws: CostModelError.unknownMemoryMode(name: "fast", known: ["datasheet", "acceltran-hb", "acceltran-lb"])) {
            try datasheets.setting(mode: "fast")
        }
        #expect(
            CostModelError.unknownMemoryMode(name: "fast", known: ["datasheet", "acceltran-hb", "acceltran-lb"]).description
                == "unknown memory mode 'fast': use one of datasheet, acceltran-hb, acceltran-lb")
    }
}
