extension RTLGenerator {
    /// Renders the parts of one design, applying its prefix: the one place where canonical
    /// names become design names. Each part's `module`, and every value equal to the
    /// canonical name of a module of the design (how a template names the modules it
    /// instantiates), become `naming.module(...)`; so new modules and templates get the
    /// prefix with no change here.
    /// `elsewhere` adds canonical names of modules rendered separately (the PE's interface
    /// alone still names its leaves).
    func render(_ parts: [DesignPart], naming: DesignNaming, banner: String, elsewhere: Set<String> = []) throws
        -> [RenderedModule]
    {
        let canonical = Set(parts.map(\.module)).union(elsewhere)
        return try parts.map { part in
            var values = part.values.mapValues { canonical.contains($0) ? naming.module($0) : $0 }
            values["banner"] = banner
            values["module"] = naming.module(part.module)
            let text = try library.render(part.template, values, lists: part.lists, flags: part.flags)
            return RenderedModule(part: part, module: naming.module(part.module), text: text)
        }
    }
}
