import ArgumentParser

/// How `simulate` prints: only the formats it honours, so that ArgumentParser refuses the
/// others by name (a simulation result has no YAML form).
enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
