import Reports

/// How well one setting ranks models as another does: Spearman's rho between the test
/// accuracies two measurement logs hold for the same plan indices.
package struct RankConsistency: Sendable, Equatable {
    /// Plan indices measured in both logs.
    package let pairs: Int
    /// nil with fewer than 2 pairs or a constant list.
    package let spearman: Double?

    package init(_ a: [MeasurementRecord], _ b: [MeasurementRecord]) {
        let other = Dictionary(b.map { ($0.index, $0.testAccuracy) }, uniquingKeysWith: { first, _ in first })
        let shared = a.filter { other[$0.index] != nil }.sorted { $0.index < $1.index }
        pairs = shared.count
        spearman = pairs >= 2 ? RankCorrelation.spearman(shared.map(\.testAccuracy), shared.map { other[$0.index]! }) : nil
    }
}
