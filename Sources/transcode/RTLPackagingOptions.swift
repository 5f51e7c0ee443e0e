import ArgumentParser
import CostModel
import RTLGen

/// Options shared by `rtl generate` and `rtl synth`: module prefix, PE count and clock.
struct RTLPackagingOptions: ParsableArguments {
    @Option(help: "Module-name prefix (default: from the accelerator's name, or e<index>).") var prefix: String?
    @Option(parsing: .unconditional, help: "Number of PEs in the top (default: the accelerator's).") var pes: Int?
    @Option(parsing: .unconditional, help: "Clock of the SDC in MHz (default: the calibrated table's).") var clockMHz: Double?

    /// The flags as they appear in the recorded command.
    var commandSuffix: String {
        (prefix.map { " --prefix \($0)" } ?? "") + (pes.map { " --pes \($0)" } ?? "") + (clockMHz.map { " --clock-mhz \($0)" } ?? "")
    }

    func validate() throws {
        if let pes, !(1...1024).contains(pes) { throw ValidationError("--pes must be 1 to 1024, got \(pes)") }
        if let clockMHz, !(clockMHz > 0 && clockMHz <= 10_000) {
            throw ValidationError("--clock-mhz must be above 0 and at most 10000, got \(clockMHz)")
        }
    }

    /// Typed options; the clock falls back on the default hardware table's.
    func options(accelerator: String?, index: Int?, defaultPEs: Int? = nil, table: HardwareTable? = nil) throws -> DesignOptions {
        let naming = try prefix.map(DesignNaming.init(prefix:)) ?? DesignNaming.derived(name: accelerator, index: index)
        let clock = try clockMHz ?? (table ?? TableCatalog.load(nil)).clockMHz
        return DesignOptions(naming: naming, peCount: pes ?? defaultPEs, clockMHz: clock)
    }
}
