import DesignSpace

/// Main-memory datasheets with a mode chosen from them: everything the simulator needs to
/// model any memory of the space. Made only through `MainMemoryDatasheets.setting(mode:)`,
/// so its mode is always one the file defines.
package struct MainMemorySetting: Sendable {
    package let datasheets: MainMemoryDatasheets
    /// `datasheet` (each type's own interface) or a mode of the file.
    package let mode: String

    /// The shipped datasheets, each type at its own interface.
    package static var standard: MainMemorySetting {
        MainMemorySetting(datasheets: .shipped, mode: MainMemoryDatasheets.datasheetMode)
    }

    /// The model of `memory` under this setting.
    package func model(for memory: MainMemory) -> MainMemoryModel {
        let sheet = datasheets.types[memory.kind]!  // every kind is present in a loaded file
        return MainMemoryModel(memory: memory, datasheet: sheet, mode: mode, peakGBs: datasheets.modes[mode]?.peakGBs)
    }
}
