/// How generated RTL is mapped onto a standard-cell liberty with Yosys and ABC: the recipe
/// the calibration measures modules with (`SynthesisFlow`), the whole-design synthesis uses
/// (`DesignSynthesis`) and every design's packaged script carries, so the three agree.
package enum SynthesisRecipe {
    /// ABC's script after Yosys hands it the combinational logic: mapping toward the delay target, then
    /// fanout buffering (at most 16 loads a driver) and gate up- and down-sizing on the
    /// critical path toward the delay target. Yosys's own `abc -D` runs no buffering unless given constraints, and
    /// wide fanouts on X1 drivers then time absurdly slow; `map -D` and `buffer` without
    /// `topo` crash ABC on the deepest modules, which this order avoids.
    package static let abcScript =
        "+strash;dretime;map,-D,\(delayTargetPS);topo;buffer,-N,16;upsize,-D,\(delayTargetPS);dnsize,-D,\(delayTargetPS);stime,-p"
    /// Delay target of the sizing steps, picoseconds (500 MHz): gates on paths that already
    /// meet it are not enlarged, so fast modules keep their area.
    package static let delayTargetPS = 2000
    /// Drive and load that ABC assumes at the module's boundary.
    package static let abcConstraints = "set_driving_cell BUF_X1\nset_load 3.0\n"

    /// The mapping and clean-up steps after `hierarchy`, up to a netlist OpenSTA reads
    /// (constants tied to cells, buses split, no expressions). `flatten` merges the hierarchy
    /// (the calibration's single modules); without it each module is mapped once, however
    /// many times it is instantiated. `liberty` and `constraints` are paths or Tcl variables;
    /// `tcl` braces the ABC script, whose `;` would end a Tcl command.
    package static func mappingSteps(top: String, liberty: String, constraints: String, flatten: Bool, tcl: Bool = false) -> [String] {
        [
            "synth -top \(top)\(flatten ? " -flatten" : "")",
            "dfflibmap -liberty \(liberty)",
            "abc -script \(tcl ? "{\(abcScript)}" : abcScript) -constr \(constraints) -liberty \(liberty)",
            "opt_clean -purge",
            "setundef -zero",
            "splitnets",
            "opt_clean -purge",
            "hilomap -hicell LOGIC1_X1 Z -locell LOGIC0_X1 Z",
            "insbuf -buf BUF_X1 A Z",
            "opt_clean -purge",
        ]
    }
}
