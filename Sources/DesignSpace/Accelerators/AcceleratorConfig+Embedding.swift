import Foundation

/// The paper's 12-number accelerator embedding (Section III-B4) plus the activation.
///
/// e1 = b, e2 = x, e3 = y, e4 = PEs, e5 = lanes per PE, e6 = MACs per lane,
/// e7 = softmax modules per PE, e8 = batch size, e9..e11 = buffer sizes in MB,
/// e12 = main-memory index 1...11, and e13 = activation (0 ReLU, 1 GeLU), which this
/// project adds so that every point of the 14,850,000 is reachable.
extension AcceleratorConfig {
    /// Names of the embedding entries, for messages and reports.
    public static let embeddingFieldNames = [
        "e1 (batch_tile)", "e2 (tile_x)", "e3 (tile_y)", "e4 (pe)", "e5 (lanes_per_pe)",
        "e6 (mac_per_lane)", "e7 (softmax_per_pe)", "e8 (batch_size)",
        "e9 (activation_buffer_size)", "e10 (weight_buffer_size)", "e11 (mask_buffer_size)",
        "e12 (main_memory)", "e13 (activation)",
    ]

    /// Allowed values of every embedding entry, in order.
    public static let embeddingAllowedValues: [[Int]] = [
        AcceleratorSpace.batchTiles, AcceleratorSpace.spatialTiles, AcceleratorSpace.spatialTiles,
        AcceleratorSpace.processingElements, AcceleratorSpace.macLanesPerPE,
        AcceleratorSpace.macsPerLane, AcceleratorSpace.softmaxPerPE, AcceleratorSpace.batchSizes,
        AcceleratorSpace.activationBufferMB, AcceleratorSpace.weightBufferMB,
        AcceleratorSpace.maskBufferMB, Array(1...MainMemory.all.count), [0, 1],
    ]

    /// The 13-number embedding.
    public var embedding: [Int] {
        [
            batchTile, spatialTile, spatialTile, processingElements, macLanesPerPE, macsPerLane,
            softmaxPerPE, batchSize, activationBufferMB, weightBufferMB, maskBufferMB,
            mainMemory.paperIndex, activation.embeddingCode,
        ]
    }

    /// Decodes an exact embedding of 12 (activation GeLU) or 13 numbers.
    ///
    /// Throws an error naming the first entry that is not an allowed value.
    public init(embedding vector: [Double]) throws {
        guard vector.count == 12 || vector.count == 13 else {
            throw DesignSpaceError.wrongLength(
                what: "accelerator embedding", got: vector.count, expected: "12 or 13")
        }
        var values: [Int] = []
        for (position, raw) in vector.enumerated() {
            let allowed = Self.embeddingAllowedValues[position]
            // Compared as doubles: Int(raw) would trap for a value beyond Int's range.
            guard let value = allowed.first(where: { Double($0) == raw }) else {
                throw DesignSpaceError.invalidValue(
                    field: Self.embeddingFieldNames[position], value: Self.format(raw),
                    allowed: AcceleratorSpace.describe(allowed))
            }
            values.append(value)
        }
        guard values[1] == values[2] else {
            throw DesignSpaceError.invalidValue(
                field: "e3 (tile_y)", value: String(values[2]),
                allowed: "equal to e2 (tile_x) = \(values[1])")
        }
        try self.init(
            batchTile: values[0], spatialTile: values[1],
            activation: values.count == 13 && values[12] == 0 ? .relu : .gelu,
            processingElements: values[3], macLanesPerPE: values[4], macsPerLane: values[5],
            softmaxPerPE: values[6], batchSize: values[7], activationBufferMB: values[8],
            weightBufferMB: values[9], maskBufferMB: values[10],
            mainMemory: MainMemory.all[values[11] - 1])
    }

    /// The valid configuration closest to a continuous 12- or 13-number vector.
    ///
    /// Each entry snaps to its nearest allowed value (in log space for the power-of-two
    /// sizes, linearly for the indices); x and y snap together from their mean.
    public static func nearest(to vector: [Double]) throws -> AcceleratorConfig {
        guard vector.count == 12 || vector.count == 13 else {
            throw DesignSpaceError.wrongLength(
                what: "accelerator embedding", got: vector.count, expected: "12 or 13")
        }
        var v = vector.map { $0.isFinite ? $0 : 0 }
        let tile = (v[1] + v[2]) / 2
        v[1] = tile
        v[2] = tile
        var snapped = v.indices.map { position in
            Double(snap(v[position], to: embeddingAllowedValues[position], logScale: position < 11))
        }
        if snapped.count == 12 { snapped.append(1) }
        return try AcceleratorConfig(embedding: snapped)
    }

    static func snap(_ value: Double, to allowed: [Int], logScale: Bool) -> Int {
        func distance(_ a: Int) -> Double {
            if logScale {
                return abs(log2Clamped(value) - log2Clamped(Double(a)))
            }
            return abs(value - Double(a))
        }
        return allowed.min { distance($0) < distance($1) }!
    }

    private static func log2Clamped(_ x: Double) -> Double { log2(max(x, 1e-9)) }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
