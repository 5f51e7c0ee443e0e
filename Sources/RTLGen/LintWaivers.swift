/// The Verilator configuration file of one design: the waivers every rendered module's
/// template declares, each after its reason, scoped to that module's file.
package struct LintWaivers: Sendable {
    /// Rendered module name and one waiver of its template, in compile order.
    package let entries: [(module: String, waiver: LintWaiver)]

    init(modules: [RenderedModule], library: TemplateLibrary) {
        entries = modules.flatMap { m in library.waivers(of: m.part.template).map { (module: m.module, waiver: $0) } }
    }

    /// The `.vlt` text: give it to Verilator before the sources (`verilator X.vlt -F X.f`).
    func fileText(banner: String) -> String {
        var lines = ["`verilator_config", banner]
        lines.append("// Each waiver below names the warning, the file and the signal, after the reason it is not a defect.")
        for (module, waiver) in entries {
            lines.append("// \(module): \(waiver.reason)")
            lines.append(waiver.configLine(file: "\(module).sv"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
