import DesignSpace
import Foundation

/// A design point in readable fields (the model's layers and the accelerator's parameters,
/// not only their embeddings), for the run summary and the trials and front CSVs.
package struct PairDescription: Codable, Sendable, Equatable {
    package var layers: Int
    /// Per layer, in order.
    package var hiddenSizes: [Int]
    /// Per layer, the head operations as the model dict writes them (e.g. `sa_sdp_64`).
    package var attention: [[String]]
    package var feedForward: [[Int]]
    package var parameters: Int
    /// The point's index in the 14,850,000-accelerator space, then its parameters.
    package var acceleratorIndex: Int
    package var accelerator: AcceleratorConfig
    package var tauI: Double
    package var tauT: Double
    /// The decomposition's groups (`DecompositionChoice.summary`) and how many times fewer
    /// weights its matrices hold; nil for a dense model.
    package var tensorTrain: String?
    package var matrixCompression: Double?

    enum CodingKeys: String, CodingKey {
        case layers
        case hiddenSizes = "hidden_sizes"
        case attention
        case feedForward = "feed_forward"
        case parameters
        case acceleratorIndex = "accelerator_index"
        case accelerator
        case tauI = "tau_i"
        case tauT = "tau_t"
        case tensorTrain = "tensor_train"
        case matrixCompression = "matrix_compression"
    }

    package init(_ p: DesignPoint) {
        layers = p.model.layers.count
        hiddenSizes = p.model.layers.map(\.hiddenSize)
        attention = p.model.layers.map { layer in layer.heads.map { "\($0.rawValue)_\(layer.headSize)" } }
        feedForward = p.model.layers.map(\.feedForward)
        parameters = p.model.parameterCount
        acceleratorIndex = AcceleratorSpace.index(of: p.accelerator)
        accelerator = p.accelerator
        tauI = p.tauI
        tauT = p.tauT
        if !p.model.decomposition.isDense {
            tensorTrain = DecompositionChoice(of: p.model).summary
            matrixCompression = p.model.matrixCompression
        }
    }

    /// CSV columns: layers joined by `/`, heads and feed-forward stacks within a layer by `+`;
    /// no field holds a comma.
    package static let csvHeader =
        "layers,hidden,attention,feed_forward,parameters,accelerator_index,pe,lanes_per_pe,macs_per_lane,softmax_per_pe,batch_tile,spatial_tile,batch_size,activation,activation_buffer_mb,weight_buffer_mb,mask_buffer_mb,main_memory,tau_i,tau_t,tensor_train,matrix_compression"

    package var csvFields: String {
        let a = accelerator
        let model: [String] = [
            String(layers), hiddenSizes.map(String.init).joined(separator: "/"),
            attention.map { $0.joined(separator: "+") }.joined(separator: "/"),
            feedForward.map { $0.map(String.init).joined(separator: "+") }.joined(separator: "/"), String(parameters),
        ]
        let sizes: [Int] = [
            acceleratorIndex, a.processingElements, a.macLanesPerPE, a.macsPerLane, a.softmaxPerPE, a.batchTile, a.spatialTile,
            a.batchSize,
        ]
        let buffers: [Int] = [a.activationBufferMB, a.weightBufferMB, a.maskBufferMB]
        var fields = model
        fields += sizes.map(String.init)
        fields.append(a.activation.rawValue)
        fields += buffers.map(String.init)
        fields += [
            a.mainMemory.key, String(tauI), String(tauT), tensorTrain ?? "dense",
            matrixCompression.map { String(format: "%.2f", $0) } ?? "1",
        ]
        return fields.joined(separator: ",")
    }
}
