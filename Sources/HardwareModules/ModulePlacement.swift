/// Where a module kind sits in the accelerator's area composition (paper Fig. 3, as
/// AccelTran composes it): how many instances the chip has, and which class of the area
/// breakdown they are summed into.
package struct ModulePlacement: Sendable, Equatable {
    /// How many instances of the kind one accelerator has.
    package enum Instances: Sendable, Equatable {
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
    package enum AreaClass: String, CaseIterable, Sendable {
        case macLanes = "mac_lanes"
        case sparsity, fifos, softmax
        case layerNorm = "layer_norm"
        case control
        case dynaProp = "dynaprop"
        case activationBuffer = "activation_buffer"
        case weightBuffer = "weight_buffer"
        case maskBuffer = "mask_buffer"
    }

    package let instances: Instances
    package let areaClass: AreaClass
    /// False for a module AccelTran's composition leaves out (it has no DynaProp module):
    /// the paper's figures are reproduced without it.
    package let inAccelTranComposition: Bool

    package init(_ instances: Instances, _ areaClass: AreaClass, inAccelTranComposition: Bool = true) {
        self.instances = instances
        self.areaClass = areaClass
        self.inAccelTranComposition = inAccelTranComposition
    }
}
