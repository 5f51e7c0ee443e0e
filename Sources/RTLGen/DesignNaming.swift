/// The per-design prefix on every module a design renders, so that two generated designs
/// can be compiled into one simulation or netlist. Canonical names (the catalogue's, the
/// hardware table's keys, `pe`, `top`) stay unprefixed everywhere else; only rendering
/// applies the prefix (`RTLGenerator.render(_:)`).
package struct DesignNaming: Hashable, Sendable {
    /// A SystemVerilog identifier: a letter, then letters, digits or underscores.
    package let prefix: String

    /// The prefix the library uses when a caller names none; the composite modules then keep
    /// their historic names (`elector_pe`, `elector_top`).
    package static let standard = DesignNaming(checked: "elector")

    /// Longest prefix accepted: generated names stay well under tool limits and readable.
    package static let maximumLength = 40

    /// Checks `prefix` is an identifier (a keyword cannot result: a `_` and a module name follow).
    package init(prefix: String) throws {
        guard let first = prefix.unicodeScalars.first, first.isASCIILetter, prefix.count <= Self.maximumLength,
            prefix.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" })
        else { throw RTLGenError.invalidPrefix(prefix) }
        self.prefix = prefix
    }

    private init(checked prefix: String) { self.prefix = prefix }

    /// The default prefix of a design: the accelerator's name (a built-in name or a file's
    /// stem) made into an identifier, or `e<index>` for a point given by its index.
    package static func derived(name: String?, index: Int?) -> DesignNaming {
        if let index { return DesignNaming(checked: "e\(index)") }
        let stem = (name ?? "").split(separator: "/").last.map { $0.split(separator: ".").first.map(String.init) ?? "" } ?? ""
        var text = String(stem.lowercased().unicodeScalars.map { $0.isASCIILetter || $0.isASCIIDigit ? Character($0) : "_" })
        if let first = text.unicodeScalars.first, !first.isASCIILetter { text = "d_" + text }
        text = String(text.prefix(maximumLength))
        return text.isEmpty ? standard : DesignNaming(checked: text)
    }

    /// The rendered name of the module whose canonical name is `canonical`.
    package func module(_ canonical: String) -> String { "\(prefix)_\(canonical)" }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
