import CostModel
import DesignSpace
import HardwareModules
import RTLGen

/// What a full calibration synthesises, and how each hardware-table entry is obtained from
/// the results: synthesised directly where the variant is, from its catalogue entry's
/// scaling family where it is too large for the time budget (b = 4 and the widest tiles of
/// softmax, layer-norm and DynaProp).
package struct CalibrationPlan: Sendable {
    /// Sizes synthesised at b = 1 per family, ascending. The largest is held out of the
    /// scaling fit to measure its error; the final model is fitted on all of them.
    package let sizes: [ScalingFamily: [Int]]
    /// Points synthesised at b > 1 to check the batch rule of `ScalingFamily`: (family, b, size).
    /// Softmax and layer-norm also fit their scaling model on them (b rows cost b times one
    /// row), so that their b = 4 entries rest on a synthesised b = 4 design.
    package let batchChecks: [(family: ScalingFamily, batchTile: Int, size: Int)]

    /// The default plan: 26 synthesis runs. The 32-wide sparsity modules are left to the
    /// scaling model: their compaction networks grow with the square of the width, and Yosys
    /// needs over 6 GB and many minutes for them. The PE's tile FIFO is synthesised at 80 and
    /// 320 bits and at index 0's tile (1,284 bits); the wider tiles (5,124 to 81,924 bits)
    /// follow its fit. Softmax and layer-norm are synthesised at b = 4 on the smallest tile
    /// the space gives them (x = 8): the PE instantiates the b-row variants when B > 1, so the
    /// clock must include them; the 16- and 32-wide b = 4 variants are several times larger
    /// and follow the fit.
    package static let standard = CalibrationPlan(
        sizes: [
            .softmax: [4, 8, 16], .layerNorm: [2, 4, 8], .dynaProp: [4, 8, 16], .preSparsity: [4, 8, 16], .postSparsity: [4, 8, 16],
            .fifo: [80, 320, 1284],
        ],
        batchChecks: [(.softmax, 2, 4), (.dynaProp, 2, 4), (.softmax, 4, 8), (.layerNorm, 4, 8)])

    package init(sizes: [ScalingFamily: [Int]], batchChecks: [(family: ScalingFamily, batchTile: Int, size: Int)]) {
        self.sizes = sizes
        self.batchChecks = batchChecks
    }

    /// The variants synthesised as the table uses them: every table variant of each
    /// synthesised catalogue entry without a scaling family (the MAC lanes).
    package var direct: [ModuleVariant] {
        ModuleCatalog.entries.filter { $0.isSynthesised && $0.family == nil }.flatMap(\.tableVariants)
    }

    /// Every variant to synthesise, small ones first.
    package var variants: [ModuleVariant] {
        var list = direct
        for family in ScalingFamily.allCases {
            list += (sizes[family] ?? []).map { family.variant(batchTile: 1, size: $0) }
        }
        list += batchChecks.map { $0.family.variant(batchTile: $0.batchTile, size: $0.size) }
        return list
    }

    /// The plan's variants of the given names, in the order given.
    package func variants(named names: [String]) throws -> [ModuleVariant] {
        let all = variants
        return try names.map { name in
            guard let v = all.first(where: { $0.moduleName == name }) else {
                throw CalibrationError.unknownModule(name: name, known: all.map(\.moduleName))
            }
            return v
        }
    }
}
