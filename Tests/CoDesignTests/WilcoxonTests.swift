import Foundation
import Testing

@testable import CoDesign

@Suite struct WilcoxonTests {
    @Test func exactPOnAPairedSampleWithoutTies() throws {
        let a = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
        let b = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
        let t = try #require(WilcoxonSignedRank(a, b))
        // Differences ranked by size: the negatives are ranks 2 and 3, so W- = 5 and W+ = 40.
        #expect(t.negativeRankSum == 5 && t.positiveRankSum == 40 && t.exact)
        // Subsets of 1...9 summing to at most 5: 1 + 1 + 1 + 2 + 2 + 3 = 10 of 512; two-sided 20/512.
        #expect(abs(t.p - 0.0390625) < 1e-12)
        // Swapping the samples swaps the sums and keeps p.
        let swapped = try #require(WilcoxonSignedRank(b, a))
        #expect(swapped.positiveRankSum == 5 && swapped.p == t.p)
    }

    @Test func normalApproximationWithTiesAndZeros() throws {
        // Differences 1, -1, 2, 2, 3, 3, 3, 4 (and two zeros, dropped): average ranks 1.5, 1.5,
        // 3.5, 3.5, 6, 6, 6, 8; W+ = 34.5; mean 18; variance 51 - (6 + 6 + 24) / 48 = 50.25;
        // z = 16.5 / sqrt(50.25) = 2.3276; p = erfc(z / sqrt 2) = 0.0199312.
        let d = [1.0, -1, 2, 2, 3, 3, 3, 4, 0, 0]
        let t = try #require(WilcoxonSignedRank(d, [Double](repeating: 0, count: d.count)))
        #expect(t.count == 8 && !t.exact)
        #expect(t.positiveRankSum == 34.5)
        #expect(abs(t.p - 0.019931199293565363) < 1e-9)
    }

    @Test func smallAndDegenerateSamples() throws {
        // n = 5, all positive: the smallest two-sided exact p is 2 / 32.
        let t = try #require(WilcoxonSignedRank([2, 3, 4, 5, 6], [1, 1, 1, 1, 1]))
        #expect(t.exact && abs(t.p - 0.0625) < 1e-12)
        #expect(WilcoxonSignedRank([1, 2], [1, 2]) == nil)
        #expect(WilcoxonSignedRank([1, 2], [1]) == nil)
        // Balanced signs give p = 1.
        #expect(try #require(WilcoxonSignedRank([1, -1], [0, 0])).p == 1)
    }
}
