// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way only:
//   DesignSpace <- HardwareModules (the catalogue of modules)
//   HardwareModules <- RTLGen <- RTLSim <- Calibration
//   HardwareModules <- CostModel <- Elector <- CoDesign
//   CostModel <- Calibration
//   Toolchain   <- RTLSim, Calibration
// The `transcode` executable is a thin argument-parsing layer over them.
let package = Package(
    name: "TransCODE",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "transcode", targets: ["transcode"]),
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
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .executableTarget(
            name: "transcode",
            dependencies: [
                "DesignSpace", "HardwareModules", "CostModel", "Elector", "CoDesign", "Reports", "RTLGen", "RTLSim", "Toolchain", "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "Toolchain"),
        .target(name: "HardwareModules", dependencies: ["DesignSpace"]),
        .target(name: "RTLGen", dependencies: ["DesignSpace", "HardwareModules", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "RTLSim", dependencies: ["HardwareModules", "RTLGen", "Toolchain", "DesignSpace"]),
        .target(name: "Calibration", dependencies: ["HardwareModules", "RTLGen", "RTLSim", "Toolchain", "CostModel", "DesignSpace"]),
        .target(name: "CostModel", dependencies: ["DesignSpace", "HardwareModules"]),
        .target(name: "Elector", dependencies: ["DesignSpace", "HardwareModules", "CostModel"]),
        .target(name: "CoDesign", dependencies: ["DesignSpace", "CostModel", "Elector"]),
        .target(name: "Reports"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DesignSpaceTests", dependencies: ["DesignSpace"]),
        .testTarget(name: "CLITests", dependencies: ["transcode", "TestSupport", "Toolchain"]),
        .testTarget(name: "ToolchainTests", dependencies: ["Toolchain"]),
        .testTarget(name: "CalibrationTests", dependencies: ["HardwareModules", "CostModel", "Calibration", "RTLGen", "DesignSpace", "Toolchain"]),
        .testTarget(name: "RTLTests", dependencies: ["HardwareModules", "RTLGen", "RTLSim", "DesignSpace", "Toolchain", "TestSupport"]),
        .testTarget(name: "HardwareModulesTests", dependencies: ["HardwareModules", "CostModel", "RTLGen", "RTLSim", "TestSupport"]),
        .testTarget(name: "ElectorTests", dependencies: ["HardwareModules", "Elector", "CostModel", "DesignSpace"]),
        .testTarget(name: "CoDesignTests", dependencies: ["CoDesign", "Elector", "CostModel", "DesignSpace"]),
    ]
)
