/// One Verilator lint warning a template accepts on purpose, declared in the template as
/// `{{! lint_off RULE 'signal': reason }}` (a Mustache comment: it renders to nothing).
package struct LintWaiver: Hashable, Sendable {
    /// Verilator's warning name, such as `UNUSEDSIGNAL`.
    package let rule: String
    /// The signal or parameter the warning names.
    package let signal: String
    /// Why the warning is not a defect.
    package let reason: String

    package init(rule: String, signal: String, reason: String) {
        self.rule = rule
        self.signal = signal
        self.reason = reason
    }

    /// Parses a declaration line; nil for any other line, an error for a malformed one.
    init?(declaration line: Substring, template: String) throws {
        guard line.hasPrefix("{{! lint_off") else { return nil }
        guard let m = line.wholeMatch(of: /\{\{! lint_off ([A-Z]+) '([A-Za-z_][A-Za-z0-9_]*)': (.+\S) \}\}/) else {
            throw RTLGenError.malformedWaiver(template: template, line: String(line))
        }
        self.init(rule: String(m.1), signal: String(m.2), reason: String(m.3))
    }

    /// The Verilator configuration line that waives this warning in `file`.
    func configLine(file: String) -> String {
        "lint_off -rule \(rule) -file \"*\(file)\" -match \"*'\(signal)'*\""
    }
}
