import DesignSpace
import Foundation
import ProjectLayout
import StructuredInput

/// The main-memory datasheet file (`data/main-memory.json`): one datasheet per memory type
/// of the space, and named interface modes (AccelTran's low- and high-bandwidth settings).
package struct MainMemoryDatasheets: Sendable {
    /// A named interface setting: the whole memory's peak bandwidth, whatever its type (the
    /// pins stay the type's; the data rate follows).
    package struct Mode: Codable, Hashable, Sendable {
        package var peakGBs: Double
        package var citation: String

        enum CodingKeys: String, CodingKey {
            case peakGBs = "peak_gb_s"
            case citation
        }
    }

    /// The file as written, for decoding.
    private struct File: Decodable {
        var format: String
        var version: Int
        var types: [String: MainMemoryDatasheet]
        var modes: [String: Mode]
    }

    /// The format this code reads.
    package static let format = "transcode-main-memory"
    package static let formatVersion = 1
    /// The mode that takes each type's own interface.
    package static let datasheetMode = "datasheet"
    /// The shipped file, relative to the checkout.
    package static let shippedFile = "data/main-memory.json"

    /// Where the figures were read from.
    package let path: String
    package let types: [MainMemory.Kind: MainMemoryDatasheet]
    package let modes: [String: Mode]

    /// Every mode name a simulation accepts, `datasheet` first.
    package var modeNames: [String] { [Self.datasheetMode] + modes.keys.sorted() }

    /// The shipped file, read once. The command reads it (or `--memory-datasheets`) itself
    /// first and reports a broken file in one line; this default serves library callers, for
    /// whom a checkout without its data is a broken installation.
    package static let shipped: MainMemoryDatasheets = {
        do { return try load(path: ProjectFiles.path(shippedFile)) } catch { fatalError("\(error)") }
    }()

    /// Reads and validates a datasheet file.
    package static func load(path: String) throws(CostModelError) -> MainMemoryDatasheets {
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch {
            throw .unreadableDatasheets(path: path, reason: error.reason)
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let field = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw .unreadableDatasheets(path: path, reason: "missing field '\(field)'")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .unreadableDatasheets(path: path, reason: "field '\(field)' has the wrong type (\(context.debugDescription))")
        } catch {
            throw .unreadableDatasheets(path: path, reason: "not a main-memory datasheet file (JSON with format, version, types, modes)")
        }
        guard file.format == format, file.version == formatVersion else {
            throw .unreadableDatasheets(path: path, reason: "expected format \(format) version \(formatVersion)")
        }
        var types: [MainMemory.Kind: MainMemoryDatasheet] = [:]
        for (name, sheet) in file.types.sorted(by: { $0.key < $1.key }) {
            guard let kind = MainMemory.Kind(rawValue: name) else {
                throw .unreadableDatasheets(
                    path: path,
                    reason:
                        "unknown memory type 'types.\(name)': the space has \(MainMemory.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if let problem = sheet.problem() { throw .unreadableDatasheets(path: path, reason: "types.\(name).\(problem)") }
            types[kind] = sheet
        }
        for memory in MainMemory.all {
            guard let sheet = types[memory.kind] else { throw .missingDatasheet(path: path, type: memory.kind.rawValue) }
            let perChannel = sheet.interfaceBits / memory.channels
            guard sheet.interfaceBits % memory.channels == 0, perChannel % sheet.deviceWidthBits == 0 else {
                throw .unreadableDatasheets(
                    path: path,
                    reason:
                        "types.\(memory.kind.rawValue).interface_bits \(sheet.interfaceBits) does not split into \(memory.channels) channels of whole x\(sheet.deviceWidthBits) devices (\(memory))"
                )
            }
        }
        for (name, mode) in file.modes.sorted(by: { $0.key < $1.key }) {
            guard name != datasheetMode else {
                throw .unreadableDatasheets(
                    path: path, reason: "modes.\(name): '\(datasheetMode)' is reserved for each type's own interface")
            }
            guard mode.peakGBs.isFinite, mode.peakGBs > 0 else {
                throw .unreadableDatasheets(path: path, reason: "modes.\(name).peak_gb_s must be a number > 0")
            }
        }
        return MainMemoryDatasheets(path: path, types: types, modes: file.modes)
    }

    /// The setting for the mode called `name`.
    package func setting(mode name: String) throws(CostModelError) -> MainMemorySetting {
        guard name == Self.datasheetMode || modes[name] != nil else {
            throw .unknownMemoryMode(name: name, known: modeNames)
        }
        return MainMemorySetting(datasheets: self, mode: name)
    }
}
