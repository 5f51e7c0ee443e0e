import Foundation
import StructuredInput

/// Reads and writes accelerator descriptions in the AccelTran configuration format
/// (YAML, or the same structure as JSON):
///
/// ```yaml
/// tile: {tile_b: 1, tile_x: 16, tile_y: 16}
/// non_linearity: gelu
/// pe: 64
/// lanes_per_pe: 16
/// mac_per_lane: 16
/// softmax_per_pe: 4
/// batch_size: 4
/// activation_buffer_size: 4   # MB
/// weight_buffer_size: 8       # MB
/// mask_buffer_size: 1         # MB
/// main_memory: {type: dram, banks: 32, ranks: 2, channels: 1}
/// ```
///
/// The AccelTran keys `loop_unrolling`, `scheduler` and `main_memory.mode` are accepted
/// for compatibility and ignored: ELECTOR's scheduling lives in the simulator, and the
/// memory bandwidth follows from the memory configuration.
public enum AcceleratorFile {
    static let topKeys = [
        "tile", "non_linearity", "pe", "lanes_per_pe", "mac_per_lane", "softmax_per_pe",
        "batch_size", "activation_buffer_size", "weight_buffer_size", "mask_buffer_size",
        "main_memory", "loop_unrolling", "scheduler",
    ]
    static let tileKeys = ["tile_b", "tile_x", "tile_y"]
    static let memoryKeys = ["type", "banks", "ranks", "channels", "mode"]

    /// Parses YAML or JSON text into a validated accelerator.
    public static func parse(_ text: String, source: String) throws -> AcceleratorConfig {
        let object = try DesignSpaceError.reading { () throws(StructuredInputError) in try YAMLText.object(text, source: source) }
        guard let dict = object as? [String: Any] else {
            throw DesignSpaceError.malformedFile(
                path: source, reason: "expected a mapping with keys \(topKeys.prefix(11).joined(separator: ", "))")
        }
        return try config(from: dict)
    }

    /// Builds an accelerator from a decoded mapping.
    public static func config(from dict: [String: Any]) throws -> AcceleratorConfig {
        try rejectUnknown(dict, allowed: topKeys, prefix: "")
        let tile = try mapping(dict, "tile", allowed: tileKeys)
        let memory = try mapping(dict, "main_memory", allowed: memoryKeys)
        let x = try int(tile, "tile_x", prefix: "tile.")
        let y = try int(tile, "tile_y", prefix: "tile.")
        guard x == y else {
            throw DesignSpaceError.invalidValue(
                field: "tile.tile_y", value: String(y), allowed: "equal to tile.tile_x = \(x)")
        }
        guard let nl = dict["non_linearity"] else {
            throw DesignSpaceError.missingField(field: "non_linearity", allowed: "relu or gelu")
        }
        guard let nlName = nl as? String, let activation = Activation(rawValue: nlName.lowercased()) else {
            throw DesignSpaceError.invalidValue(
                field: "non_linearity", value: ModelDict.render(nl), allowed: "relu or gelu")
        }
        guard let kindValue = memory["type"] else {
            throw DesignSpaceError.missingField(field: "main_memory.type", allowed: "rram, dram or hbm")
        }
        guard let kindName = kindValue as? String, let kind = MainMemory.Kind(rawValue: kindName.lowercased()) else {
            throw DesignSpaceError.invalidValue(
                field: "main_memory.type", value: ModelDict.render(kindValue), allowed: "rram, dram or hbm")
        }
        let mainMemory = MainMemory(
            kind: kind, banks: try int(memory, "banks", prefix: "main_memory."),
            ranks: try int(memory, "ranks", prefix: "main_memory."),
            channels: try int(memory, "channels", prefix: "main_memory."))
        return try AcceleratorConfig(
            batchTile: try int(tile, "tile_b", prefix: "tile."), spatialTile: x, activation: activation,
            processingElements: try int(dict, "pe"), macLanesPerPE: try int(dict, "lanes_per_pe"),
            macsPerLane: try int(dict, "mac_per_lane"), softmaxPerPE: try int(dict, "softmax_per_pe"),
            batchSize: try int(dict, "batch_size"),
            activationBufferMB: try int(dict, "activation_buffer_size"),
            weightBufferMB: try int(dict, "weight_buffer_size"),
            maskBufferMB: try int(dict, "mask_buffer_size"), mainMemory: mainMemory)
    }

    /// The accelerator as YAML in the AccelTran format.
    public static func render(_ c: AcceleratorConfig) -> String {
        """
        # ELECTOR accelerator, index \(AcceleratorSpace.index(of: c)) of \(AcceleratorSpace.count)
        tile:
          tile_b: \(c.batchTile)
          tile_x: \(c.spatialTile)
          tile_y: \(c.spatialTile)
        non_linearity: \(c.activation.rawValue)
        pe: \(c.processingElements)
        lanes_per_pe: \(c.macLanesPerPE)
        mac_per_lane: \(c.macsPerLane)
        softmax_per_pe: \(c.softmaxPerPE)
        batch_size: \(c.batchSize)
        activation_buffer_size: \(c.activationBufferMB)
        weight_buffer_size: \(c.weightBufferMB)
        mask_buffer_size: \(c.maskBufferMB)
        main_memory:
          type: \(c.mainMemory.kind.rawValue)
          banks: \(c.mainMemory.banks)
          ranks: \(c.mainMemory.ranks)
          channels: \(c.mainMemory.channels)

        """
    }

    private static func rejectUnknown(_ dict: [String: Any], allowed: [String], prefix: String) throws {
        for key in dict.keys.sorted() where !allowed.contains(key) {
            throw DesignSpaceError.unknownField(
                field: prefix + key, allowed: allowed.map { prefix + $0 }.joined(separator: ", "))
        }
    }

    private static func mapping(_ dict: [String: Any], _ key: String, allowed: [String]) throws -> [String: Any] {
        guard let value = dict[key] else {
            throw DesignSpaceError.missingField(field: key, allowed: "a mapping with keys \(allowed.joined(separator: ", "))")
        }
        guard let inner = value as? [String: Any] else {
            throw DesignSpaceError.invalidValue(
                field: key, value: ModelDict.render(value),
                allowed: "a mapping with keys \(allowed.joined(separator: ", "))")
        }
        try rejectUnknown(inner, allowed: allowed, prefix: key + ".")
        return inner
    }

    private static func int(_ dict: [String: Any], _ key: String, prefix: String = "") throws -> Int {
        guard let value = dict[key] else {
            throw DesignSpaceError.missingField(field: prefix + key, allowed: "a whole number")
        }
        guard let n = ModelDict.integer(value) else {
            throw DesignSpaceError.invalidValue(field: prefix + key, value: ModelDict.render(value), allowed: "a whole number")
        }
        return n
    }
}
