/// One of the eleven main-memory configurations of the ELECTOR design space (paper Table II).
public struct MainMemory: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The memory technology.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case rram, dram, hbm
        /// RRAM is monolithic-3D on chip; HBM is on-package; DRAM is off chip.
        public var displayName: String { rawValue.uppercased() }
    }

    public let kind: Kind
    public let banks: Int
    public let ranks: Int
    public let channels: Int

    public init(kind: Kind, banks: Int, ranks: Int, channels: Int) {
        self.kind = kind
        self.banks = banks
        self.ranks = ranks
        self.channels = channels
    }

    /// The eleven configurations in the paper's order; the embedding uses position + 1.
    public static let all: [MainMemory] = [
        MainMemory(kind: .rram, banks: 16, ranks: 2, channels: 2),
        MainMemory(kind: .rram, banks: 8, ranks: 2, channels: 4),
        MainMemory(kind: .rram, banks: 4, ranks: 2, channels: 8),
        MainMemory(kind: .rram, banks: 2, ranks: 2, channels: 16),
        MainMemory(kind: .rram, banks: 32, ranks: 2, channels: 1),
        MainMemory(kind: .rram, banks: 1, ranks: 2, channels: 32),
        MainMemory(kind: .dram, banks: 16, ranks: 2, channels: 2),
        MainMemory(kind: .dram, banks: 8, ranks: 2, channels: 4),
        MainMemory(kind: .dram, banks: 32, ranks: 2, channels: 1),
        MainMemory(kind: .dram, banks: 16, ranks: 4, channels: 1),
        MainMemory(kind: .hbm, banks: 32, ranks: 1, channels: 4),
    ]

    /// Position in `all`, counted from 1 as in the paper's embedding (e_12).
    public var paperIndex: Int { Self.all.firstIndex(of: self)! + 1 }

    /// The key used by the published tables, e.g. `rram_16_2_2`.
    public var key: String { "\(kind.rawValue)_\(banks)_\(ranks)_\(channels)" }

    public var description: String { "\(kind.displayName) [\(banks), \(ranks), \(channels)]" }

    /// The allowed configurations, spelled for error messages.
    public static var allowedDescription: String {
        all.map(\.description).joined(separator: ", ")
    }
}
