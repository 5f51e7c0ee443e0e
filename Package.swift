// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way only:
//   DesignSpace <- RTLGen <- Calibration
//   DesignSpace <- CostModel <- Elector <- CoDesign
//   Reports     <- CoDesign (the search run directory's plots)
//   Toolchain   <- RTLGen, Calibration
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
                "DesignSpace", "CostModel", "Elector", "CoDesign", "Reports", "RTLGen", "RTLSim", "Toolchain", "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "Toolchain"),
        .target(name: "RTLGen", dependencies: ["DesignSpace", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "RTLSim", dependencies: ["RTLGen", "Toolchain", "DesignSpace"]),
        .target(name: "Calibration", dependencies: ["RTLGen", "RTLSim", "Toolchain", "CostModel", "DesignSpace"]),
        .target(name: "CostModel", dependencies: ["DesignSpace"]),
        .target(name: "Elector", dependencies: ["DesignSpace", "CostModel"]),
        .target(name: "CoDesign", dependencies: ["DesignSpace", "CostModel", "Elector", "Reports"]),
        .target(name: "Reports"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DesignSpaceTests", dependencies: ["DesignSpace"]),
        .testTarget(name: "CLITests", dependencies: ["transcode", "TestSupport", "Toolchain"]),
        .testTarget(name: "ToolchainTests", dependencies: ["Toolchain"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "RTLGen", "DesignSpace", "Toolchain"]),
        .testTarget(name: "RTLTests", dependencies: ["RTLGen", "RTLSim", "DesignSpace", "Toolchain", "TestSupport"]),
        .testTarget(name: "ElectorTests", dependencies: ["Elector", "CostModel", "DesignSpace"]),
        .testTarget(name: "CoDesignTests", dependencies: ["CoDesign", "Elector", "CostModel", "DesignSpace"]),
    ]
)
