extension Int {
    /// Ceiling of log2 n (0 for n <= 1): the bits needed to address n things, and the depth
    /// of an adder tree with n inputs. Shared by the RTL generator and the simulator's timing
    /// formulas, which must agree.
    public static func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }
}
