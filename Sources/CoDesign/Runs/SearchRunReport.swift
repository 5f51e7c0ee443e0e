/// What `SearchSession.run` found and wrote: the outcome and the paths of the run directory's
/// files. The caller renders it; nothing here prints.
package struct SearchRunReport: Sendable {
    /// The run directory.
    package let directory: String
    package let outcome: SearchOutcome
    /// The log, one evaluation per line, and the settings it was started with.
    package let evaluationsFile: String
    package let settingsFile: String
    /// The best pair: a model dict (JSON) and an accelerator file (YAML).
    package let bestModelFile: String
    package let bestAcceleratorFile: String
    /// Best performance so far after each evaluation, as CSV and as a line chart.
    package let convergenceCSV: String
    package let convergencePlot: String
    /// Every valid evaluation's figures with its Pareto membership.
    package let paretoCSV: String
    /// GLUE score against latency, area and energy, in that order.
    package let paretoPlots: [String]

    init(directory: String, outcome: SearchOutcome) {
        self.directory = directory
        self.outcome = outcome
        evaluationsFile = RunDirectory.logPath(directory)
        settingsFile = RunDirectory.settingsPath(directory)
        bestModelFile = "\(directory)/best-model.json"
        bestAcceleratorFile = "\(directory)/best-accelerator.yaml"
        convergenceCSV = "\(directory)/convergence.csv"
        convergencePlot = "\(directory)/convergence.svg"
        paretoCSV = "\(directory)/pareto.csv"
        paretoPlots = SearchSession.paretoAxes.map { "\(directory)/pareto-\($0.name).svg" }
    }
}
