/// The DMA engine's transaction-level reference (templates/dma_engine.sv.mustache): which
/// bursts it issues for a command, which memory bytes end up in which buffer word (load) and
/// which memory bytes a store writes. A command is cut into regions: the whole command when
/// the stride equals the word size (the words are contiguous), one word each otherwise. A
/// region covers its bytes with beats of the data width aligned to the beat, and its beats are
/// issued as bursts of at most `maxBurst` beats that end at every 4 KiB boundary.
package struct DMAReference: Sendable {
    /// Bytes per AXI beat (DATA_W / 8).
    package let dataBytes: Int
    /// Bytes per buffer word (BUF_W / 8).
    package let wordBytes: Int
    /// Longest burst, in beats.
    package let maxBurst: Int
    /// Words per buffer (2^BUF_AW): buffer addresses wrap at this depth.
    package let bufferDepth: Int

    package init(dataBytes: Int, wordBytes: Int, maxBurst: Int, bufferDepth: Int) {
        self.dataBytes = dataBytes
        self.wordBytes = wordBytes
        self.maxBurst = maxBurst
        self.bufferDepth = bufferDepth
    }

    /// The regions of `c`: start address and length in bytes.
    package func regions(_ c: DMACommand) -> [(address: UInt32, bytes: Int)] {
        if c.stride == UInt32(wordBytes) { return [(c.memoryAddress, c.rows * wordBytes)] }
        return (0..<c.rows).map { (c.address(ofWord: $0), wordBytes) }
    }

    /// The bursts the engine issues for `c`, in order (AR for a load, AW for a store).
    package func bursts(_ c: DMACommand) -> [AXIBurst] {
        var list: [AXIBurst] = []
        let db = UInt64(dataBytes)
        for region in regions(c) {
            var address = UInt64(region.address) / db * db
            var beats = (UInt64(region.address) % db + UInt64(region.bytes) + db - 1) / db
            while beats > 0 {
                let toBoundary = (4096 - address % 4096) / db
                let n = min(beats, UInt64(maxBurst), toBoundary)
                list.append(AXIBurst(address: UInt32(truncatingIfNeeded: address), beats: Int(n)))
                address += n * db
                beats -= n
            }
        }
        return list
    }

    /// The buffer writes of a load: buffer address and word (its bytes, byte 0 first), read
    /// from `memory` (byte i at address i).
    package func load(_ c: DMACommand, memory: [UInt8]) -> [(address: Int, word: [UInt8])] {
        (0..<c.rows).map { i in
            let a = Int(c.address(ofWord: i))
            return ((c.bufferAddress + i) % bufferDepth, Array(memory[a..<(a + wordBytes)]))
        }
    }

    /// A store: the words of buffer `words` (indexed by buffer address) written into `memory`
    /// in command order, so a later word wins where words overlap.
    package func store(_ c: DMACommand, words: [[UInt8]], into memory: inout [UInt8]) {
        for i in 0..<c.rows {
            let a = Int(c.address(ofWord: i))
            memory.replaceSubrange(a..<(a + wordBytes), with: words[(c.bufferAddress + i) % bufferDepth])
        }
    }
}
