extension Double {
    /// `rounded(.up)` for a non-negative value below 2^53, without the C library call that
    /// `rounded(.up)` compiles to on baseline x86-64 (the fast mode rounds once per level,
    /// a few dozen times in a microsecond).
    @inline(__always)
    var roundedUpFast: Double {
        let whole = Double(Int64(self))
        return whole < self ? whole + 1 : whole
    }
}
