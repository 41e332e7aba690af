// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "mkagent",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mkagent", targets: ["Agent"]),
        .library(name: "Facts", targets: ["Facts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libudev's hwdb functions, declared here and loaded with dlopen at run time (never linked), so
        // the static binary still starts where libudev is absent.
        .target(name: "CUdev", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Host roots, parsers, collectors and the fact model. No networking, no dependencies.
        .target(name: "Facts", dependencies: ["CUdev"]),
        .executableTarget(
            name: "Agent",
            dependencies: [
                "Facts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FactsTests", dependencies: ["Facts"]),
        .testTarget(
            name: "AgentTests",
            dependencies: ["Agent", "Facts", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
