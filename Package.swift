// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way only (docs/ARCHITECTURE.md draws them):
//   StructuredInput <- DesignSpace <- HardwareModules <- RTLGen <- RTLSim <- Calibration
//   HardwareModules <- AcceleratorProgram <- RTLGen (the controller's ISA, shared with Elector later)
//   HardwareModules <- CostModel <- Elector <- CoDesign
//   CostModel <- Calibration;  Reports <- CoDesign;  StructuredInput <- Elector
//   Toolchain <- RTLSim, Calibration;  ProjectLayout <- CostModel;  CostModel <- RTLSim (memory timing)
//   DesignSpace, CBLAS (OpenBLAS), CZlib (zlib) <- Training <- AccuracyMeasurement;  Reports <- AccuracyMeasurement
//   (CoDesign never depends on Training: it reads the measured data file)
// The `transcode` executable is a thin argument-parsing layer over them; ReaderFuzzer is
// the readers' libFuzzer harness (scripts/fuzz).
//
// No Apple platform is declared: the package is built and tested on Linux (Debian 12,
// Swift 6.3) only, and a deployment target nobody builds would be a claim, not a fact.
let package = Package(
    name: "TransCODE",
    products: [
        .executable(name: "transcode", targets: ["transcode"]),
        .executable(name: "transcode-fuzz", targets: ["ReaderFuzzer"]),
        .library(name: "DesignSpace", targets: ["DesignSpace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "DesignSpace",
            dependencies: ["StructuredInput", .product(name: "BigInt", package: "BigInt")]
        ),
        .target(name: "StructuredInput", dependencies: [.product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "ReaderFuzzer", dependencies: ["DesignSpace", "StructuredInput"]),
        .executableTarget(
            name: "transcode",
            dependencies: [
                "DesignSpace", "HardwareModules", "AcceleratorProgram", "CostModel", "Elector", "CoDesign", "Reports", "RTLGen", "RTLSim",
                "Toolchain", "Calibration", "ProjectLayout", "StructuredInput", "Training", "AccuracyMeasurement", "Compression",
                "TensorTrain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "Toolchain"),
        .target(name: "HardwareModules", dependencies: ["DesignSpace"]),
        .target(name: "AcceleratorProgram", dependencies: ["DesignSpace", "HardwareModules"]),
        .target(
            name: "RTLGen",
            dependencies: ["DesignSpace", "HardwareModules", "AcceleratorProgram", .product(name: "Mustache", package: "swift-mustache")]),
        .target(
            name: "RTLSim",
            dependencies: ["HardwareModules", "RTLGen", "Toolchain", "DesignSpace", "CostModel", "AcceleratorProgram", "Elector"]),
        .target(
            name: "Calibration",
            dependencies: ["HardwareModules", "RTLGen", "RTLSim", "Toolchain", "CostModel", "DesignSpace", "StructuredInput"]),
        .target(name: "CostModel", dependencies: ["DesignSpace", "HardwareModules", "ProjectLayout", "StructuredInput"]),
        .target(name: "ProjectLayout"),
        .target(name: "TensorTrain", dependencies: ["DesignSpace", "CBLAS"]),
        .target(name: "Compression", dependencies: ["DesignSpace", "CostModel", "Elector", "Training", "Reports", "CoDesign"]),
        .target(
            name: "Elector",
            dependencies: ["DesignSpace", "HardwareModules", "CostModel", "StructuredInput", "AcceleratorProgram", "TensorTrain"]),
        .target(name: "CoDesign", dependencies: ["DesignSpace", "CostModel", "Elector", "Reports"]),
        .target(name: "Reports"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Training", dependencies: ["DesignSpace", "CBLAS", "CZlib", "TensorTrain"]),
        .target(name: "AccuracyMeasurement", dependencies: ["DesignSpace", "Training", "Reports"]),
        .target(name: "TestSupport", dependencies: ["ProjectLayout"], path: "Tests/TestSupport"),
        .testTarget(name: "DesignSpaceTests", dependencies: ["ProjectLayout", "DesignSpace", "TestSupport"]),
        .testTarget(
            name: "AccuracyMeasurementTests",
            dependencies: ["AccuracyMeasurement", "Training", "DesignSpace", "TestSupport", "Elector", "ProjectLayout"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "DesignSpace", "TestSupport", "CZlib", "TensorTrain"]),
        .testTarget(name: "StructuredInputTests", dependencies: ["StructuredInput"]),
        .testTarget(name: "TensorTrainTests", dependencies: ["TensorTrain", "DesignSpace"]),
        .testTarget(name: "AcceleratorProgramTests", dependencies: ["AcceleratorProgram", "DesignSpace", "HardwareModules"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "ProjectLayout", "DesignSpace", "transcode", "TestSupport", "Toolchain", "AcceleratorProgram", "AccuracyMeasurement",
            ]),
        .testTarget(name: "ToolchainTests", dependencies: ["ProjectLayout", "Toolchain"]),
        .testTarget(
            name: "CalibrationTests",
            dependencies: [
                "ProjectLayout", "HardwareModules", "CostModel", "Calibration", "RTLGen", "DesignSpace", "Toolchain", "TestSupport",
            ]),
        .testTarget(
            name: "RTLTests",
            dependencies: [
                "ProjectLayout", "HardwareModules", "RTLGen", "RTLSim", "DesignSpace", "Toolchain", "TestSupport", "CostModel",
                "AcceleratorProgram", "Elector",
            ]),
        .testTarget(
            name: "HardwareModulesTests",
            dependencies: ["ProjectLayout", "HardwareModules", "CostModel", "RTLGen", "RTLSim", "TestSupport"]),
        .testTarget(
            name: "ElectorTests",
            dependencies: ["ProjectLayout", "HardwareModules", "Elector", "CostModel", "DesignSpace", "AcceleratorProgram"]),
        .testTarget(name: "CoDesignTests", dependencies: ["ProjectLayout", "CoDesign", "Elector", "CostModel", "DesignSpace"]),
    ]
)
