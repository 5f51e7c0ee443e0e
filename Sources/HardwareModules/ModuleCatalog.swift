import DesignSpace

/// The one list of the blocks an ELECTOR accelerator is built from. RTL generation, timing
/// measurement, calibration, the hardware tables and the simulator all enumerate it: adding
/// a module is one entry here, its template and its reference model.
package enum ModuleCatalog {
    /// Every entry. The order is that of the hardware table's keys and of the sums in the
    /// area composition (entries of one class are added in this order, then multiplied by
    /// their instance count, so figures are bit-reproducible).
    package static let entries: [ModuleEntry] = [
        ModuleEntry(
            .macLane, "M multipliers, an adder tree, an accumulator and the activation: one dot product at a time",
            template: "mac_lane",
            parameters: [
                ModuleParameter(
                    "m", .int, range: AcceleratorSpace.macsPerLane.map(String.init).joined(separator: ", "),
                    "multipliers per lane, summed by a log2(m)-level adder tree"),
                ModuleParameter(
                    "", .activation, range: AcceleratorSpace.activations.map(\.rawValue).joined(separator: ", "),
                    "the activation the lane applies to its result"),
            ],
            placement: ModulePlacement(.perMACLane, .macLanes),
            timingPoints: AcceleratorSpace.macsPerLane.flatMap { m in AcceleratorSpace.activations.map { .macLane(macs: m, activation: $0) }
            },
            instantiate: { .macLane(macs: $0.macsPerLane, activation: $0.activation) }),
        ModuleEntry(
            .preSparsity, "compacts one tile row to its non-zero values before the MAC lane", template: "pre_sparsity",
            parameters: [ModuleParameter("n", .int, range: "the spatial tiles 8, 16, 32 (any n >= 2 in RTL)", "values per tile row")],
            family: .preSparsity, placement: ModulePlacement(.perMACLane, .sparsity),
            timingPoints: AcceleratorSpace.spatialTiles.map { .preSparsity(width: $0) },
            instantiate: { .preSparsity(width: $0.spatialTile) }),
        ModuleEntry(
            .postSparsity, "expands one compacted row back to its positions after the MAC lane", template: "post_sparsity",
            parameters: [ModuleParameter("n", .int, range: "the spatial tiles 8, 16, 32 (any n >= 2 in RTL)", "values per tile row")],
            family: .postSparsity, placement: ModulePlacement(.perMACLane, .sparsity),
            timingPoints: AcceleratorSpace.spatialTiles.map { .postSparsity(width: $0) },
            instantiate: { .postSparsity(width: $0.spatialTile) }),
        ModuleEntry(
            .fifo, "the lane's tile FIFO: one entry written and one read per cycle", template: "fifo",
            parameters: [
                ModuleParameter("w", .int, range: "any width >= 1", "bits per entry"),
                ModuleParameter("d", .int, range: "any depth >= 2", "entries"),
            ],
            placement: ModulePlacement(.perMACLane, .fifos),
            timingPoints: [.fifo(width: 32, depth: 2)],
            // One FIFO figure serves every accelerator: a two-deep FIFO of 320 bits (16
            // words of 20 bits), as AccelTran publishes one figure for its FIFO.
            instantiate: { _ in .fifo(width: 320, depth: 2) }),
        ModuleEntry(
            .softmax, "b rows of x values each: max, exponentials, sum and scaling, one row per lane per cycle",
            template: "softmax",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "rows processed side by side"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "values per row"),
            ],
            family: .softmax, placement: ModulePlacement(.perSoftmaxUnit, .softmax),
            timingPoints: AcceleratorSpace.spatialTiles.map { .softmax(batchTile: 1, tile: $0) } + [.softmax(batchTile: 4, tile: 8)],
            instantiate: { .softmax(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .layerNorm, "b rows of x values each: mean, variance, inverse square root, scale and shift",
            template: "layer_norm",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "rows processed side by side"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "values per row"),
            ],
            family: .layerNorm, placement: ModulePlacement(.perPE, .layerNorm),
            timingPoints: AcceleratorSpace.spatialTiles.map { .layerNorm(batchTile: 1, tile: $0) } + [.layerNorm(batchTile: 4, tile: 8)],
            instantiate: { .layerNorm(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .dataflow, "the PE's dataflow control (not synthesised: AccelTran's figure, scaled by the memory models)",
            placement: ModulePlacement(.perPE, .control)),
        ModuleEntry(
            .dma, "the PE's DMA engine (not synthesised: AccelTran's figure, scaled by the memory models)",
            placement: ModulePlacement(.perPE, .control)),
        ModuleEntry(
            .dynaProp, "prunes a b x x x x tile against the threshold of the current sparsity, transposing it if asked",
            template: "dynaprop",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "tile rows of the batch dimension"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "tile side"),
            ],
            family: .dynaProp, placement: ModulePlacement(.perPE, .dynaProp, inAccelTranComposition: false),
            timingPoints: [.dynaProp(batchTile: 1, tile: 8), .dynaProp(batchTile: 4, tile: 8)],
            instantiate: { .dynaProp(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .activationBuffer, "on-chip activation buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.perMegabyte, .activationBuffer)),
        ModuleEntry(
            .weightBuffer, "on-chip weight buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.perMegabyte, .weightBuffer)),
        ModuleEntry(
            .maskBuffer, "on-chip mask buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.perMegabyte, .maskBuffer)),
        ModuleEntry(
            .dmaEngine,
            "AXI4 master DMA: strided words between main memory and the buffers, in INCR bursts within 4 KiB (RTL only: the cost model still uses `dma`)",
            template: "dma_engine",
            parameters: [
                ModuleParameter("d", .int, range: "32, 64, 128, 256, 512", "AXI data width in bits (DATA_W)"),
                ModuleParameter(
                    "w", .int, range: "any multiple of 8 below 524,288", "buffer word width in bits (BUF_W), wider or narrower than d"),
                ModuleParameter("a", .int, range: "1 to 30", "buffer word address width in bits (BUF_AW)"),
                ModuleParameter("l", .int, range: "1 to 256", "longest burst in beats (MAX_BURST)"),
            ],
            placement: nil,
            examples: [
                .dmaEngine(dataBits: 32, bufferBits: 128, bufferAddressBits: 6, maxBurst: 16),
                .dmaEngine(dataBits: 128, bufferBits: 40, bufferAddressBits: 6, maxBurst: 4),
                .dmaEngine(dataBits: 512, bufferBits: 64, bufferAddressBits: 6, maxBurst: 256),
                .dmaEngine(dataBits: 64, bufferBits: 64, bufferAddressBits: 8, maxBurst: 256),
            ]),
        ModuleEntry(
            .csr, "control and status registers behind AXI4-Lite, generated from CSRMap (RTL only: not in the cost model)",
            template: "csr",
            parameters: [
                ModuleParameter("w", .int, range: "the datapath word width (20 in the paper's format)", "bits of the DynaProp thresholds")
            ],
            placement: nil, examples: [.csr(wordBits: FixedPointFormat.paper.bits)]),
    ]

    /// The entry of `kind`.
    package static func entry(_ kind: ModuleKind) -> ModuleEntry { entries.first { $0.kind == kind }! }

    /// The entries a hardware table holds under `modules`, and under `buffers`.
    package static let moduleEntries = entries.filter { !$0.isBuffer && $0.isCosted }
    package static let bufferEntries = entries.filter(\.isBuffer)

    /// Every key of a complete table's `modules`, in catalogue order.
    package static let moduleKeys: [String] = moduleEntries.flatMap(\.tableKeys)
    /// Every key of a complete table's `buffers`.
    package static let bufferKeys: [String] = bufferEntries.map(\.kind.rawValue)

    /// The table key `v` fills, if some accelerator of the design space is costed with it.
    package static func tableKey(of v: ModuleVariant) -> String? {
        tableVariants.contains(v) ? v.moduleName : nil
    }
    private static let tableVariants = Set(entries.flatMap(\.tableVariants))

    /// Every variant the timing table covers, in catalogue order.
    package static var timingVariants: [ModuleVariant] { entries.flatMap(\.timingPoints) }

    /// Pipeline fill added once per operation on the MAC lanes: FIFO in, DynaProp,
    /// pre-sparsity, the lane, post-sparsity and FIFO out.
    package static func macPathLatency(_ choice: ModuleChoice) -> Int {
        let fifo = entry(.fifo).variant(for: choice)!.latency
        return [ModuleKind.dynaProp, .preSparsity, .macLane, .postSparsity].reduce(2 * fifo) {
            $0 + entry($1).variant(for: choice)!.latency
        }
    }

    /// The figures the area composition sums, class by class: the kinds of each class in
    /// catalogue order, with their instance count.
    package static let areaComposition:
        [(areaClass: ModulePlacement.AreaClass, instances: ModulePlacement.Instances, entries: [ModuleEntry])] =
            ModulePlacement.AreaClass.allCases.compactMap { c in
                let members = entries.filter { $0.placement?.areaClass == c }
                return members.first.map { (c, $0.placement!.instances, members) }
            }
}
