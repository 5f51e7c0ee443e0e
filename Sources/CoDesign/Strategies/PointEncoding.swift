import DesignSpace

/// Maps design points to the surrogate's normalised input in [0, 1]^D and back.
///
/// The transformer part is the published 37-number FlexiBERT 2.0 embedding divided by each
/// entry's range; the accelerator part is each of the 13 embedding entries' position in its
/// list of allowed values; the taus are positions in their grids. Decoding snaps to the
/// nearest valid point of both spaces (`TransformerSpace.nearest`, `AcceleratorConfig.nearest`).
package enum PointEncoding {
    static let transformerBounds = TransformerSpace.embeddingUpperBounds.map(Double.init)
    static let acceleratorLists = AcceleratorConfig.embeddingAllowedValues

    package static var dimension: Int { transformerBounds.count + acceleratorLists.count + 2 }

    package static func encode(_ p: DesignPoint) -> [Double] {
        let t = zip(TransformerSpace.embedding(of: p.model), transformerBounds).map { Double($0) / $1 }
        let a = zip(p.accelerator.embedding, acceleratorLists).map { value, list in
            Double(list.firstIndex(of: value)!) / Double(list.count - 1)
        }
        let taus = [
            Double(DesignPoint.tauIChoices.firstIndex(of: p.tauI)!) / Double(DesignPoint.tauIChoices.count - 1),
            Double(DesignPoint.tauTChoices.firstIndex(of: p.tauT)!) / Double(DesignPoint.tauTChoices.count - 1),
        ]
        return t + a + taus
    }

    /// The valid point nearest to a continuous vector.
    package static func decode(_ v: [Double]) -> DesignPoint {
        let clamped = v.map { min(max($0.isFinite ? $0 : 0, 0), 1) }
        let nt = transformerBounds.count
        let t = zip(clamped[0..<nt], transformerBounds).map { $0 * $1 }
        let a = zip(clamped[nt..<(nt + acceleratorLists.count)], acceleratorLists).map { x, list in
            Double(list[Int((x * Double(list.count - 1)).rounded())])
        }
        func grid(_ x: Double, _ list: [Double]) -> Double { list[Int((x * Double(list.count - 1)).rounded())] }
        let tail = clamped.suffix(2)
        return DesignPoint(
            model: try! TransformerSpace.nearest(to: t), accelerator: try! AcceleratorConfig.nearest(to: a),
            tauI: grid(tail.first!, DesignPoint.tauIChoices), tauT: grid(tail.last!, DesignPoint.tauTChoices))
    }
}
