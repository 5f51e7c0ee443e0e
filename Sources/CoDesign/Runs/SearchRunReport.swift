/// What `SearchSession.run` found and wrote: the outcome and the paths of the run directory's
/// files. The caller renders it; nothing here prints.
package struct SearchRunReport: Sendable {
    /// The run directory.
    package let directory: String
    package let outcome: SearchOutcome
    /// The log, one evaluation per line, and the settings it was started with.
    package let evaluationsFile: String
    package let settingsFile: String
    /// Each iteration's proposals, which a resumed run takes instead of proposing again.
    package let proposalsFile: String
    /// The best pair: a model dict (JSON) and an accelerator file (YAML).
    package let bestModelFile: String
    package let bestAcceleratorFile: String
    /// The run in one JSON file (`SearchSummary`).
    package let summaryJSON: String
    /// Every evaluation with readable design parameters, figures, performance and the
    /// surrogate's prediction.
    package let trialsCSV: String
    /// Best performance so far after each evaluation, as CSV and as a line chart.
    package let convergenceCSV: String
    package let convergencePlot: String
    /// The 4-D Pareto front (accuracy, latency, area, energy), one pair per line.
    package let paretoCSV: String
    /// GLUE score against latency, area and energy, in that order, each with its own front.
    package let paretoPlots: [String]

    package init(directory: String, outcome: SearchOutcome) {
        self.directory = directory
        self.outcome = outcome
        evaluationsFile = RunDirectory.logPath(directory)
        settingsFile = RunDirectory.settingsPath(directory)
        proposalsFile = RunDirectory.proposalsPath(directory)
        bestModelFile = "\(directory)/best-model.json"
        bestAcceleratorFile = "\(directory)/best-accelerator.yaml"
        summaryJSON = "\(directory)/summary.json"
        trialsCSV = "\(directory)/trials.csv"
        convergenceCSV = "\(directory)/convergence.csv"
        convergencePlot = "\(directory)/convergence.svg"
        paretoCSV = "\(directory)/pareto.csv"
        paretoPlots = SearchSession.paretoAxes.map { "\(directory)/pareto-\($0.name).svg" }
    }
}
