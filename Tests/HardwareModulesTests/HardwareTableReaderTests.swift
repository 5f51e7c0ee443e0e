import CostModel
import Foundation
import HardwareModules
import ProjectLayout
import Testing

/// Reading hardware tables: a table of another format version gives a one-line error.
@Suite struct HardwareTableReaderTests {

    @Test func oldVersionTableIsRejectedInOneLine() throws {
        let text = try String(contentsOfFile: ProjectFiles.path("synth/acceltran-14nm.json"), encoding: .utf8)
        let old = text.replacingOccurrences(of: "\"version\" : \(HardwareTable.formatVersion)", with: "\"version\" : 1")
        #expect(old != text)
        let path = NSTemporaryDirectory() + "transcode-old-table-\(UUID()).json"
        try old.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CostModelError.unsupportedVersion(table: "acceltran-14nm", found: 1, supported: 2)) {
            try HardwareTable.load(path: path)
        }
        let message = CostModelError.unsupportedVersion(table: "acceltran-14nm", found: 1, supported: 2).description
        #expect(message == "hardware table acceltran-14nm has format version 1: this transcode reads version 2")
        #expect(!message.contains("\n"))
    }

    @Test func missingAndUnknownEntriesAreNamed() throws {
        var table = try HardwareTable.load(path: ProjectFiles.path("synth/acceltran-14nm.json"))
        let cost = table.modules["softmax_b1_x16"]!
        table.modules["softmax_b1_x16"] = nil
        #expect(throws: CostModelError.missingEntry(table: "acceltran-14nm", entry: "softmax_b1_x16")) { try table.validate() }
        table.modules["softmax_b1_x16"] = cost
        table.modules["softmax.x16.b1"] = cost
        #expect(throws: CostModelError.unknownEntry(table: "acceltran-14nm", entry: "softmax.x16.b1")) { try table.validate() }
    }
}
