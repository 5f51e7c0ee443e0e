import Foundation

/// The BOSHCODE surrogate a run keeps between iterations, so that each fit starts from the
/// previous iteration's weights (warm start). A run writes it to `surrogate.plist` after each
/// fit; a resumed run reloads it when it belongs to the iteration before the first one it
/// has to propose, and otherwise starts that fit from fresh weights.
final class SurrogateMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (iteration: Int, surrogate: BOSHCODESurrogate)?

    /// Wall time of the last fit and of its queries, for `transcode benchmark boshcode`.
    private var timing: (fit: Double, queries: Double) = (0, 0)

    init() {}

    var lastTiming: (fit: Double, queries: Double) {
        get { lock.withLock { timing } }
        set { lock.withLock { timing = newValue } }
    }

    /// The surrogate fitted at `iteration`, if this memory holds it.
    func surrogate(after iteration: Int) -> BOSHCODESurrogate? {
        lock.withLock { stored?.iteration == iteration ? stored?.surrogate : nil }
    }

    func keep(_ surrogate: BOSHCODESurrogate, iteration: Int) {
        lock.withLock { stored = (iteration, surrogate) }
    }

    var iteration: Int? { lock.withLock { stored?.iteration } }

    private struct File: Codable {
        var iteration: Int
        var surrogate: BOSHCODESurrogate
    }

    /// Binary property list: a few hundred kilobytes of weights that JSON would triple.
    func write(to path: String) throws {
        guard let stored = lock.withLock({ stored }) else { return }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        try encoder.encode(File(iteration: stored.iteration, surrogate: stored.surrogate)).write(
            to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Loads the file when it exists and decodes; a missing or unreadable file only means the
    /// next fit starts cold.
    func load(from path: String) {
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? PropertyListDecoder().decode(File.self, from: data)
        else { return }
        keep(file.surrogate, iteration: file.iteration)
    }
}
