import ArgumentParser

/// How a list of models prints: embeddings one a line, or one JSON array of model dicts
/// (model dicts are JSON by definition, so there is no YAML form).
enum ModelListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
