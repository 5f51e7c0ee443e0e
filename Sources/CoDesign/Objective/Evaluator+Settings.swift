import CostModel

extension Evaluator {
    /// The evaluator a search's settings describe: their hardware table, the shipped accuracy
    /// model for the settings' accuracy source (GLUE for runs stored before the source existed),
    /// with the settings' measured-accuracy table, if any, objective, constraints and
    /// workload, and the declared objective scale of the settings' kind from
    /// `data/objective-scale.json`. `root` is the checkout that holds `reference/` and `data/`.
    package init(settings: SearchSettings, root: String) throws {
        self.init(
            table: try TableCatalog.load(settings.table),
            accuracy: try AccuracyModel.shipped(
                root: root, accuracyTable: settings.accuracyTable, source: settings.effectiveAccuracySource),
            objective: settings.objective, constraints: settings.constraints, workload: settings.workload,
            scale: try ObjectiveScaleFile.load(root: root).scale(settings.objectiveScale, workload: settings.workload))
    }
}
