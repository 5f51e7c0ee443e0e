/// The cycles of one DMA transfer as the generated top sees them: the command handshake, the
/// memory's start latency, one buffer word per cycle, the completion and the top's done
/// register. The start latency comes from the same main-memory figures the RTL's memory model
/// uses (`AXIMemoryParameters.derive` in RTLSim); the overheads are the DMA contract's.
package struct DMATiming: Sendable, Equatable {
    /// Cycles between the command's acceptance and its first buffer word.
    package let startLatency: Int
    /// Cycles per buffer word once streaming.
    package let cyclesPerWord: Int

    package init(startLatency: Int, cyclesPerWord: Int = 1) {
        self.startLatency = startLatency
        self.cyclesPerWord = cyclesPerWord
    }

    /// Cycles from the issue to the first buffer word: the command is registered by the top,
    /// accepted by the DMA, then the start latency.
    package static let commandCycles = 2
    /// Cycles after the last word of a load: the DMA's done pulse, then the top clears its
    /// busy flag.
    package static let loadCompletionCycles = 1
    /// A store's last word is read one cycle later (the buffer's read latency) and written
    /// to memory the next: two cycles more than a load.
    package static let storeCompletionCycles = 3

    /// Cycles from the issue edge to the first cycle the DMA's buffer port carries word 0.
    package var firstWordOffset: Int { Self.commandCycles + startLatency }

    /// Cycles the DMA is busy for a transfer of `words` buffer words.
    package func cycles(words: Int, store: Bool) -> Int {
        firstWordOffset + words * cyclesPerWord + (store ? Self.storeCompletionCycles : Self.loadCompletionCycles)
    }
}
