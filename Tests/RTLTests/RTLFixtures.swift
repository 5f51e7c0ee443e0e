import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import RTLSim

/// Shared set-up for the RTL tests: the templates, the generator and the simulators.
enum RTLFixtures {
    static let library = try! TemplateLibrary(directory: ProjectFiles.path("templates"))
    static let format = FixedPointFormat.paper
    static let generator = RTLGenerator(library: library, format: format)
    static let verilator = RTLSimulator(engine: .verilator, library: library)
    static let iverilog = RTLSimulator(engine: .iverilog, library: library)

    static func source(_ v: ModuleVariant) throws -> [String: String] {
        ["\(v.moduleName).sv": try generator.generate(v, command: "RTL test")]
    }

    /// A random word; one in eight is extreme (to exercise saturation), one in eight zero.
    static func word(_ rng: inout SeededGenerator, scale: Double = 2) -> Int64 {
        switch rng.next() % 8 {
        case 0: return rng.next() % 2 == 0 ? format.maxValue : format.minValue
        case 1: return 0
        default: return format.quantize((rng.nextUnit() * 2 - 1) * scale)
        }
    }
}
