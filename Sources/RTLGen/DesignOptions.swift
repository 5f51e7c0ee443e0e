/// How a design is rendered and packaged, beyond the accelerator itself.
package struct DesignOptions: Hashable, Sendable {
    /// The clock written into the SDC when the caller has no calibrated table: 100 MHz, the
    /// period the calibration's own timing runs use.
    package static let defaultClockMHz = 100.0
    /// Canonical names, the library's prefix, all PEs of the configuration, 100 MHz.
    package static let standard = DesignOptions()

    /// The module-name prefix.
    package var naming: DesignNaming
    /// Number of PEs in the top, when not the configuration's (the space starts at 64; small
    /// arrays are for synthesis and simulation).
    package var peCount: Int?
    /// Clock of the SDC, megahertz.
    package var clockMHz: Double

    package init(naming: DesignNaming = .standard, peCount: Int? = nil, clockMHz: Double = defaultClockMHz) {
        self.naming = naming
        self.peCount = peCount
        self.clockMHz = clockMHz
    }
}
