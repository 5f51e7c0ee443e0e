/// Where a module kind sits in the accelerator's area composition (paper Fig. 3, as
/// AccelTran composes it): how many instances the chip has, and which class of the area
/// breakdown they are summed into.
public struct ModulePlacement: Sendable, Equatable {
    /// How many instances of the kind one accelerator has.
    public enum Instances: Sendable, Equatable {
        /// One per MAC lane (PEs x lanes per PE).
        case perMACLane
        /// One per softmax unit (PEs x softmax units per PE).
        case perSoftmaxUnit
        /// One per processing element.
        case perPE
        /// A buffer, costed per megabyte of its size.
        case perMegabyte
    }

    /// The classes of the area breakdown, named as its JSON keys.
    public enum AreaClass: String, CaseIterable, Sendable {
        case macLanes = "mac_lanes", sparsity, fifos, softmax, layerNorm = "layer_norm", control, dynaProp = "dynaprop"
        case activationBuffer = "activation_buffer", weightBuffer = "weight_buffer", maskBuffer = "mask_buffer"
    }

    public let instances: Instances
    public let areaClass: AreaClass
    /// False for a module AccelTran's composition leaves out (it has no DynaProp module):
    /// the paper's figures are reproduced without it.
    public let inAccelTranComposition: Bool

    public init(_ instances: Instances, _ areaClass: AreaClass, inAccelTranComposition: Bool = true) {
        self.instances = instances
        self.areaClass = areaClass
        self.inAccelTranComposition = inAccelTranComposition
    }
}
