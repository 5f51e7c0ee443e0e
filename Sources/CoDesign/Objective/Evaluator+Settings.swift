import CostModel

extension Evaluator {
    /// The evaluator a search's settings describe: their hardware table, the shipped accuracy
    /// model for the settings' accuracy source (GLUE for runs stored before the source existed),
    /// with the settings' measured-accuracy table, if any, objective, constraints and
    /// workload, and the declared objective scale of the settings' kind from
    /// `data/objective-scale.json`. `root` is the checkout that holds `reference/` and `data/`.
    /// A search that decomposes needs the measured decomposition curve: without it every
    /// decomposed point would be infeasible, so the run is refused at once.
    package init(settings: SearchSettings, root: String) throws {
        if settings.decomposes == true {
            // Loading names the file and how to build it when it is missing or unreadable.
            _ = try DecompositionAccuracyCurve.load(path: DecompositionAccuracyCurve.shippedPath(root: root))
        }
        self.init(
            table: try TableCatalog.load(settings.table),
            accuracy: try AccuracyModel.shipped(
                root: root, accuracyTable: settings.accuracyTable, source: settings.effectiveAccuracySource),
            objective: settings.objective, constraints: settings.constraints, workload: settings.workload,
            scale: try ObjectiveScaleFile.load(root: root).scale(settings.objectiveScale, workload: settings.workload))
    }
}
