import DesignSpace
import Testing

@testable import Elector

/// Pins the mapper's operation list (labels, order, dependencies, shapes, traffic) to values
/// recorded before the operation graph moved into recipes, so any change to what the
/// mapper emits, however small, fails here rather than surfacing as a drift in estimates.
@Suite struct MapperGoldenTests {
    /// A 64-bit FNV-1a hash of every field of every operation, in order.
    static func checksum(_ operations: [MappedOperation]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for op in operations {
            mix("\(op.id) \(op.name) \(op.layer) \(op.phase) \(op.kind) \(op.dependencies)")
            mix("\(op.loadValues) \(op.storeValues) \(op.outputValues) \(op.outputKind)")
        }
        return hash
    }

    /// One pinned case: a model, a workload and the mapper's settings.
    struct Case {
        let name: String
        let model: TransformerModel
        let batchSize: Int
        let sequenceLength: Int
        let workload: Workload
        let optimizer: Optimizer

        var operations: [MappedOperation] {
            Mapper(model: model, batchSize: batchSize, sequenceLength: sequenceLength, workload: workload, optimizer: optimizer)
                .operations()
        }
    }

    static func cases() -> [Case] {
        var models = [("bert-tiny", BuiltIns.model(named: "bert-tiny")!), ("fb-star", BuiltIns.model(named: "fb-star")!)]
        for (i, model) in TransformerSpace.sample(6, seed: 97).enumerated() { models.append(("random\(i)", model)) }
        var cases: [Case] = []
        for (i, (name, model)) in models.enumerated() {
            for workload in Workload.allCases {
                cases.append(
                    Case(
                        name: "\(name) \(workload)", model: model, batchSize: i % 2 == 0 ? 4 : 32,
                        sequenceLength: i % 3 == 2 ? 64 : 128, workload: workload, optimizer: i % 2 == 0 ? .sgd : .adam))
            }
        }
        return cases
    }

    /// Operation counts and checksums recorded from the mapper before the refactor into recipes.
    static let pinned: [String: (count: Int, checksum: UInt64)] = [
        "bert-tiny inference": (40, 0x987a_d0dd_b95b_8099),
        "bert-tiny training": (124, 0xa9c5_8c93_7ed9_ad12),
        "fb-star inference": (86, 0xb5ff_1bad_7643_2a8d),
        "fb-star training": (298, 0xb971_30cd_953c_7522),
        "random0 inference": (424, 0xe48f_1de6_32a9_001a),
        "random0 training": (1472, 0x0751_44ad_a8cd_afd8),
        "random1 inference": (458, 0x4ce9_76d2_83c0_444c),
        "random1 training": (1566, 0xd001_26ae_b54c_ba2a),
        "random2 inference": (336, 0x0d42_2e3d_8b54_793a),
        "random2 training": (1156, 0xd83e_1936_2016_98cc),
        "random3 inference": (274, 0xd72c_e56f_5b25_8e1a),
        "random3 training": (940, 0xbaad_b3f3_b317_f02e),
        "random4 inference": (268, 0x3c67_2532_da37_aa7d),
        "random4 training": (910, 0xa25e_279c_ea78_391a),
        "random5 inference": (612, 0x9a12_f47f_2150_f37c),
        "random5 training": (2100, 0xb220_47e7_bdbc_da2d),
    ]

    @Test func operationListsMatchThePinnedOnes() {
        var recorded: [String] = []
        for c in Self.cases() {
            let operations = c.operations
            let sum = Self.checksum(operations)
            recorded.append("\"\(c.name)\": (\(operations.count), 0x\(String(sum, radix: 16))),")
            let pinned = Self.pinned[c.name]
            #expect(pinned?.count == operations.count, "\(c.name): \(operations.count) operations")
            #expect(pinned?.checksum == sum, "\(c.name): checksum 0x\(String(sum, radix: 16))")
        }
        if Self.pinned.isEmpty { Issue.record(Comment(rawValue: "record these:\n" + recorded.joined(separator: "\n"))) }
    }

    /// Readable spot checks, so a failure of the checksum has a first place to look.
    @Test func bertTinyTrainingStartsAndEndsAsRecorded() {
        let operations = Mapper(model: BuiltIns.model(named: "bert-tiny")!, batchSize: 4, workload: .training).operations()
        let names = operations.map(\.name)
        #expect(
            Array(names.prefix(8)) == [
                "embedding", "embedding.layer_norm", "layer1.head1.sa_sdp.q", "layer1.head1.sa_sdp.k", "layer1.head1.sa_sdp.v",
                "layer1.head1.sa_sdp.scores", "layer1.head1.sa_sdp.softmax", "layer1.head1.sa_sdp.context",
            ])
        #expect(
            Array(names.suffix(3)) == [
                "layer1.head1.sa_sdp.v.update", "layer1.head1.sa_sdp.k.update", "layer1.head1.sa_sdp.q.update",
            ])
    }

    /// The pinned models use every head operation, so every head recipe is pinned.
    @Test func pinnedModelsCoverEveryHeadOperation() {
        let used = Set(Self.cases().flatMap { $0.model.layers.flatMap(\.heads) })
        #expect(used == Set(HeadOperation.allCases))
    }
}
