/// What the program model predicts for one program: cycles from start to done and the busy
/// cycles of each module class (summed over units, as the top's counters count them).
package struct ProgramTiming: Sendable, Equatable {
    package var cycles: Int
    package var busy: [ModuleClassBusy: Int]

    package init(cycles: Int, busy: [ModuleClassBusy: Int]) {
        self.cycles = cycles
        self.busy = busy
    }
}
