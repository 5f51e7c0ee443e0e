import DesignSpace

/// One workload on one accelerator with each main memory of the space in turn: how the
/// memory type and organisation alone move latency, bandwidth and row hits.
package enum MemoryComparison {
    /// `base` once per `MainMemory.all` entry, in the paper's order, everything else kept.
    package static func requests(_ base: SimulationRequest) -> [SimulationRequest] {
        let c = base.accelerator
        return MainMemory.all.map { memory in
            var request = base
            // Only the memory changes, to another value of the space: the checks cannot fail.
            request.accelerator = try! AcceleratorConfig(
                batchTile: c.batchTile, spatialTile: c.spatialTile, activation: c.activation,
                processingElements: c.processingElements, macLanesPerPE: c.macLanesPerPE, macsPerLane: c.macsPerLane,
                softmaxPerPE: c.softmaxPerPE, batchSize: c.batchSize, activationBufferMB: c.activationBufferMB,
                weightBufferMB: c.weightBufferMB, maskBufferMB: c.maskBufferMB, mainMemory: memory)
            return request
        }
    }
}
