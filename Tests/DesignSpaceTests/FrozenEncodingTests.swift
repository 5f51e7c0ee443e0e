import DesignSpace
import Foundation
import Testing

/// Pins the frozen encodings of space version 1, so that adding or reordering an enum case, or
/// touching a value list, fails here instead of changing what stored records mean.
///
/// If one of these fails because the space really changed, bump `SpaceVersion.current` and
/// re-pin; old `evaluations.jsonl` and `run.json` files are then refused, not misread, and RTL
/// manifests show which version their index was written in.
@Suite struct FrozenEncodingTests {
    @Test func spaceVersionIsOne() {
        #expect(SpaceVersion.current == 1)
        #expect(SpaceVersion.unversioned == 1)
    }

    @Test func acceleratorRadicesAreFrozenAndMatchTheValueLists() {
        #expect(AcceleratorSpace.radices == [2, 3, 2, 5, 5, 2, 6, 3, 5, 5, 5, 11])
        let counts = [
            AcceleratorSpace.batchTiles.count, AcceleratorSpace.spatialTiles.count, AcceleratorSpace.activations.count,
            AcceleratorSpace.processingElements.count, AcceleratorSpace.macLanesPerPE.count,
            AcceleratorSpace.macsPerLane.count, AcceleratorSpace.softmaxPerPE.count, AcceleratorSpace.batchSizes.count,
            AcceleratorSpace.activationBufferMB.count, AcceleratorSpace.weightBufferMB.count,
            AcceleratorSpace.maskBufferMB.count, AcceleratorSpace.mainMemories.count,
        ]
        #expect(counts == AcceleratorSpace.radices)
        #expect(AcceleratorSpace.activations == [.relu, .gelu])
        #expect(
            AcceleratorSpace.mainMemories.map(\.key) == [
                "rram_16_2_2", "rram_8_2_4", "rram_4_2_8", "rram_2_2_16", "rram_32_2_1", "rram_1_2_32",
                "dram_16_2_2", "dram_8_2_4", "dram_32_2_1", "dram_16_4_1", "hbm_32_1_4",
            ])
    }

    /// A new `Activation` case must be appended to the frozen list with a new space version.
    @Test func everyActivationHasAFrozenPosition() {
        for activation in Activation.allCases {
            #expect(AcceleratorSpace.activations.contains(activation), "\(activation) has no place in the accelerator index")
        }
    }

    /// Index -> configuration, written out as 13-number embeddings (paper Section III-B4).
    @Test func acceleratorIndicesArePinned() throws {
        let pinned: [(Int, [Int])] = [
            (0, [1, 8, 8, 64, 8, 1, 2, 4, 4, 8, 1, 1, 0]),
            (1, [1, 8, 8, 64, 8, 1, 2, 4, 4, 8, 1, 2, 0]),
            (10, [1, 8, 8, 64, 8, 1, 2, 4, 4, 8, 1, 11, 0]),
            (11, [1, 8, 8, 64, 8, 1, 2, 4, 4, 8, 2, 1, 0]),
            (1_234_567, [1, 8, 8, 1024, 128, 16, 64, 4, 64, 16, 8, 5, 0]),
            (3_790_883, [1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 9, 1]),
            (7_425_000, [4, 8, 8, 64, 8, 1, 2, 4, 4, 8, 1, 1, 0]),
            (9_999_999, [4, 16, 16, 64, 32, 1, 2, 4, 32, 64, 1, 10, 0]),
            (14_849_999, [4, 32, 32, 1024, 128, 16, 64, 32, 64, 128, 16, 11, 1]),
        ]
        for (index, embedding) in pinned {
            let config = try AcceleratorSpace.config(at: index)
            #expect(config.embedding == embedding, "index \(index)")
            #expect(AcceleratorSpace.index(of: try AcceleratorConfig(embedding: embedding.map(Double.init))) == index)
        }
        #expect(AcceleratorSpace.index(of: BuiltIns.accelerator(named: "acceltran-edge")!) == 3_790_883)
    }

    @Test func headOperationOrderIsThePublishedOne() {
        #expect(TransformerSpace.headOperationOrder.map(\.rawValue) == ["sa_sdp", "sa_wma", "l_dft", "l_dct", "c_5", "c_9", "c_13"])
        // Heads sort in the frozen order, whatever the declaration order.
        #expect([HeadOperation.dsc13, .ltDFT, .saWMA, .saSDP].sorted() == [.saSDP, .saWMA, .ltDFT, .dsc13])
    }

    /// A new `HeadOperation` case must be appended to the frozen order with a new space version.
    @Test func everyHeadOperationHasAFrozenPosition() {
        for operation in HeadOperation.allCases {
            #expect(
                TransformerSpace.headOperationOrder.filter { $0 == operation }.count == 1,
                "\(operation.rawValue) has no single place in the published embedding order")
        }
    }

    @Test func headMultisetAndFeedForwardIndicesArePinned() {
        let heads = TransformerSpace.headOptions
        #expect(heads.count == 21_805)
        #expect(heads[0] == [.saSDP, .saSDP])
        #expect(heads[1] == [.saSDP, .saWMA])
        #expect(heads[27] == [.dsc13, .dsc13])
        #expect(heads[28] == [.saSDP, .saSDP, .saSDP, .saSDP])
        #expect(heads[237] == [.dsc13, .dsc13, .dsc13, .dsc13])
        #expect(heads[238] == [HeadOperation](repeating: .saSDP, count: 8))
        #expect(heads[3240] == [HeadOperation](repeating: .dsc13, count: 8))
        #expect(heads[3242] == [HeadOperation](repeating: .saSDP, count: 11) + [.saWMA])
        #expect(heads[21_804] == [HeadOperation](repeating: .dsc13, count: 12))
        let stacks = TransformerSpace.feedForwardOptions
        #expect(stacks.count == 258)
        #expect(stacks[0] == [256] && stacks[5] == [4096] && stacks[6] == [256, 256])
        #expect(stacks[41] == [4096, 4096] && stacks[42] == [256, 256, 256] && stacks[257] == [4096, 4096, 4096])
    }

    /// The first published model's embedding, written out (all 16 are checked against the
    /// reference file in `TransformerSpaceTests.publishedEmbeddingsRoundTrip`).
    @Test func aPublishedEmbeddingIsPinned() throws {
        let embedding = [2, 3, 128, 127, 1, 39, 95, 3, 186, 119, 1, 11, 57, 0, 102, 123, 1, 47, 213] + [Int](repeating: 0, count: 18)
        let model = try TransformerSpace.model(embedding: embedding)
        #expect(model.layers.map(\.hiddenSize) == [768, 256, 768, 256, 128, 256])
        #expect(model.layers[1].heads == [.saSDP, .ltDCT, .ltDCT, .dsc13])
        #expect(model.layers[0].feedForward == [1024, 1024, 1024])
        #expect(TransformerSpace.embedding(of: model) == embedding)
    }

    @Test func otherVersionsAreRefusedInOneLine() throws {
        #expect(throws: DesignSpaceError.unsupportedSpaceVersion(file: "runs/x/run.json", found: 2, supported: 1)) {
            try SpaceVersion.check(json: Data(#"{"space_version": 2, "seed": 0}"#.utf8), file: "runs/x/run.json")
        }
        #expect(
            String(describing: DesignSpaceError.unsupportedSpaceVersion(file: "runs/x/run.json", found: 2, supported: 1))
                == "cannot read runs/x/run.json: it was written with design-space version 2, and this build reads only version 1")
        try SpaceVersion.check(json: Data(#"{"space_version": 1}"#.utf8), file: "a")
        // Records from before the field existed are version 1.
        try SpaceVersion.check(json: Data(#"{"seed": 0}"#.utf8), file: "a")
    }
}
