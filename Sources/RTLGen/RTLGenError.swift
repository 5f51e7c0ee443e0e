/// Why RTL could not be generated.
package enum RTLGenError: Error, Equatable, CustomStringConvertible {
    case missingTemplate(name: String, directory: String)
    case undeclaredParameter(template: String, parameter: String)
    case missingParameter(template: String, parameter: String)
    case noParameterDeclaration(template: String)
    case cannotWrite(path: String, reason: String)
    case invalidPrefix(String)
    case malformedWaiver(template: String, line: String)
    case systemMismatch(expected: String, given: String)

    package var description: String {
        switch self {
        case .missingTemplate(let name, let directory):
            return "no template \(name).sv.mustache in \(directory): check TRANSCODE_HOME or the checkout"
        case .undeclaredParameter(let template, let parameter):
            return "template \(template) is given parameter '\(parameter)' that it does not declare"
        case .missingParameter(let template, let parameter):
            return "template \(template) declares parameter '\(parameter)' but was not given it"
        case .noParameterDeclaration(let template):
            return "template \(template) does not start with {{! parameters: ... }}"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .invalidPrefix(let prefix):
            return
                "module prefix '\(prefix)' is not an identifier: use a letter, then letters, digits or '_', at most \(DesignNaming.maximumLength) characters"
        case .malformedWaiver(let template, let line):
            return "template \(template) has a malformed waiver '\(line)': write {{! lint_off RULE 'signal': reason }}"
        case .systemMismatch(let expected, let given):
            return
                "the system interface (\(given)) does not fit the controller's top (\(expected)): use RTLGenerator.systemInterface(for:format:)"
        }
    }
}
