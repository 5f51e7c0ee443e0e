import Foundation
import HardwareModules
import StructuredInput

/// The synthesised glue of whole designs (`synth/nangate45-glue.json`): the logic that is not
/// a catalogue leaf, measured by `GlueSynthesis` around black-box leaves and SRAMs. The table
/// costs it per register bit (`ModuleCatalog.peGlueBits`, `controllerBits`).
package struct GlueRecords: Codable, Sendable {
    /// One synthesised design's glue of one kind.
    package struct Record: Codable, Sendable, Equatable {
        /// `pe_glue` (one PE and its slot) or `controller` (top with its buffer arbitration,
        /// DMA engine and CSR).
        package let kind: String
        /// The accelerator's index in the space and the design's PE count.
        package let index: Int
        package let processingElements: Int
        /// The register bits the catalogue counts for this design and kind (for the
        /// controller, its own and the arbitration's of all PEs).
        package let registerBits: Int
        package let areaUM2: Double
        package let leakageMW: Double
        package let cells: Int

        enum CodingKeys: String, CodingKey {
            case kind, index, cells
            case processingElements = "processing_elements"
            case registerBits = "register_bits"
            case areaUM2 = "area_um2"
            case leakageMW = "leakage_mw"
        }

        package init(
            kind: String, index: Int, processingElements: Int, registerBits: Int, areaUM2: Double, leakageMW: Double, cells: Int
        ) {
            self.kind = kind
            self.index = index
            self.processingElements = processingElements
            self.registerBits = registerBits
            self.areaUM2 = areaUM2
            self.leakageMW = leakageMW
            self.cells = cells
        }
    }

    package var format = "transcode-glue-calibration"
    package var version = 1
    package var provenance: [String: String]
    package var records: [Record]

    package init(provenance: [String: String], records: [Record]) {
        self.provenance = provenance
        self.records = records
    }

    /// Reads a glue-records file; a missing file is nil, an unreadable one an error.
    package static func load(path: String) throws -> GlueRecords? {
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch .noSuchFile {
            return nil
        } catch {
            throw CalibrationError.unreadableFile(path: path, reason: error.reason)
        }
        guard let glue = try? JSONDecoder().decode(GlueRecords.self, from: data), glue.format == "transcode-glue-calibration",
            glue.version == 1
        else { throw CalibrationError.unreadableFile(path: path, reason: "not a transcode-glue-calibration version 1 file") }
        return glue
    }

    package func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The records of `kind`.
    package func records(_ kind: ModuleKind) -> [Record] { records.filter { $0.kind == kind.rawValue } }
}
