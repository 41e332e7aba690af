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
        // Host roots, parsers, collectors and the fact model. No networking, no dependencies.
        .target(name: "Facts", dependencies: ["CLinux", "CCPUID"]),
        // The few Linux system calls the Glibc module does not expose (statfs).
        .target(name: "CLinux"),
        // The CPUID instruction (x86), which Swift cannot issue itself: the hypervisor signature.
        .target(name: "CCPUID"),
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
        // Whole machines in QEMU (scripts/vm-image, scripts/vm-run); skipped where QEMU is not installed.
        .testTarget(name: "HarnessTests"),
    ]
)
