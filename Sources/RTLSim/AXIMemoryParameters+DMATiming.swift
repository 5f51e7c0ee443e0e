import Elector

extension AXIMemoryParameters {
    /// The simulator's program model's DMA timing for this memory behind an AXI bus of
    /// `dataBits` moving buffer words of `wordBits`: the read latency to the first word, then
    /// each word's beats (an aligned word) at the memory's rate, rounded to whole cycles. A
    /// word that starts off a beat boundary takes one beat more in the RTL; the model does
    /// not count it.
    package func dmaTiming(wordBits: Int, dataBits: Int) -> DMATiming {
        let dataBytes = dataBits / 8
        let beats = (wordBits / 8 + dataBytes - 1) / dataBytes
        let cycles = Double(beats * beatsDenominator) / Double(beatsNumerator)
        return DMATiming(startLatency: readLatency, cyclesPerWord: max(1, Int(cycles.rounded())))
    }
}
