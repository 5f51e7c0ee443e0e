/// Whether, and how finely, idle compute modules are power-gated (their leakage cut).
///
/// Only the PE datapath is gated: MAC lanes, softmax, layer-norm, the sparsity modules, the
/// FIFOs and the DynaProp module. The buffers keep their data and the control (dataflow and
/// DMA) runs the schedule, so they leak for the whole run at every setting; main memory has
/// no leakage figure here.
package enum PowerGating: String, Sendable, Codable, CaseIterable {
    /// Nothing is gated: every module leaks for the whole run.
    case off
    /// Each module class is gated as a whole: it is powered while any of its instances is
    /// busy. The sparsity modules, FIFOs and DynaProp module carry the tiles of every unit
    /// class, so they are powered while any unit is.
    case moduleClass = "module-class"
    /// Each processing element is gated as a whole: it is powered while it hosts busy units,
    /// work packed onto as few PEs as it needs.
    case pe

    /// Powered cycles one power-on costs before the module can work (the sleep transistors
    /// recharge the gated supply). An assumption, not a measurement: a few to tens of cycles
    /// is the usual range for gated logic blocks. The controller knows the instruction
    /// stream and wakes a module this long before its work, so the wake-up adds energy, not
    /// latency; an idle gap shorter than this is cheaper to stay powered through, and is.
    package static let wakeUpCycles = 10.0
}
