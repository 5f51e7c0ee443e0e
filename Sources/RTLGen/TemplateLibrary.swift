import Foundation
import Mustache

/// The templates in templates/, one per hardware module. Each starts with
/// `{{! parameters: a, b, ... }}`; rendering checks that exactly those are given.
package struct TemplateLibrary: Sendable {
    package let directory: String
    private let templates: [String: (template: MustacheTemplate, parameters: [String])]
    private let waiverTable: [String: [LintWaiver]]

    package init(directory: String) throws {
        self.directory = directory
        var loaded: [String: (MustacheTemplate, [String])] = [:]
        var waivers: [String: [LintWaiver]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in names.sorted() where file.hasSuffix(".sv.mustache") {
            let name = String(file.dropLast(".sv.mustache".count))
            let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
            guard let line = text.split(separator: "\n").first, line.hasPrefix("{{! parameters:"), line.hasSuffix("}}") else {
                throw RTLGenError.noParameterDeclaration(template: name)
            }
            let declared = line.dropFirst("{{! parameters:".count).dropLast(2)
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            // The declaration line itself renders to nothing; drop the newline after it.
            let body = String(text.dropFirst(line.count + 1))
            loaded[name] = (try MustacheTemplate(string: body), declared)
            waivers[name] = try text.split(separator: "\n").compactMap { try LintWaiver(declaration: $0, template: name) }
        }
        templates = loaded
        waiverTable = waivers
    }

    /// The lint waivers a template declares (`{{! lint_off RULE 'signal': reason }}` lines).
    package func waivers(of name: String) -> [LintWaiver] { waiverTable[name] ?? [] }

    /// Declared parameters of a template.
    package func parameters(of name: String) throws -> [String] {
        guard let t = templates[name] else { throw RTLGenError.missingTemplate(name: name, directory: directory) }
        return t.parameters
    }

    package var names: [String] { templates.keys.sorted() }

    /// Renders `name` with exactly its declared parameters: scalar values, lists of records
    /// for `{{#section}}` blocks, and flags for `{{#flag}}` / `{{^flag}}` blocks (a string is
    /// always true to Mustache, so on/off choices must be flags).
    package func render(
        _ name: String, _ values: [String: String], lists: [String: [[String: String]]] = [:],
        flags: [String: Bool] = [:]
    ) throws -> String {
        guard let t = templates[name] else { throw RTLGenError.missingTemplate(name: name, directory: directory) }
        let given = Set(values.keys).union(lists.keys).union(flags.keys)
        for key in given.sorted() where !t.parameters.contains(key) {
            throw RTLGenError.undeclaredParameter(template: name, parameter: key)
        }
        for key in t.parameters where !given.contains(key) {
            throw RTLGenError.missingParameter(template: name, parameter: key)
        }
        var context: [String: Any] = values
        for (key, list) in lists { context[key] = list }
        for (key, flag) in flags { context[key] = flag }
        return t.template.render(context)
    }
}
