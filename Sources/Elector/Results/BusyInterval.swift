/// A stretch of a run in which one unit class worked: one operation's span in the
/// cycle-level mode, one dependency level's in the fast mode. Power gating is computed from
/// these.
struct BusyInterval {
    var unit: MappedOperation.Unit
    var start: Double
    var end: Double
    /// Unit-cycles of work inside the stretch (busy units times cycles).
    var unitCycles: Double
}
