import DesignSpace
import Foundation

/// NSGA-II (non-dominated sorting with crowding distance) as a batch proposer.
///
/// It works on the four objectives of the Pareto front (accuracy up; latency, area and
/// energy down), not on the scalar performance: with one objective non-dominated sorting is a
/// plain ranking and crowding distance is meaningless, so NSGA-II would be a truncation
/// genetic algorithm, not NSGA-II. The costs enter as logarithms (they span four decades);
/// sorting does not depend on that choice, and crowding normalises each objective by its
/// range on the front. A pair that violates a constraint sorts after every feasible pair.
///
/// Each batch is one steady-state generation: the parent population is the best
/// `populationSize` evaluations by (front, crowding distance descending), which is NSGA-II's
/// elitist survival over parents and offspring; parents are drawn by binary tournament and
/// children made by uniform crossover and Gaussian mutation on the search encoding.
enum NSGA2 {
    /// Indices of `points` ("higher is better" vectors) front by front: the first front is the
    /// non-dominated set, the second is non-dominated once the first is removed, and so on.
    static func fronts(_ points: [[Double]]) -> [[Int]] {
        let n = points.count
        func dominates(_ a: [Double], _ b: [Double]) -> Bool {
            zip(a, b).allSatisfy { $0 >= $1 } && zip(a, b).contains { $0 > $1 }
        }
        var dominated = [[Int]](repeating: [], count: n)
        var count = [Int](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                if dominates(points[i], points[j]) {
                    dominated[i].append(j)
                } else if dominates(points[j], points[i]) {
                    count[i] += 1
                }
            }
        }
        var result: [[Int]] = []
        var current = (0..<n).filter { count[$0] == 0 }
        while !current.isEmpty {
            result.append(current)
            var next: [Int] = []
            for i in current {
                for j in dominated[i] {
                    count[j] -= 1
                    if count[j] == 0 { next.append(j) }
                }
            }
            current = next.sorted()
        }
        return result
    }

    /// Crowding distance of each member of `front` (same order): the sum over objectives of
    /// the gap between its two neighbours, divided by the objective's range on the front;
    /// the extremes of every objective get infinity so that they are always kept.
    static func crowding(_ points: [[Double]], front: [Int]) -> [Double] {
        guard let d = front.first.map({ points[$0].count }) else { return [] }
        var distance = [Double](repeating: 0, count: front.count)
        guard front.count > 2 else { return distance.map { _ in .infinity } }
        for m in 0..<d {
            let order = front.indices.sorted { (points[front[$0]][m], $0) < (points[front[$1]][m], $1) }
            let lo = points[front[order.first!]][m]
            let hi = points[front[order.last!]][m]
            distance[order.first!] = .infinity
            distance[order.last!] = .infinity
            guard hi > lo else { continue }
            for k in 1..<(order.count - 1) {
                distance[order[k]] += (points[front[order[k + 1]]][m] - points[front[order[k - 1]]][m]) / (hi - lo)
            }
        }
        return distance
    }

    /// The objectives NSGA-II sorts an evaluation on.
    static func objectives(_ m: PairMeasurement) -> [Double] {
        func cost(_ v: Double) -> Double { -Foundation.log(max(v, 1e-300)) }
        return [m.accuracy, cost(m.latencyMS), cost(m.areaMM2), cost(m.energyJ)]
    }

    /// Indices of `data` best first by (front, crowding distance descending, index); violators last.
    static func survivalOrder(_ data: [Evaluation]) -> [Int] {
        let feasible = data.indices.filter { data[$0].violated == nil }
        let points = feasible.map { objectives(data[$0].measurement) }
        var order: [Int] = []
        for front in fronts(points) {
            let distance = crowding(points, front: front)
            order += front.indices.sorted { (-distance[$0], front[$0]) < (-distance[$1], front[$1]) }.map { feasible[front[$0]] }
        }
        return order + data.indices.filter { data[$0].violated != nil }
    }

    /// `count` children of the best `populationSize` evaluations, as vectors of the search
    /// encoding; `fixed` dimensions are copied from the first parent.
    static func children(
        _ data: [Evaluation], encoded: [[Double]], populationSize: Int, count: Int, fixed: Set<Int>, rng: inout SeededGenerator
    ) -> [[Double]] {
        let order = survivalOrder(data)
        let population = Array(order.prefix(max(populationSize, 2)))
        // Position in the survival order is (front, crowding) order: the smaller one wins a tournament.
        var position: [Int: Int] = [:]
        for (k, i) in population.enumerated() { position[i] = k }
        func tournament(_ rng: inout SeededGenerator) -> Int {
            let a = population[Int.random(in: 0..<population.count, using: &rng)]
            let b = population[Int.random(in: 0..<population.count, using: &rng)]
            return position[a]! <= position[b]! ? a : b
        }
        let d = encoded[0].count
        let mutation = 1.0 / Double(d)
        return (0..<count).map { _ in
            let p = encoded[tournament(&rng)]
            let q = encoded[tournament(&rng)]
            return (0..<d).map { i in
                if fixed.contains(i) { return p[i] }
                var v = rng.nextUnit() < 0.5 ? p[i] : q[i]
                if rng.nextUnit() < mutation { v += 0.2 * rng.nextGaussian() }
                return min(max(v, 0), 1)
            }
        }
    }
}
