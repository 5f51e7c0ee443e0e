import Foundation
import Reports

/// The figures of a complete sweep, after the paper's Figs. 7-9 (Tuli and Jha, TransCODE,
/// arXiv 2303.14882): accuracy over (tau_I, tau_T) (7a), net sparsity over the grid (7b),
/// accuracy and gradient rho against tau_T (8a, 8b), accuracy against net sparsity (9); each
/// as SVG and CSV, plus the measured profile and the measured accuracy deltas.
package struct DynaPropSweepReport: Sendable {
    package let plan: DynaPropSweepPlan
    /// One per grid point, in grid order.
    package let records: [DynaPropSweepRecord]
    package let profile: MeasuredSparsityProfile

    /// Checks that `records` cover the plan's grid (and nothing else).
    package init(plan: DynaPropSweepPlan, records: [DynaPropSweepRecord], logPath: String, command: String, dataSet: String)
        throws(AccuracyMeasurementError)
    {
        let sorted = records.sorted { $0.index < $1.index }
        guard sorted.map(\.index) == plan.points.map(\.index) else {
            throw .sweepIncomplete(path: logPath, done: Set(records.map(\.index)).count, total: plan.points.count)
        }
        self.plan = plan
        self.records = sorted
        profile = MeasuredSparsityProfile(plan: plan, records: sorted, command: command, dataSet: dataSet)
    }

    /// The record at (tau_I index i, tau_T index t).
    package func record(_ i: Int, _ t: Int) -> DynaPropSweepRecord { records[i * plan.tauT.count + t] }

    /// File names and contents, in the order they are written.
    package var files: [(name: String, contents: String)] {
        let tauINames = plan.tauI.map { "\($0)" }
        let tauTNames = plan.tauT.map { "\($0)" }
        func grid(_ value: (DynaPropSweepRecord) -> Double) -> [[Double]] {
            plan.tauT.indices.map { t in plan.tauI.indices.map { i in value(record(i, t)) } }
        }
        let model = plan.modelName
        var files: [(name: String, contents: String)] = []
        files.append(("sweep.csv", table()))
        files.append(
            (
                "fig7a-accuracy.csv",
                csv(["tau_i", "tau_t", "test_accuracy"], records.map { ["\($0.tauI)", "\($0.tauT)", f($0.testAccuracy)] })
            ))
        files.append(
            (
                "fig7a-accuracy.svg",
                SVGChart.heatmap(
                    title: "Fig. 7(a): test accuracy, \(model) (\(plan.setting.name) setting)", xLabel: "tau_I", yLabel: "tau_T",
                    xTicks: tauINames, yTicks: tauTNames, values: grid(\.testAccuracy))
            ))
        files.append(
            (
                "fig7b-net-sparsity.csv",
                csv(["tau_i", "tau_t", "net_sparsity"], records.map { ["\($0.tauI)", "\($0.tauT)", f($0.netSparsity)] })
            ))
        files.append(
            (
                "fig7b-net-sparsity.svg",
                SVGChart.heatmap(
                    title: "Fig. 7(b): net sparsity (mean of activation and gradient rho), \(model)", xLabel: "tau_I",
                    yLabel: "tau_T", xTicks: tauINames, yTicks: tauTNames, values: grid(\.netSparsity))
            ))
        files.append(
            (
                "fig8-tau-t.csv",
                csv(
                    ["tau_i", "tau_t", "test_accuracy", "gradient_rho"],
                    records.map { ["\($0.tauI)", "\($0.tauT)", f($0.testAccuracy), f($0.gradientRho)] })
            ))
        func byTauI(_ value: KeyPath<DynaPropSweepRecord, Double>) -> [SVGChart.Series] {
            plan.tauI.indices.map { i in
                SVGChart.Series(
                    name: "tau_I = \(plan.tauI[i])", points: plan.tauT.indices.map { t in (Double(t), record(i, t)[keyPath: value]) })
            }
        }
        files.append(
            (
                "fig8a-accuracy-vs-tau-t.svg",
                SVGChart.lines(
                    title: "Fig. 8(a): test accuracy against tau_T, \(model)", xLabel: "tau_T", yLabel: "test accuracy",
                    series: byTauI(\.testAccuracy), xTicks: tauTNames)
            ))
        files.append(
            (
                "fig8b-gradient-sparsity-vs-tau-t.svg",
                SVGChart.lines(
                    title: "Fig. 8(b): gradient sparsity against tau_T, \(model)", xLabel: "tau_T", yLabel: "gradient rho",
                    series: byTauI(\.gradientRho), xTicks: tauTNames)
            ))
        let byNet = records.sorted { ($0.netSparsity, $0.index) < ($1.netSparsity, $1.index) }
        files.append(
            (
                "fig9-accuracy-vs-net-sparsity.csv",
                csv(
                    ["net_sparsity", "test_accuracy", "tau_i", "tau_t"],
                    byNet.map { [f($0.netSparsity), f($0.testAccuracy), "\($0.tauI)", "\($0.tauT)"] })
            ))
        files.append(
            (
                "fig9-accuracy-vs-net-sparsity.svg",
                SVGChart.lines(
                    title: "Fig. 9: test accuracy against net sparsity, \(model) (one line per tau_I, tau_T rising)",
                    xLabel: "net sparsity", yLabel: "test accuracy",
                    series: plan.tauI.indices.map { i in
                        SVGChart.Series(
                            name: "tau_I = \(plan.tauI[i])",
                            points: plan.tauT.indices.map { t in (record(i, t).netSparsity, record(i, t).testAccuracy) })
                    })
            ))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let profileText = (try? encoder.encode(profile)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        files.append(("profile.json", profileText + "\n"))
        files.append(("dynaprop-accuracy.json", accuracyDeltas()))
        return files
    }

    /// Writes every file into `directory`; returns their paths.
    package func write(to directory: String) throws(AccuracyMeasurementError) -> [String] {
        var paths: [String] = []
        for file in files {
            let path = "\(directory)/\(file.name)"
            do { try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw .unusableDirectory(path: directory, reason: "cannot write \(file.name)")
            }
            paths.append(path)
        }
        return paths
    }

    /// Every measured figure per grid point.
    package func table() -> String {
        csv(
            [
                "tau_i", "tau_t", "test_accuracy", "validation_accuracy", "weight_rho", "activation_rho", "gradient_rho", "net_sparsity",
                "forward_effectual_fraction", "backward_effectual_fraction", "training_seconds",
            ],
            records.map {
                [
                    "\($0.tauI)", "\($0.tauT)", f($0.testAccuracy), f($0.validationAccuracy), f($0.weightRho), f($0.activationRho),
                    f($0.gradientRho), f($0.netSparsity), f($0.forwardEffectualFraction), f($0.backwardEffectualFraction),
                    String(format: "%.1f", $0.trainingSeconds),
                ]
            })
    }

    /// The measured accuracy changes in the layout of data/dynaprop-accuracy.json: along
    /// tau_I at the first tau_T, and along tau_T at the first tau_I, each relative to the
    /// grid's first point (both thresholds at their smallest value).
    package func accuracyDeltas() -> String {
        let base = record(0, 0).testAccuracy
        let tauI = plan.tauI.indices.map { i in "[\(plan.tauI[i]), \(f(record(i, 0).testAccuracy - base))]" }
        let tauT = plan.tauT.indices.map { t in "[\(plan.tauT[t]), \(f(record(0, t).testAccuracy - base))]" }
        let source =
            "Measured by `\(profile.provenance.command)` at commit \(profile.provenance.commit ?? "unknown"): \(plan.modelName) on "
            + "\(profile.provenance.dataSet), setting \(plan.setting.summary), seed \(plan.seed), encoder weights magnitude-pruned to "
            + "\(plan.weightSparsity). Test-accuracy changes relative to tau_I = \(plan.tauI[0]), tau_T = \(plan.tauT[0]), one "
            + "training run per point (\(plan.setting.testSamples) test examples)."
        return """
            {
              "what": "Additive change of test accuracy (as a fraction) caused by the DynaProp thresholds, interpolated linearly in tau.",
              "source": "\(source.replacingOccurrences(of: "\"", with: "\\\""))",
              "tau_i": [\(tauI.joined(separator: ", "))],
              "tau_t": [\(tauT.joined(separator: ", "))]
            }

            """
    }

    private func f(_ value: Double) -> String { String(format: "%.4f", value) }

    private func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
