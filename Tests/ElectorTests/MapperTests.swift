import DesignSpace
import Elector
import Foundation
import Testing

@Suite struct MapperTests {
    @Test func forwardMACsAgreeWithTheModelStatistics() {
        for model in [BuiltIns.model(named: "bert-tiny")!, BuiltIns.model(named: "fb-star")!] + TransformerSpace.sample(20, seed: 3) {
            let ops = Mapper(model: model, batchSize: 4, sequenceLength: 128, workload: .inference).operations()
            let matmulMACs = ops.filter { if case .matmul = $0.kind { return true } else { return false } }.reduce(0) { $0 + $1.denseMACs }
            #expect(matmulMACs == 4 * model.macsPerSequence(sequenceLength: 128))
        }
    }

    @Test func trainingAddsTheBackwardPassAndOneUpdatePerWeight() {
        let model = BuiltIns.model(named: "bert-tiny")!
        let forward = Mapper(model: model, batchSize: 4, workload: .inference).operations()
        let training = Mapper(model: model, batchSize: 4, workload: .training).operations()
        let weightOps = forward.filter { $0.loadValues > 0 && $0.name != "embedding" }
        #expect(training.filter { $0.phase == .update }.count == weightOps.count)
        let forwardMACs = forward.reduce(0) { $0 + $1.denseMACs }
        let backwardMACs = training.filter { $0.phase == .backward }.reduce(0) { $0 + $1.denseMACs }
        // Every matmul has two gradient products of its own size (Table I).
        #expect(Double(backwardMACs) > 1.9 * Double(forwardMACs))
        #expect(training.filter { $0.phase == .backward && $0.unit == .softmax }.count == 4)
        // Dependencies always point backwards in program order.
        for op in training { #expect(op.dependencies.allSatisfy { $0 < op.id }) }
    }

    @Test func adamReadsAndWritesItsExtraState() {
        let model = BuiltIns.model(named: "bert-tiny")!
        let sgd = Mapper(model: model, batchSize: 4, workload: .training, optimizer: .sgd).operations()
        let adam = Mapper(model: model, batchSize: 4, workload: .training, optimizer: .adam).operations()
        let load = { (ops: [MappedOperation]) in ops.filter { $0.phase == .update }.reduce(0) { $0 + $1.loadValues + $1.storeValues } }
        #expect(load(adam) == 3 * load(sgd))
    }
}
