import DesignSpace
import Testing

@Suite struct AcceleratorSpaceTests {
    @Test func countIsThePapers() {
        #expect(AcceleratorSpace.count == 14_850_000)
    }

    @Test func indexRoundTripsAtBothEnds() throws {
        for index in [0, 1, 2, AcceleratorSpace.count - 2, AcceleratorSpace.count - 1] {
            #expect(AcceleratorSpace.index(of: try AcceleratorSpace.config(at: index)) == index)
        }
        let first = try AcceleratorSpace.config(at: 0)
        #expect(first.embedding == [1, 8, 8, 64, 8, 1, 2, 4, 4, 8, 1, 1, 0])
        let last = try AcceleratorSpace.config(at: AcceleratorSpace.count - 1)
        #expect(last.embedding == [4, 32, 32, 1024, 128, 16, 64, 32, 64, 128, 16, 11, 1])
    }

    @Test func indexRoundTripsOnALargeRandomSample() throws {
        var rng = SeededGenerator(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<50_000 {
            let index = Int.random(in: 0..<AcceleratorSpace.count, using: &rng)
            let config = try AcceleratorSpace.config(at: index)
            #expect(AcceleratorSpace.index(of: config) == index)
            #expect(try AcceleratorConfig(embedding: config.embedding.map(Double.init)) == config)
            seen.insert(index)
        }
        #expect(seen.count > 49_900)
    }

    @Test func lazyEnumerationFollowsTheIndex() throws {
        for (i, config) in AcceleratorSpace.all.prefix(200).enumerated() {
            #expect(AcceleratorSpace.index(of: config) == i)
        }
    }

    @Test func outOfRangeIndexIsRejected() {
        #expect(throws: DesignSpaceError.indexOutOfRange(what: "accelerator", index: "14850000", count: "14849999")) {
            try AcceleratorSpace.config(at: 14_850_000)
        }
        #expect(
            String(describing: DesignSpaceError.indexOutOfRange(what: "accelerator", index: "-1", count: "14849999"))
                == "accelerator index -1 is out of range: allowed 0 to 14849999")
    }

    @Test func sampleIsSeededAndValid() {
        let a = AcceleratorSpace.sample(100, seed: 3)
        let b = AcceleratorSpace.sample(100, seed: 3)
        #expect(a == b)
        #expect(a != AcceleratorSpace.sample(100, seed: 4))
        // Every field takes more than one value in a sample this size.
        #expect(Set(a.map(\.processingElements)).count > 1)
        #expect(Set(a.map(\.mainMemory)).count > 1)
    }

    @Test func twelveNumberEmbeddingMeansGeLU() throws {
        let config = try AcceleratorConfig(embedding: [4, 32, 32, 128, 32, 16, 4, 4, 64, 128, 8, 2])
        #expect(config.activation == .gelu)
        #expect(config == BuiltIns.accelerator(named: "elector-star"))
    }

    @Test func invalidEmbeddingNamesTheFirstBadField() {
        func message(_ v: [Double]) -> String {
            do {
                _ = try AcceleratorConfig(embedding: v)
                return "accepted"
            } catch { return String(describing: error) }
        }
        #expect(message([2, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 9]) == "invalid value 2 for field 'e1 (batch_tile)': allowed {1, 4}")
        #expect(
            message([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 12])
                == "invalid value 12 for field 'e12 (main_memory)': allowed {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}")
        #expect(
            message([1, 16, 8, 64, 16, 16, 4, 4, 4, 8, 1, 9])
                == "invalid value 8 for field 'e3 (tile_y)': allowed equal to e2 (tile_x) = 16")
        #expect(
            message([1, 16, 16, 64.5, 16, 16, 4, 4, 4, 8, 1, 9])
                == "invalid value 64.5 for field 'e4 (pe)': allowed {64, 128, 256, 512, 1024}")
        #expect(message([1, 16, 16]) == "accelerator embedding has 3 numbers: expected 12 or 13")
        #expect(message([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 9, 2]) == "invalid value 2 for field 'e13 (activation)': allowed {0, 1}")
    }

    @Test func nearestAlwaysGivesAValidPointAndFixesValidOnes() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            let v = (0..<13).map { _ in rng.nextUnit() * 1200 - 100 }
            let snapped = try AcceleratorConfig.nearest(to: v)
            #expect(AcceleratorSpace.index(of: snapped) >= 0)
        }
        for config in AcceleratorSpace.sample(500, seed: 12) {
            #expect(try AcceleratorConfig.nearest(to: config.embedding.map(Double.init)) == config)
        }
        let near = try AcceleratorConfig.nearest(to: [3.1, 15, 17, 100, 20, 9, 5, 10, 5, 9, 1.2, 4.6, 0.2])
        #expect(near.embedding == [4, 16, 16, 128, 16, 16, 4, 16, 4, 8, 1, 5, 0])
    }
}
