import DesignSpace

/// One iteration's batch as a run proposed it, appended to `proposals.jsonl` before the batch
/// is evaluated. A resumed run takes its batches from this file instead of fitting the
/// surrogate again for every past iteration: the proposals are a few hundred bytes, where
/// replaying them cost as much surrogate training as the run itself (issue 15).
struct ProposalBatch: Codable, Sendable, Equatable {
    var iteration: Int
    var proposals: [Proposal]

    enum CodingKeys: String, CodingKey {
        case spaceVersion = "space_version"
        case iteration, proposals
    }

    enum ItemKeys: String, CodingKey {
        case embedding
        case acceleratorIndex = "accelerator_index"
        case tauI = "tau_i"
        case tauT = "tau_t"
        case origin, predicted
        case predictedStd = "predicted_std"
        case decomposition
        case decompositionVersion = "decomposition_version"
    }

    init(iteration: Int, proposals: [Proposal]) {
        self.iteration = iteration
        self.proposals = proposals
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .spaceVersion)
        guard version == SpaceVersion.current else {
            throw DecodingError.dataCorruptedError(forKey: .spaceVersion, in: c, debugDescription: "design-space version \(version)")
        }
        iteration = try c.decode(Int.self, forKey: .iteration)
        var items = try c.nestedUnkeyedContainer(forKey: .proposals)
        proposals = []
        while !items.isAtEnd {
            let i = try items.nestedContainer(keyedBy: ItemKeys.self)
            let point = DesignPoint(
                model: try DesignPoint.model(
                    embedding: i.decode([Int].self, forKey: .embedding),
                    decomposition: i.decodeIfPresent([Int].self, forKey: .decomposition),
                    version: i.decodeIfPresent(Int.self, forKey: .decompositionVersion)),
                accelerator: try AcceleratorSpace.config(at: i.decode(Int.self, forKey: .acceleratorIndex)),
                tauI: try i.decode(Double.self, forKey: .tauI), tauT: try i.decode(Double.self, forKey: .tauT))
            proposals.append(
                Proposal(
                    point: point, origin: try i.decode(String.self, forKey: .origin),
                    predicted: try i.decodeIfPresent(Double.self, forKey: .predicted),
                    predictedStd: try i.decodeIfPresent(Double.self, forKey: .predictedStd)))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(SpaceVersion.current, forKey: .spaceVersion)
        try c.encode(iteration, forKey: .iteration)
        var items = c.nestedUnkeyedContainer(forKey: .proposals)
        for p in proposals {
            var i = items.nestedContainer(keyedBy: ItemKeys.self)
            try i.encode(TransformerSpace.embedding(of: p.point.model), forKey: .embedding)
            if let tt = try p.point.decompositionRecord {
                try i.encode(tt, forKey: .decomposition)
                try i.encode(DecompositionSpace.version, forKey: .decompositionVersion)
            }
            try i.encode(AcceleratorSpace.index(of: p.point.accelerator), forKey: .acceleratorIndex)
            try i.encode(p.point.tauI, forKey: .tauI)
            try i.encode(p.point.tauT, forKey: .tauT)
            try i.encode(p.origin, forKey: .origin)
            try i.encodeIfPresent(p.predicted, forKey: .predicted)
            try i.encodeIfPresent(p.predictedStd, forKey: .predictedStd)
        }
    }
}
