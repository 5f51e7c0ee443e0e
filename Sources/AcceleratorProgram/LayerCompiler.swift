import DesignSpace
import HardwareModules

/// Compiles a layer into a controller program and its main-memory image (seeded random
/// inputs and weights). Matrices live in main memory in X x X blocks, weights transposed;
/// the program loads tiles, runs them on the PEs round robin and stores the results. With a
/// batch tile B > 1 the layer runs on a batch of B sequences: a tile holds the same block of
/// each, weights are shared, and the products whose right-hand side differs per sequence
/// (attention scores and values, the weight gradient's sum over the batch) take one matmul
/// per sequence (`Emitter.batchedProduct`, `Emitter.batchedReduction`).
package struct LayerCompiler: Sendable {
    package let geometry: ProgramGeometry
    package let shape: LayerShape
    package let seed: UInt64
    /// DynaProp thresholds (magnitudes in the datapath's fixed point): the forward pass
    /// (activations) and the backward pass (gradients); 0 turns pruning off.
    package let tauInference: Int64
    package let tauTraining: Int64
    /// Fraction of the layer's weights that DynaProp prunes by magnitude, through `prune`'s
    /// weight threshold (set around the linear layers; the attention products, whose lane
    /// columns are activations, run with it off). 0 skips only zero weights.
    package let weightSparsity: Double

    package init(
        geometry: ProgramGeometry, shape: LayerShape, seed: UInt64 = 1, tauInference: Int64 = 0, tauTraining: Int64 = 0,
        weightSparsity: Double = 0
    ) {
        self.geometry = geometry
        self.shape = shape
        self.seed = seed
        self.tauInference = tauInference
        self.tauTraining = tauTraining
        self.weightSparsity = weightSparsity
    }

    package func compile(_ kind: ProgramKind) throws -> LayerProgram {
        var e = Emitter(geometry: geometry, seed: seed)
        e.weightSparsity = weightSparsity
        let s = shape
        let x = geometry.tile
        let batch = geometry.batchTile
        e.setPruning(tau: tauInference)
        var outputs: [LayerProgram.Region] = []
        switch kind {
        case .matmul:
            let a = e.input("A", rows: s.sequence, columns: s.feedForward, scale: 1)
            let w = e.weight("W", rows: s.feedForward, columns: s.hidden)
            let aw = e.loadTiles(a)
            e.barrier()
            let y = e.linear(aw, w, activate: true)
            outputs.append(e.storeTiles(y, name: "Y"))
        case .layer:
            let h = e.input("H", rows: s.sequence, columns: s.hidden, scale: 1)
            let wq = e.weight("Wq", rows: s.hidden, columns: s.hidden)
            let wk = e.weight("Wk", rows: s.hidden, columns: s.hidden)
            let wv = e.weight("Wv", rows: s.hidden, columns: s.hidden)
            let wo = e.weight("Wo", rows: s.hidden, columns: s.hidden)
            let w1 = e.weight("W1", rows: s.hidden, columns: s.feedForward)
            let w2 = e.weight("W2", rows: s.feedForward, columns: s.hidden)
            let norm1 = e.layerNormParameters("LN1")
            let norm2 = e.layerNormParameters("LN2")
            let hw = e.loadTiles(h)
            let n1 = e.loadTiles(norm1)[0][0]
            let n2 = e.loadTiles(norm2)[0][0]
            e.barrier()
            let q = e.linear(hw, wq)
            let k = e.linear(hw, wk)
            let v = e.linear(hw, wv)
            e.barrier()
            // Scores = (Q / sqrt(d)) K^T: K's rows become the lanes' columns through memory.
            let qs = e.elementwise(.scale, q[0][0], scalar: geometry.format.quantize(1 / Double(x).squareRoot()))
            let kRows = e.spill(k[0][0], name: "K")
            let vt = e.transpose(v[0][0])
            e.barrier()
            let vRows = e.spill(vt, name: "V^T")
            let qRows = batch > 1 ? e.spill(qs, name: "Q") : 0
            e.barrier()
            let scores =
                batch > 1
                ? e.batchedProduct(sources: qRows, columns: kRows) : e.matmulTile(qs, weights: e.loadWeightRows(kRows), finish: true)
            e.barrier()
            let p = e.rowOp(.softmax, scores)
            e.barrier()
            let attention: Int
            if batch > 1 {
                let pRows = e.spill(p, name: "P")
                e.barrier()
                attention = e.batchedProduct(sources: pRows, columns: vRows)
            } else {
                attention = e.matmulTile(p, weights: e.loadWeightRows(vRows), finish: true)
            }
            e.barrier()
            let o = e.linear([[attention]], wo)
            e.barrier()
            let r1 = e.elementwise(.add, o[0][0], b: hw[0][0])
            e.barrier()
            let l1 = e.rowOp(.layerNorm(parameters: n1), r1)
            e.barrier()
            let f1 = e.linear([[l1]], w1, activate: true)
            e.barrier()
            let f2 = e.linear(f1, w2)
            e.barrier()
            let r2 = e.elementwise(.add, f2[0][0], b: l1)
            e.barrier()
            let l2 = e.rowOp(.layerNorm(parameters: n2), r2)
            e.barrier()
            outputs.append(e.storeTiles([[p]], name: "softmax(Q K^T / sqrt(d))"))
            outputs.append(e.storeTiles([[l1]], name: "attention output (after layer-norm)"))
            outputs.append(e.storeTiles([[l2]], name: "layer output"))
        case .training:
            // Forward: O = A Wo. Backward: dWo^T = dO^T A (A's columns as the lanes' columns),
            // summed over the batch, then Wo^T <- Wo^T - lr dWo^T, stored over the weights.
            // Wo is read and written as an activation word (B blocks): padding follows it.
            let a = e.input("A", rows: s.sequence, columns: s.hidden, scale: 1)
            let wo = e.weight("Wo", rows: s.hidden, columns: s.hidden)
            e.pad(e.wordBytes - e.blockBytes)
            // Dense: with B > 1 its blocks are loaded one at a time.
            let gradient = e.input("dO^T", rows: s.hidden, columns: s.sequence, scale: 0.25, zeroFree: false)
            if batch > 1 { e.pad(e.wordBytes) }
            let aw = e.loadTiles(a)
            let dw = batch > 1 ? [] : e.loadTiles(gradient)
            let woTile = e.loadTile(wo.block(0, 0))
            e.barrier()
            let o = e.linear(aw, wo)
            let at = e.transpose(aw[0][0])
            e.barrier()
            let aColumns = e.spill(at, name: "A^T")
            e.barrier()
            if tauTraining != 0 { e.setPruning(tau: tauTraining) }
            let grad =
                batch > 1
                ? e.batchedReduction(sources: gradient.block(0, 0), columns: aColumns)
                : e.matmulTile(dw[0][0], weights: e.loadWeightRows(aColumns), finish: true)
            e.barrier()
            let updated = e.elementwise(.axpy, woTile, b: grad, scalar: -geometry.format.quantize(0.125))
            e.barrier()
            outputs.append(e.storeTiles(o, name: "O"))
            outputs.append(e.storeBlock(grad, name: "dWo^T"))
            // Stored dense over the weight block: weights stay dense in main memory.
            let denseUpdate = e.dense(updated)
            e.code.append(.store(.init(buffer: .activation, bufferAddress: denseUpdate, rows: 1, memoryAddress: wo.block(0, 0), stride: 0)))
            outputs.append(LayerProgram.Region(name: "Wo^T (updated)", placement: wo))
        }
        e.code.append(.end)
        let program = Program(target: .init(geometry), instructions: e.code)
        do {
            try program.validate(on: geometry)
        } catch {
            throw ProgramError.compiled(error: "\(error)", listing: program.listing)
        }
        var image = e.image
        image.write(try program.image(), at: e.programAddress)
        return LayerProgram(
            description:
                "\(kind.rawValue): \(batch > 1 ? "batch \(batch), " : "")sequence \(s.sequence), hidden \(s.hidden), feed-forward \(s.feedForward)",
            program: program,
            memory: image.finish(), programAddress: e.programAddress, outputs: outputs, inputs: e.inputs)
    }
}
