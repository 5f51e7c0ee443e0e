/// A standard cell: area, leakage, pins and, for flip-flops, its state.
package struct LibertyCell: Sendable {
    package let name: String
    /// Area in square micrometres.
    package let areaUM2: Double
    /// `cell_leakage_power` in nanowatts.
    package let leakageNW: Double
    package let pins: [LibertyPin]
    package let flipFlop: LibertyFlipFlop?
    /// True for latches, which the calibration refuses.
    package let isLatch: Bool

    init(_ g: LibertyGroup, leakageToNW: Double) {
        name = g.arguments.first ?? ""
        areaUM2 = g.number("area") ?? 0
        leakageNW = (g.number("cell_leakage_power") ?? 0) * leakageToNW
        pins = g.groups("pin").map(LibertyPin.init)
        flipFlop = g.groups("ff").first.flatMap(LibertyFlipFlop.init)
        isLatch = !g.groups("latch").isEmpty
    }

    package func pin(_ name: String) -> LibertyPin? { pins.first { $0.name == name } }
}
