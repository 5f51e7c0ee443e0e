/// The `ff` group of a sequential cell: its state variables and how they change.
package struct LibertyFlipFlop: Sendable {
    package let state: String
    package let invertedState: String
    package let nextState: String
    package let clockedOn: String
    /// Asynchronous clear and preset conditions in Liberty syntax (e.g. `!RN`).
    package let clear: String?
    package let preset: String?

    init?(_ g: LibertyGroup) {
        guard g.arguments.count == 2, let next = g.attributes["next_state"], let clock = g.attributes["clocked_on"] else { return nil }
        state = g.arguments[0]
        invertedState = g.arguments[1]
        nextState = next
        clockedOn = clock
        clear = g.attributes["clear"]
        preset = g.attributes["preset"]
    }
}
