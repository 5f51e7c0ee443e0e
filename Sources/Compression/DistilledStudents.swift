import CoDesign
import DesignSpace
import Foundation

/// Reads back what `transcode compress` measured: each distilled student's accuracy against
/// its dense teacher's, at the student's matrix compression (from its model dict, so the
/// figure is the model's, not a column someone typed).
package enum DistilledStudents {
    /// The measurements of the run in `directory` (compress.csv and models/NN-label.json,
    /// which `CompressionReport` writes in row order, the dense teacher first).
    package static func read(run directory: String) throws(CompressionError) -> [DecompositionAccuracyCurve.Measurement] {
        let csvPath = directory + "/compress.csv"
        guard let text = try? String(contentsOfFile: csvPath, encoding: .utf8) else {
            throw .unreadableRun(path: directory, reason: "no compress.csv (write one with transcode compress --out \(directory))")
        }
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let label = header.firstIndex(of: "label"), let accuracy = header.firstIndex(of: "test_accuracy")
        else { throw .unreadableRun(path: directory, reason: "compress.csv has no label and test_accuracy columns") }
        let rows = lines.dropFirst().filter { $0.count == header.count }
        guard let teacher = rows.first, teacher[label] == "dense", let teacherAccuracy = Double(teacher[accuracy]) else {
            throw .unreadableRun(
                path: directory,
                reason: "the first row must be the dense teacher with its measured test_accuracy (run compress with training)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/models")) ?? []
        var result: [DecompositionAccuracyCurve.Measurement] = []
        for (i, row) in rows.enumerated().dropFirst() {
            let prefix = String(format: "%02d-", i)
            guard let name = files.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }),
                let data = FileManager.default.contents(atPath: "\(directory)/models/\(name)")
            else { throw .unreadableRun(path: directory, reason: "no models/\(prefix)*.json for row '\(row[label])'") }
            guard let value = Double(row[accuracy]) else {
                throw .unreadableRun(path: directory, reason: "row '\(row[label])' has no measured test_accuracy")
            }
            let model: TransformerModel
            do { model = try ModelDict.parse(data, source: name) } catch {
                throw .unreadableRun(path: directory, reason: "models/\(name): \(error)")
            }
            result.append(
                .init(
                    run: directory, label: row[label], compression: model.matrixCompression, teacherAccuracy: teacherAccuracy,
                    accuracy: value))
        }
        guard !result.isEmpty else { throw .unreadableRun(path: directory, reason: "no decomposed rows") }
        return result
    }
}
