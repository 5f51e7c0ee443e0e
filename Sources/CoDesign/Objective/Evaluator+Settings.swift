import CostModel

extension Evaluator {
    /// The evaluator a search's settings describe: their hardware table, the shipped accuracy
    /// model (with the settings' measured-accuracy table, if any), objective, constraints and
    /// workload. `root` is the checkout that holds `reference/` and `data/`.
    package init(settings: SearchSettings, root: String) throws {
        self.init(
            table: try TableCatalog.load(settings.table),
            accuracy: try AccuracyModel.shipped(root: root, accuracyTable: settings.accuracyTable),
            objective: settings.objective, constraints: settings.constraints, workload: settings.workload)
    }
}
