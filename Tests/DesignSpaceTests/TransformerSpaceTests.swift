import DesignSpace
import Foundation
import Testing

@Suite struct TransformerSpaceTests {
    @Test func countIsTheExactInteger() {
        #expect(TransformerSpace.feedForwardOptions.count == 258)
        #expect(TransformerSpace.headOptions.count == 21_805)
        #expect(
            String(TransformerSpace.count)
                == "16858908734132497780908867493333806257614075489378357347998921892214947867599639413377600")
    }

    @Test func publishedEmbeddingsRoundTrip() throws {
        let records = try Fixtures.json("reference/flexibert2-glue.json")["records"] as! [[String: Any]]
        #expect(records.count == 16)
        for record in records {
            let model = try ModelDict.model(from: record["model_dict"] as! [String: Any])
            let published = (record["embedding"] as! [NSNumber]).map(\.intValue)
            #expect(TransformerSpace.embedding(of: model) == published)
            #expect(try TransformerSpace.model(embedding: published) == model)
            // Writing the model dict and reading it back gives the same model.
            let text = ModelDict.render(model)
            #expect(try ModelDict.parse(Data(text.utf8), source: "roundtrip") == model)
        }
    }

    @Test func acceltranModelDictsAreTheBuiltIns() throws {
        let models = try Fixtures.json("reference/acceltran.json")["models"] as! [String: Any]
        #expect(try ModelDict.model(from: models["bert_tiny"] as! [String: Any]) == BuiltIns.model(named: "bert-tiny"))
        #expect(try ModelDict.model(from: models["bert_base"] as! [String: Any]) == BuiltIns.model(named: "bert-base"))
    }

    @Test func sampledModelsRoundTripThroughTheEmbedding() throws {
        for model in TransformerSpace.sample(300, seed: 5) {
            #expect(try TransformerSpace.model(embedding: TransformerSpace.embedding(of: model)) == model)
        }
        #expect(TransformerSpace.sample(10, seed: 1) == TransformerSpace.sample(10, seed: 1))
    }

    @Test func nearestSnapsAnyVectorToAValidModel() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<300 {
            let v = (0..<37).map { _ in rng.nextUnit() * 25_000 - 1000 }
            let model = try TransformerSpace.nearest(to: v)
            #expect(try TransformerSpace.model(embedding: TransformerSpace.embedding(of: model)) == model)
        }
    }

    @Test func badEmbeddingsNameTheEntry() {
        func message(_ e: [Int]) -> String {
            do {
                _ = try TransformerSpace.model(embedding: e)
                return "accepted"
            } catch { return String(describing: error) }
        }
        var e = [Int](repeating: 0, count: 37)
        e[0] = 6
        #expect(message(e) == "invalid value 6 for field 'e[0] (layer-count index)': allowed 0 to 5")
        e[0] = 0
        e[2] = 258
        #expect(message(e) == "invalid value 258 for field 'e[2] (layer 1 feed-forward index)': allowed 0 to 257")
        e[2] = 0
        e[7] = 1
        #expect(message(e) == "invalid value 1 for field 'e[7]': allowed 0 (the model has only 2 layers)")
        #expect(message([0, 1]) == "transformer embedding has 2 numbers: expected 37")
    }
}
