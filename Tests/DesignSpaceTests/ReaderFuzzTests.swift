import DesignSpace
import Foundation
import TestSupport
import Testing

/// Seeded mutations of valid files through every design-space reader (issue 17): no crash,
/// every refusal one line, and whatever is accepted is a valid value that renders and reads
/// back to itself. A crash here stops the whole test run, which is the point.
@Suite struct ReaderFuzzTests {
    static let cases = 300

    func expectOneLine(_ error: Error, _ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(describing: error)
        #expect(
            !text.isEmpty && !text.contains("\n"), "multi-line error \(text.debugDescription) for \(input.prefix(200).debugDescription)",
            sourceLocation: sourceLocation)
    }

    @Test func modelDicts() throws {
        var mutator = TextMutator(seed: 17)
        let seeds = BuiltIns.modelNames.map { ModelDict.render(BuiltIns.model(named: $0)!) }
        var accepted = 0
        for i in 0..<Self.cases {
            let text = mutator.mutate(seeds[i % seeds.count])
            do {
                let model = try ModelDict.parse(Data(text.utf8), source: "m.json")
                accepted += 1
                #expect(try ModelDict.parse(Data(ModelDict.render(model).utf8), source: "again.json") == model)
            } catch {
                expectOneLine(error, text)
            }
        }
        // Most mutations must be refused, or the mutator is not reaching the reader.
        #expect(accepted < Self.cases / 2)
    }

    @Test func acceleratorFiles() throws {
        var mutator = TextMutator(seed: 29)
        let yaml = BuiltIns.acceleratorNames.map { AcceleratorFile.render(BuiltIns.accelerator(named: $0)!) }
        let json =
            #"{"tile": {"tile_b": 1, "tile_x": 16, "tile_y": 16}, "non_linearity": "gelu", "pe": 64, "lanes_per_pe": 16, "mac_per_lane": 16, "softmax_per_pe": 4, "batch_size": 4, "activation_buffer_size": 4, "weight_buffer_size": 8, "mask_buffer_size": 1, "main_memory": {"type": "dram", "banks": 32, "ranks": 2, "channels": 1}}"#
        let seeds = yaml + [json]
        var accepted = 0
        for i in 0..<Self.cases {
            let text = mutator.mutate(seeds[i % seeds.count])
            do {
                let config = try AcceleratorFile.parse(text, source: "a.yaml")
                accepted += 1
                #expect(try AcceleratorFile.parse(AcceleratorFile.render(config), source: "again.yaml") == config)
            } catch {
                expectOneLine(error, text)
            }
        }
        #expect(accepted < Self.cases / 2)
    }

    @Test func embeddings() throws {
        let hostile: [Double] = [-1, 0, 1, 2, 3, 1e20, -1e20, .infinity, -.infinity, .nan, 0.5, Double(Int.max), 1e15, 4096]
        for i in 0..<Self.cases {
            var accelerator = BuiltIns.accelerator(named: "acceltran-edge")!.embedding.map(Double.init)
            var transformer = TransformerSpace.embedding(of: BuiltIns.model(named: "fb-star")!).map(Double.init)
            accelerator[i % accelerator.count] = hostile[i % hostile.count]
            transformer[(i * 7) % transformer.count] = hostile[(i / 3) % hostile.count]
            if i % 5 == 0 { accelerator = Array(accelerator.prefix(1 + i % 14)) }
            do { _ = try AcceleratorConfig(embedding: accelerator) } catch { expectOneLine(error, "\(accelerator)") }
            do { _ = try AcceleratorConfig.nearest(to: accelerator) } catch { expectOneLine(error, "\(accelerator)") }
            do { _ = try TransformerSpace.nearest(to: transformer) } catch { expectOneLine(error, "\(transformer)") }
            let whole = transformer.map { $0.isFinite && abs($0) < 1e15 ? Int($0) : -1 }
            do { _ = try TransformerSpace.model(embedding: whole) } catch { expectOneLine(error, "\(whole)") }
        }
    }
}
