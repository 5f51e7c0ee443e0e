import Foundation

/// How decomposing a model's matrices changes its accuracy, from measured distillations
/// (`transcode compress`): each measurement is a student's test accuracy minus its dense
/// teacher's, at the student's `TransformerModel.matrixCompression`.
///
/// The curve is the measurements' least-squares fit that never rises with compression
/// (pool-adjacent-violators, anchored at no change for no compression) and never exceeds 0:
/// students that beat their teachers did so with two more epochs of training, not because of
/// their decomposition (README, "Tensor-train compression"). Between knots it is linear in
/// log compression. Beyond the largest measured compression it gives nil: no measurement
/// says what happens there, and the search treats such a model as infeasible rather than
/// extrapolate.
package struct DecompositionAccuracyCurve: Sendable, Equatable {
    /// One distilled student.
    package struct Measurement: Codable, Sendable, Equatable {
        /// The compress run's folder, as given to the command that built the file.
        package var run: String
        /// The candidate's label in that run's compress.csv.
        package var label: String
        package var compression: Double
        package var teacherAccuracy: Double
        package var accuracy: Double
        package var delta: Double { accuracy - teacherAccuracy }

        enum CodingKeys: String, CodingKey {
            case run, label, compression
            case teacherAccuracy = "teacher_accuracy"
            case accuracy
        }

        package init(run: String, label: String, compression: Double, teacherAccuracy: Double, accuracy: Double) {
            self.run = run
            self.label = label
            self.compression = compression
            self.teacherAccuracy = teacherAccuracy
            self.accuracy = accuracy
        }
    }

    /// The file's format version.
    package static let version = 1
    /// Where the project ships its curve.
    package static func shippedPath(root: String) -> String { "\(root)/data/decomposition-accuracy.json" }

    package let measurements: [Measurement]
    /// The fitted knots: compression (ascending, the first 1) and accuracy change.
    package let knots: [(compression: Double, delta: Double)]

    package static func == (a: Self, b: Self) -> Bool { a.measurements == b.measurements }

    /// Fits the curve; throws when there is no measurement or a compression is not above 1.
    package init(measurements: [Measurement]) throws {
        guard !measurements.isEmpty else {
            throw CoDesignError.invalidSetting(name: "decomposition measurements", value: "none", allowed: "at least one distilled student")
        }
        if let bad = measurements.first(where: { !($0.compression > 1) || !$0.compression.isFinite }) {
            throw CoDesignError.invalidSetting(
                name: "compression of \(bad.run) '\(bad.label)'", value: String(bad.compression), allowed: "a finite number above 1")
        }
        self.measurements = measurements
        // Pool adjacent violators for a non-increasing fit, the anchor (1, 0) first.
        let points = [(1.0, 0.0)] + measurements.map { ($0.compression, $0.delta) }.sorted { $0.0 < $1.0 }
        var blocks: [(sum: Double, count: Double, last: Double)] = []
        for (x, y) in points {
            blocks.append((y, 1, x))
            while blocks.count > 1,
                blocks[blocks.count - 1].sum / blocks[blocks.count - 1].count
                    > blocks[blocks.count - 2].sum / blocks[blocks.count - 2].count
            {
                let top = blocks.removeLast()
                let below = blocks.removeLast()
                blocks.append((below.sum + top.sum, below.count + top.count, top.last))
            }
        }
        var knots: [(compression: Double, delta: Double)] = []
        var i = 0
        for block in blocks {
            let value = min(block.sum / block.count, 0)
            while i < points.count, points[i].0 <= block.last {
                if knots.last?.compression != points[i].0 { knots.append((points[i].0, value)) }
                i += 1
            }
        }
        self.knots = knots
    }

    /// The largest compression measured.
    package var largestCompression: Double { knots.last!.compression }

    /// The accuracy change at `compression` (1: none); nil beyond the largest measured.
    package func delta(compression: Double) -> Double? {
        guard compression > 1 else { return 0 }
        guard compression <= largestCompression else { return nil }
        let x = log(compression)
        for (a, b) in zip(knots, knots.dropFirst()) where compression <= b.compression {
            let t = (x - log(a.compression)) / (log(b.compression) - log(a.compression))
            return a.delta + t * (b.delta - a.delta)
        }
        return knots.last!.delta
    }

    /// The stored form: version, provenance and measurements (the fit is recomputed on load).
    struct File: Codable {
        var version: Int
        var provenance: String
        var units: [String: String]
        var measurements: [Measurement]
    }

    /// The JSON the project checks in, with its provenance.
    package func json(provenance: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(
            File(
                version: Self.version, provenance: provenance,
                units: [
                    "compression":
                        "dense weights of the decomposable matrices over the weights they hold (TransformerModel.matrixCompression)",
                    "accuracy": "test accuracy (fraction) of the distilled student; teacher_accuracy that of its dense teacher",
                ],
                measurements: measurements))
    }

    /// Reads a curve file; one line naming the file and what is wrong.
    package static func load(path: String) throws -> DecompositionAccuracyCurve {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoDesignError.unreadableData(
                path: path, reason: "no such file (build it with transcode accuracy decomposition --run DIR --out FILE)")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw CoDesignError.unreadableData(
                path: path,
                reason: "expected {version, provenance, units, measurements: [{run, label, compression, teacher_accuracy, accuracy}]}")
        }
        guard file.version == version else {
            throw CoDesignError.unreadableData(path: path, reason: "version \(file.version), and this build reads version \(version)")
        }
        do { return try DecompositionAccuracyCurve(measurements: file.measurements) } catch let error as CoDesignError {
            throw CoDesignError.unreadableData(path: path, reason: error.description)
        }
    }
}
