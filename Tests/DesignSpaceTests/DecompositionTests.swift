import DesignSpace
import Foundation
import Testing

/// The tensor-train extension of the transformer space (HEAT): the model-dict `tt` key, its
/// checks, the parameter count and the versioned decomposition embedding.
@Suite struct DecompositionTests {
    static let bertTinyDict = #"{"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]]"#

    func parse(_ tt: String) throws -> TransformerModel {
        try ModelDict.parse(Data((Self.bertTinyDict + ", \"tt\": " + tt + "}").utf8), source: "m.json")
    }

    func error(_ tt: String) -> String {
        do {
            _ = try parse(tt)
            return "accepted"
        } catch { return String(describing: error) }
    }

    @Test func modelDictCarriesTheDecompositionAndRendersItBack() throws {
        let model = try parse(
            #"[{"ff0": {"in": [8, 16], "out": [16, 32], "ranks": [16]}}, {"out": {"in": [4, 4, 8], "out": [8, 4, 4], "ranks": [8, 8]}}]"#)
        #expect(model.decomposition.decomposedCount == 2)
        let ff = try #require(model.decomposition.shape(layer: 0, .feedForward(0)))
        #expect(ff.inputFactors == [8, 16] && ff.outputFactors == [16, 32] && ff.ranks == [16])
        // Cores 1 x 8 x 16 x 16 and 16 x 16 x 32 x 1 replace the 128 x 512 weights.
        #expect(ff.parameterCount == 8 * 16 * 16 + 16 * 16 * 32)
        let dense = try ModelDict.parse(Data((Self.bertTinyDict + "}").utf8), source: "m.json")
        let out = try #require(model.decomposition.shape(layer: 1, .attentionOutput))
        #expect(model.parameterCount == dense.parameterCount - 128 * 512 + ff.parameterCount - 128 * 128 + out.parameterCount)
        let again = try ModelDict.parse(Data(ModelDict.render(model).utf8), source: "rendered")
        #expect(again == model)
        let coded = try JSONDecoder().decode(TransformerModel.self, from: JSONEncoder().encode(model))
        #expect(coded == model)
        #expect(model.dense == dense && model != dense)
    }

    @Test func badDecompositionsAreOneLineNamingTheField() {
        #expect(
            error(#"[{"ff0": {"in": [8, 8], "out": [16, 32], "ranks": [4]}}, {}]"#)
                == "invalid value [8, 8] for field 'tt[0].ff0 in': allowed factors of at least 2 whose product is the matrix's input width 128"
        )
        #expect(
            error(#"[{"ff0": {"in": [8, 16], "out": [16, 32], "ranks": [200]}}, {}]"#)
                == "invalid value 200 for field 'tt[0].ff0 ranks[0]': allowed 1 to 128 (the most bond 1 of this shape can carry)")
        #expect(
            error(#"[{"ff2": {"in": [8, 16], "out": [16, 32], "ranks": [4]}}, {}]"#)
                == "invalid value a decomposition for field 'tt[0].ff2': allowed only matrices layer 1 has: out, ff0, ff1")
        #expect(
            error(#"[{"proj": {"in": [8, 16], "out": [8, 16], "ranks": [4]}}, {}]"#)
                == "invalid value a decomposition for field 'tt[0].proj': allowed only matrices layer 1 has: out, ff0, ff1")
        #expect(
            error(#"[{"out": {"in": [128], "out": [128], "ranks": []}}, {}]"#)
                == "invalid value [128] for field 'tt[0].out in': allowed 2 to 4 factors")
        #expect(
            error(#"[{"out": {"in": [8, 16], "out": [128], "ranks": [4]}}, {}]"#)
                == "invalid value [128] for field 'tt[0].out out': allowed 2 factors, as many as 'in' has")
        #expect(
            error(#"[{"out": {"in": [8, 16], "out": [8, 16], "rank": [4]}}, {}]"#)
                == "unknown field 'tt[0].out.rank': known fields are in, out, ranks")
        #expect(
            error(#"[{}]"#) == "invalid value [{}] for field 'tt': allowed one object of decompositions per layer (2 entries, as l says)")
    }

    @Test func factorizationsAreOrderedAndComplete() {
        #expect(DecompositionSpace.factorizations(of: 12, into: 2) == [[2, 6], [3, 4], [4, 3], [6, 2]])
        #expect(DecompositionSpace.factorizations(of: 8, into: 3) == [[2, 2, 2]])
        // 4096 = 2^12 into three factors of at least 2: compositions of 12 into 3 parts.
        #expect(DecompositionSpace.factorizations(of: 4096, into: 3).count == 55)
        #expect(DecompositionSpace.factorizations(of: 3072, into: 2).count == 20)
    }

    @Test func embeddingRoundTripsAndClampsRanksToTheBond() throws {
        let model = try parse(
            #"[{"ff0": {"in": [8, 16], "out": [16, 32], "ranks": [16]}}, {"out": {"in": [2, 64], "out": [64, 2], "ranks": [4]}}]"#)
        let e = try DecompositionSpace.embedding(of: model)
        #expect(e.count == 216)
        let decoded = try TransformerModel(layers: model.layers, decomposition: DecompositionSpace.decomposition(e, layers: model.layers))
        #expect(decoded == model)
        // Rank 64 on a shape whose first bond carries at most 2 x 2 = 4: clamped there.
        let clamped = try DecompositionSpace.shape(input: [2, 64], output: [2, 64], rank: 64, rows: 128, columns: 128, field: "x")
        #expect(clamped.ranks == [4])
        var bad = e
        bad[5] = 9
        #expect(throws: DesignSpaceError.indexOutOfRange(what: "decomposition embedding tt[0].ff0 rank", index: "9", count: "5")) {
            try DecompositionSpace.decomposition(bad, layers: model.layers)
        }
    }

    @Test func theFrozenListsOfTheEncodingAreVersioned() {
        // Changing any of these renumbers stored embeddings: bump DecompositionSpace.version.
        #expect(DecompositionSpace.version == 1)
        #expect(DecompositionSpace.coreCounts == [2, 3])
        #expect(DecompositionSpace.ranks == [2, 4, 8, 16, 32, 64])
        #expect(DecompositionSpace.slots.map(\.key) == ["out", "ff0", "ff1", "ff2", "ff3", "proj"])
    }
}
