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
            placement: ModulePlacement(.macLanes, rtl: .perMACLane, acceltran: .perMACLane),
            timingPoints: AcceleratorSpace.macsPerLane.flatMap { m in AcceleratorSpace.activations.map { .macLane(macs: m, activation: $0) }
            },
            instantiate: { .macLane(macs: $0.macsPerLane, activation: $0.activation) }),
        ModuleEntry(
            .preSparsity, "compacts one tile row to its non-zero values before the MAC lane", template: "pre_sparsity",
            parameters: [ModuleParameter("n", .int, range: "the spatial tiles 8, 16, 32 (any n >= 2 in RTL)", "values per tile row")],
            // The PE compacts its activation row once and each lane's weight column with the
            // same masks: two per lane (the row and the lane's column over both masks), one for
            // the softmax row and one for each of rows 1 to b - 1 of a softmax group: 2 lanes + b
            // modules; AccelTran counts one per lane.
            family: .preSparsity, placement: ModulePlacement(.sparsity, rtl: .twoPerMACLanePlusBatchRow, acceltran: .perMACLane),
            timingPoints: AcceleratorSpace.spatialTiles.map { .preSparsity(width: $0) },
            instantiate: { .preSparsity(width: $0.spatialTile) }),
        ModuleEntry(
            .postSparsity, "expands one compacted row back to its positions after the MAC lane", template: "post_sparsity",
            parameters: [ModuleParameter("n", .int, range: "the spatial tiles 8, 16, 32 (any n >= 2 in RTL)", "values per tile row")],
            // One per row of a softmax group (b per PE), after the softmax modules; AccelTran
            // counts one per lane.
            family: .postSparsity, placement: ModulePlacement(.sparsity, rtl: .perBatchRow, acceltran: .perMACLane),
            timingPoints: AcceleratorSpace.spatialTiles.map { .postSparsity(width: $0) },
            instantiate: { .postSparsity(width: $0.spatialTile) }),
        ModuleEntry(
            .fifo, "the PE's tile FIFO (AccelTran: one per lane): one entry written and one read per cycle", template: "fifo",
            parameters: [
                ModuleParameter("w", .int, range: "any width >= 1", "bits per entry"),
                ModuleParameter("d", .int, range: "any depth >= 2", "entries"),
            ],
            family: .fifo, placement: ModulePlacement(.fifos, rtl: .perPE, acceltran: .perMACLane),
            timingPoints: [.fifo(width: 32, depth: 2)],
            // AccelTran's composition: one FIFO figure for every accelerator, a two-deep FIFO
            // of 320 bits (16 words of 20 bits), as AccelTran publishes one figure for its FIFO.
            instantiate: { _ in .fifo(width: 320, depth: 2) },
            // The RTL: one two-deep FIFO per PE whose entry is a whole tile and its op code.
            rtl: { c, f in .fifo(width: tileFIFOWidth(batchTile: c.batchTile, tile: c.spatialTile, format: f), depth: 2) }),
        ModuleEntry(
            .softmax, "b rows of x values each: max, exponentials, sum and scaling, one row per lane per cycle",
            template: "softmax",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "rows processed side by side"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "values per row"),
            ],
            family: .softmax, placement: ModulePlacement(.softmax, rtl: .perSoftmaxUnit, acceltran: .perSoftmaxUnit),
            timingPoints: AcceleratorSpace.spatialTiles.map { .softmax(batchTile: 1, tile: $0) } + [.softmax(batchTile: 4, tile: 8)],
            // The PE issues softmax rows b at a time to b-row modules (`PETiming`).
            instantiate: { .softmax(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .layerNorm, "b rows of x values each: mean, variance, inverse square root, scale and shift",
            template: "layer_norm",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "rows processed side by side"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "values per row"),
            ],
            family: .layerNorm, placement: ModulePlacement(.layerNorm, rtl: .perPE, acceltran: .perPE),
            timingPoints: AcceleratorSpace.spatialTiles.map { .layerNorm(batchTile: 1, tile: $0) } + [.layerNorm(batchTile: 4, tile: 8)],
            // b rows at a time, as the softmax modules.
            instantiate: { .layerNorm(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .dataflow,
            "AccelTran's per-PE dataflow control (not synthesised: AccelTran's figure, scaled by the memory models; AccelTran's composition and the control energy only: the RTL has no such block)",
            placement: ModulePlacement(.control, rtl: nil, acceltran: .perPE)),
        ModuleEntry(
            .dma,
            "AccelTran's per-PE DMA (not synthesised: AccelTran's figure, scaled by the memory models; AccelTran's composition and the control energy only: the RTL has one DMA engine, in `controller`)",
            placement: ModulePlacement(.control, rtl: nil, acceltran: .perPE)),
        ModuleEntry(
            .dynaProp, "prunes a b x x x x tile against the threshold of the current sparsity, transposing it if asked",
            template: "dynaprop",
            parameters: [
                ModuleParameter("b", .int, range: "the batch tiles 1, 4", "tile rows of the batch dimension"),
                ModuleParameter("x", .int, range: "the spatial tiles 8, 16, 32", "tile side"),
            ],
            family: .dynaProp, placement: ModulePlacement(.dynaProp, rtl: .perPE, acceltran: nil),
            timingPoints: [.dynaProp(batchTile: 1, tile: 8), .dynaProp(batchTile: 4, tile: 8)],
            instantiate: { .dynaProp(batchTile: $0.batchTile, tile: $0.spatialTile) }),
        ModuleEntry(
            .activationBuffer, "on-chip activation buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.activationBuffer, rtl: .perMegabyte, acceltran: .perMegabyte)),
        ModuleEntry(
            .weightBuffer, "on-chip weight buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.weightBuffer, rtl: .perMegabyte, acceltran: .perMegabyte)),
        ModuleEntry(
            .maskBuffer, "on-chip mask buffer (not synthesised: FinCACTI figures per megabyte)",
            placement: ModulePlacement(.maskBuffer, rtl: .perMegabyte, acceltran: .perMegabyte)),
        ModuleEntry(
            .dmaEngine,
            "AXI4 master DMA: strided words between main memory and the buffers, in INCR bursts within 4 KiB (costed inside `controller`, from the synthesised system)",
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
            .csr,
            "control and status registers behind AXI4-Lite, generated from CSRMap (costed inside `controller`, from the synthesised system)",
            template: "csr",
            parameters: [
                ModuleParameter("w", .int, range: "the datapath word width (20 in the paper's format)", "bits of the DynaProp thresholds")
            ],
            placement: nil, examples: [.csr(wordBits: FixedPointFormat.paper.bits)]),
        ModuleEntry(
            .zeroFreePacker,
            "the activation buffer's write side: a dense tile becomes its non-zero values packed to the front (row-major) and its zero mask, in log2(n)-level prefix-count and shift networks (costed inside `controller`, from the synthesised system)",
            template: "zero_free_packer",
            parameters: [ModuleParameter("n", .int, range: "b x x x x (64 to 4,096; any n >= 2 in RTL)", "values per tile")],
            placement: nil, examples: zeroFreeExamples.map { .zeroFreePacker(values: $0) }),
        ModuleEntry(
            .zeroFreeUnpacker,
            "the activation buffer's read side: packed values and their zero mask become the dense tile again, through the packer's networks run in reverse (costed inside `controller`, from the synthesised system)",
            template: "zero_free_unpacker",
            parameters: [ModuleParameter("n", .int, range: "b x x x x (64 to 4,096; any n >= 2 in RTL)", "values per tile")],
            placement: nil, examples: zeroFreeExamples.map { .zeroFreeUnpacker(values: $0) }),
        ModuleEntry(
            .peGlue,
            "the PE's own logic and its slot's (tile and mask registers, row sequencer, stationary weight columns, partial sums, output tile; no template of its own: synthesised as the PE and slot around black-box leaf modules), per register bit",
            placement: ModulePlacement(.control, rtl: .perPEGlueBit, acceltran: nil)),
        ModuleEntry(
            .controller,
            "the top's own logic (scheduler, instruction queue, vector unit) with the DMA engine and the CSR block (synthesised as the system around black-box PEs and SRAMs), per register bit",
            placement: ModulePlacement(.control, rtl: .perControllerBit, acceltran: nil)),
        ModuleEntry(
            .arbiter,
            "the top's buffer-port arbitration, per bit of write-back data each PE brings to it (separated from `controller` by synthesising the system with two PE counts)",
            placement: ModulePlacement(.control, rtl: .perArbiterBit, acceltran: nil)),
    ]

    /// Tile sizes the tests render, lint and simulate the zero-free packer and unpacker at: odd
    /// and even numbers of network levels, and a tile of the design space.
    package static let zeroFreeExamples = [8, 32, 64]

    /// The activation buffer's packer and unpacker in a design of `choice`: one tile per word.
    package static func zeroFreeVariants(_ choice: ModuleChoice) -> (packer: ModuleVariant, unpacker: ModuleVariant) {
        let n = choice.batchTile * choice.spatialTile * choice.spatialTile
        return (.zeroFreePacker(values: n), .zeroFreeUnpacker(values: n))
    }

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

    /// The figures the area composition sums, class by class: within a class, the kinds of
    /// one instance count in catalogue order. `acceltran` selects AccelTran's composition (one
    /// count per class, as the paper composes it); the default follows the generated RTL.
    package static func areaComposition(acceltran: Bool) -> [(
        areaClass: ModulePlacement.AreaClass, instances: ModulePlacement.Instances, entries: [ModuleEntry]
    )] {
        acceltran ? acceltranComposition : rtlComposition
    }
    private static let rtlComposition = composition(acceltran: false)
    private static let acceltranComposition = composition(acceltran: true)
    private static func composition(acceltran: Bool) -> [(
        areaClass: ModulePlacement.AreaClass, instances: ModulePlacement.Instances, entries: [ModuleEntry]
    )] {
        ModulePlacement.AreaClass.allCases.flatMap { c in
            var groups: [(areaClass: ModulePlacement.AreaClass, instances: ModulePlacement.Instances, entries: [ModuleEntry])] = []
            for e in entries where e.placement?.areaClass == c {
                guard let n = e.placement?.instances(acceltran: acceltran) else { continue }
                if let i = groups.firstIndex(where: { $0.instances == n }) {
                    groups[i].entries.append(e)
                } else {
                    groups.append((c, n, [e]))
                }
            }
            return groups
        }
    }

    /// How many instances of `i` an accelerator of `c` has, with words of `f` (the table's
    /// format); buffers are counted per megabyte by their owner.
    package static func count(_ i: ModulePlacement.Instances, _ c: AcceleratorConfig, format f: FixedPointFormat) -> Double {
        let pe = Double(c.processingElements)
        switch i {
        case .perMACLane: return pe * Double(c.macLanesPerPE)
        case .twoPerMACLanePlusBatchRow: return pe * Double(2 * c.macLanesPerPE + c.batchTile)
        case .perBatchRow: return pe * Double(c.batchTile)
        case .perSoftmaxUnit: return pe * Double(c.softmaxPerPE)
        case .perPE: return pe
        case .perPEGlueBit: return pe * Double(peGlueBits(c, format: f))
        case .perControllerBit: return Double(controllerBits(c, format: f))
        case .perArbiterBit: return pe * Double(arbiterBits(c, format: f))
        case .perMegabyte: preconditionFailure("buffers are counted per megabyte")
        }
    }

    /// The PE's tile FIFO entry: op code, activation flag, transpose flag and the tile.
    package static func tileFIFOWidth(batchTile b: Int, tile x: Int, format f: FixedPointFormat) -> Int { 4 + b * x * x * f.bits }

    /// Depth of the top's instruction queue, in 128-bit instructions.
    package static let instructionQueueDepth = 256

    /// Register bits of one PE's own logic and its slot's, as the templates declare them:
    /// the tile register and its mask, the stationary weight column of every lane, the
    /// slot's partial sums (accumulator width) and its output tile.
    package static func peGlueBits(_ c: AcceleratorConfig, format f: FixedPointFormat) -> Int {
        let tile = c.batchTile * c.spatialTile * c.spatialTile
        return tile * f.bits + tile + c.macLanesPerPE * c.spatialTile * f.bits + tile * ModuleVariant.accumulatorBits(f) + tile * f.bits
    }

    /// Register bits of the top's own logic: the instruction queue, the vector unit's two
    /// operand tiles and its result tile, and the layer-norm parameters.
    package static func controllerBits(_ c: AcceleratorConfig, format f: FixedPointFormat) -> Int {
        let tileBits = c.batchTile * c.spatialTile * c.spatialTile * f.bits
        return instructionQueueDepth * 128 + 3 * tileBits + 2 * c.spatialTile * f.bits
    }

    /// Bits one PE brings to the top's buffer arbitration: its write-back tile.
    package static func arbiterBits(_ c: AcceleratorConfig, format f: FixedPointFormat) -> Int {
        c.batchTile * c.spatialTile * c.spatialTile * f.bits
    }
}
