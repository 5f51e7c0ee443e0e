/// One accelerator of the ELECTOR design space (paper Table II), validated on construction.
///
/// Every stored value is one of the allowed values in `AcceleratorSpace`, so code that
/// receives an `AcceleratorConfig` never needs to check it again.
public struct AcceleratorConfig: Hashable, Codable, Sendable {
    /// Batch tile size b.
    public let batchTile: Int
    /// Spatial tile size x = y.
    public let spatialTile: Int
    /// Feed-forward non-linearity implemented in the MAC lanes.
    public let activation: Activation
    /// Number of processing elements.
    public let processingElements: Int
    /// MAC lanes in every PE.
    public let macLanesPerPE: Int
    /// Multipliers in every MAC lane (M).
    public let macsPerLane: Int
    /// Softmax modules in every PE.
    public let softmaxPerPE: Int
    /// Batch size of the evaluated workload.
    public let batchSize: Int
    /// Activation-and-gradient buffer size in MB.
    public let activationBufferMB: Int
    /// Weight buffer size in MB.
    public let weightBufferMB: Int
    /// Mask buffer size in MB.
    public let maskBufferMB: Int
    /// Main-memory configuration.
    public let mainMemory: MainMemory

    /// Creates a configuration, checking each field against Table II in declaration order.
    public init(
        batchTile: Int, spatialTile: Int, activation: Activation, processingElements: Int,
        macLanesPerPE: Int, macsPerLane: Int, softmaxPerPE: Int, batchSize: Int,
        activationBufferMB: Int, weightBufferMB: Int, maskBufferMB: Int, mainMemory: MainMemory
    ) throws {
        typealias S = AcceleratorSpace
        try S.check(batchTile, S.batchTiles, field: "batch_tile")
        try S.check(spatialTile, S.spatialTiles, field: "spatial_tile")
        try S.check(processingElements, S.processingElements, field: "pe")
        try S.check(macLanesPerPE, S.macLanesPerPE, field: "lanes_per_pe")
        try S.check(macsPerLane, S.macsPerLane, field: "mac_per_lane")
        try S.check(softmaxPerPE, S.softmaxPerPE, field: "softmax_per_pe")
        try S.check(batchSize, S.batchSizes, field: "batch_size")
        try S.check(activationBufferMB, S.activationBufferMB, field: "activation_buffer_size")
        try S.check(weightBufferMB, S.weightBufferMB, field: "weight_buffer_size")
        try S.check(maskBufferMB, S.maskBufferMB, field: "mask_buffer_size")
        guard MainMemory.all.contains(mainMemory) else {
            throw DesignSpaceError.invalidValue(
                field: "main_memory", value: mainMemory.description,
                allowed: MainMemory.allowedDescription)
        }
        self.batchTile = batchTile
        self.spatialTile = spatialTile
        self.activation = activation
        self.processingElements = processingElements
        self.macLanesPerPE = macLanesPerPE
        self.macsPerLane = macsPerLane
        self.softmaxPerPE = softmaxPerPE
        self.batchSize = batchSize
        self.activationBufferMB = activationBufferMB
        self.weightBufferMB = weightBufferMB
        self.maskBufferMB = maskBufferMB
        self.mainMemory = mainMemory
    }

    // Decoding goes through the validating initialiser so that no invalid
    // configuration can be read from JSON either.
    private enum CodingKeys: String, CodingKey {
        case batchTile = "batch_tile"
        case spatialTile = "spatial_tile"
        case activation
        case processingElements = "pe"
        case macLanesPerPE = "lanes_per_pe"
        case macsPerLane = "mac_per_lane"
        case softmaxPerPE = "softmax_per_pe"
        case batchSize = "batch_size"
        case activationBufferMB = "activation_buffer_size"
        case weightBufferMB = "weight_buffer_size"
        case maskBufferMB = "mask_buffer_size"
        case mainMemory = "main_memory"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            batchTile: c.decode(Int.self, forKey: .batchTile),
            spatialTile: c.decode(Int.self, forKey: .spatialTile),
            activation: c.decode(Activation.self, forKey: .activation),
            processingElements: c.decode(Int.self, forKey: .processingElements),
            macLanesPerPE: c.decode(Int.self, forKey: .macLanesPerPE),
            macsPerLane: c.decode(Int.self, forKey: .macsPerLane),
            softmaxPerPE: c.decode(Int.self, forKey: .softmaxPerPE),
            batchSize: c.decode(Int.self, forKey: .batchSize),
            activationBufferMB: c.decode(Int.self, forKey: .activationBufferMB),
            weightBufferMB: c.decode(Int.self, forKey: .weightBufferMB),
            maskBufferMB: c.decode(Int.self, forKey: .maskBufferMB),
            mainMemory: c.decode(MainMemory.self, forKey: .mainMemory))
    }

    /// Total multipliers on the chip.
    public var totalMultipliers: Int { processingElements * macLanesPerPE * macsPerLane }
}
