import Dispatch
import Foundation
import Testing

@testable import CoDesign

/// Issue 17: a run directory belongs to one run at a time, is claimed atomically, and a bad
/// output path is refused before any work.
@Suite struct RunDirectorySafetyTests {
    static func settings(seed: UInt64) -> SearchSettings {
        SearchSettings(
            strategy: .random, budget: 12, seed: seed, batchSize: 4, initialSamples: 4, workload: .inference, table: "acceltran-14nm")
    }

    @Test func twoConcurrentRunsOnOneDirectoryLetExactlyOneWin() throws {
        let dir = temporaryDirectory()
        let evaluator = try evaluator()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        nonisolated(unsafe) var results: [UInt64: Result<SearchRunReport, any Error>] = [:]
        let resultsLock = NSLock()
        for seed: UInt64 in [1, 2] {
            DispatchQueue.global().async(group: done) {
                start.wait()
                let result = Result { try SearchSession.run(Self.settings(seed: seed), evaluator: evaluator, in: dir, resume: false) }
                resultsLock.lock()
                results[seed] = result
                resultsLock.unlock()
            }
        }
        start.signal()
        start.signal()
        done.wait()

        let winners = results.compactMap { seed, r in (try? r.get()).map { (seed, $0) } }
        #expect(winners.count == 1)
        let (winnerSeed, winner) = try #require(winners.first)
        let loser = try #require(results.first { $0.key != winnerSeed }?.value)
        #expect(throws: CoDesignError.self) { try loser.get() }
        // Which refusal the loser gets depends on timing: the lock while the winner runs, or
        // the claimed run.json once the winner has finished and let the lock go. Either way
        // it must be refused, and by one of those two, never by a half-written directory.
        switch loser {
        case .failure(CoDesignError.runLocked(let path, let holder)):
            #expect(path == dir)
            #expect(holder.hasPrefix("pid \(getpid()) since "))
        case .failure(CoDesignError.runExists(let path)):
            #expect(path == dir)
        default:
            Issue.record("the second run was not refused by the lock or the claimed run: \(loser)")
        }
        // The log holds the winner's evaluations and nothing else; run.json its seed.
        let (header, logged) = try RunDirectory.load(dir)
        #expect(header.settings.seed == winnerSeed)
        #expect(logged.sorted { $0.sequence < $1.sequence } == winner.outcome.evaluations)
    }

    @Test func aHeldLockRefusesNewAndResumedRunsNamingTheHolder() throws {
        let dir = temporaryDirectory()
        let settings = Self.settings(seed: 3)
        _ = try SearchSession.run(settings, evaluator: try evaluator(), in: dir, resume: false)
        var holder: RunDirectory? = try RunDirectory.reopen(dir).0
        #expect(holder != nil)
        for resume in [false, true] {
            do {
                _ = try SearchSession.run(settings, evaluator: try evaluator(), in: dir, resume: resume)
                Issue.record("a locked directory was used")
            } catch CoDesignError.runLocked(let path, let who) {
                #expect(path == dir)
                #expect(who.hasPrefix("pid \(getpid()) since "))
            }
        }
        holder = nil
        // Released: the run resumes and keeps its twelve evaluations.
        let report = try SearchSession.run(settings, evaluator: try evaluator(), in: dir, resume: true)
        #expect(report.outcome.evaluations.count == 12)
    }

    @Test func aDirectoryHoldingARunIsNeverOverwritten() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings(seed: 1), evaluator: try evaluator(), in: dir, resume: false)
        // run.json alone (a run killed before its first evaluation) also claims the directory.
        try FileManager.default.removeItem(atPath: "\(dir)/evaluations.jsonl")
        #expect(throws: CoDesignError.runExists(path: dir)) {
            try SearchSession.run(Self.settings(seed: 2), evaluator: try evaluator(), in: dir, resume: false)
        }
        #expect(try RunDirectory.readHeader(dir).settings.seed == 1)
    }

    @Test func badOutputPathsAreRefusedNamingThePath() throws {
        let base = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let file = "\(base)/a-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CoDesignError.unusableRunDirectory(path: file, reason: "it is a file, not a folder")) {
            try RunDirectory.checkUsable(file)
        }
        #expect(throws: CoDesignError.unusableRunDirectory(path: "\(file)/run", reason: "\(file) is a file, not a folder")) {
            try RunDirectory.checkUsable("\(file)/run")
        }
        // /proc takes no new folders, even for root (whom permission bits do not stop).
        do {
            _ = try RunDirectory.create("/proc/transcode-run") { fatalError("claimed an unusable directory") }
            Issue.record("created a run in /proc")
        } catch let error as CoDesignError {
            guard case .unusableRunDirectory(let path, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == "/proc/transcode-run")
            #expect(!error.description.contains("\n"))
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/transcode-run"))
    }

    @Test func theLogIsOpenedForAppendOnly() throws {
        let dir = temporaryDirectory()
        let settings = Self.settings(seed: 4)
        _ = try SearchSession.run(settings, evaluator: try evaluator(), in: dir, resume: false)
        let (log, _, evaluations) = try RunDirectory.reopen(dir)
        // Something else shortens the file behind the handle: appends still land at its end.
        let path = "\(dir)/evaluations.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(lines[0].utf8.count + 1))
        try handle.close()
        log.append(evaluations[5])
        let after = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(after.count == 2)
    }
}
