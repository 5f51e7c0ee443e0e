import DesignSpace

/// Where a module kind sits in the accelerator's area composition: how many instances the
/// generated RTL has (the default composition), how many AccelTran's composition counts
/// (paper Fig. 3, for reproducing the paper's figures), and which class of the area
/// breakdown they are summed into.
package struct ModulePlacement: Sendable, Equatable {
    /// How many instances of the kind one accelerator has.
    package enum Instances: Sendable, Equatable {
        /// One per MAC lane (PEs x lanes per PE).
        case perMACLane
        /// Two per MAC lane and one per row of a batch tile: each lane packs the activation row
        /// and its weight column over both masks, and the PE packs row 0 of a softmax group over
        /// its activation mask and rows 1 to b - 1 in their own modules (PEs x (2 lanes + b)).
        case twoPerMACLanePlusBatchRow
        /// One per row of a batch tile in each PE (PEs x b): what a softmax group of b rows
        /// passes through side by side.
        case perBatchRow
        /// One per softmax unit (PEs x softmax units per PE).
        case perSoftmaxUnit
        /// One per processing element.
        case perPE
        /// One per register bit of a PE's own logic and its slot's (PEs x
        /// `ModuleCatalog.peGlueBits`): glue costed per bit of the state it sequences.
        case perPEGlueBit
        /// One per register bit of the top's own logic and the system blocks
        /// (`ModuleCatalog.controllerBits`).
        case perControllerBit
        /// One per bit of write-back data each PE brings to the top's buffer arbitration (PEs
        /// x `ModuleCatalog.arbiterBits`).
        case perArbiterBit
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

    package let areaClass: AreaClass
    /// Instances in the generated RTL; nil for a block the RTL does not have (it is charged
    /// nothing in the default composition).
    package let rtl: Instances?
    /// Instances in AccelTran's composition; nil for a block AccelTran's composition leaves
    /// out (it has no DynaProp module and no synthesised glue).
    package let acceltran: Instances?

    package init(_ areaClass: AreaClass, rtl: Instances?, acceltran: Instances?) {
        self.areaClass = areaClass
        self.rtl = rtl
        self.acceltran = acceltran
    }

    /// The instances of one composition.
    package func instances(acceltran a: Bool) -> Instances? { a ? acceltran : rtl }

    /// Whether the kind is a buffer, costed per megabyte.
    package var isBuffer: Bool { rtl == .perMegabyte || acceltran == .perMegabyte }
}
