// swift-tools-version:6.1
import PackageDescription

/// Links the C++ runtime, the GCC unwinder and zlib into the executable (`static-link/` holds links to
/// their archives, searched before the system's shared copies), so that glibc is the only library family
/// the binary needs: a minimal container or initramfs may lack libstdc++, and loading it and resolving its
/// symbols cost about 0.4 ms of every start. The toolchain's lld links (`-use-ld=lld`): gold kept
/// libstdc++'s reference to arc4random, which nothing calls, and with it a need for glibc 2.36 (a debug
/// build, which keeps unused code, still has it).
let staticLink = ["-L" + String(#filePath.dropLast("Package.swift".count)) + "static-link", "-use-ld=lld"]

let package = Package(
    name: "mkagent",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mkagent", targets: ["Agent"]),
        .library(name: "Facts", targets: ["Facts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Tests only: the YAML emitter is checked against a real YAML parser.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libudev's hwdb functions, declared here and loaded with dlopen at run time (never linked), so
        // the static binary still starts where libudev is absent.
        .target(name: "CUdev", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // libipmimonitoring's sensor functions (FreeIPMI), declared and loaded the same way.
        .target(name: "CIPMIMonitoring", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Host roots, parsers, collectors and the fact model. No networking, no dependencies.
        .target(name: "Facts", dependencies: ["CLinux", "CCPUID", "CUdev", "CIPMIMonitoring"]),
        // The few Linux system calls the Glibc module does not expose (statfs, the OpenIPMI ioctls, spawn in a directory).
        .target(name: "CLinux"),
        // The CPUID instruction (x86), which Swift cannot issue itself: the hypervisor signature.
        .target(name: "CCPUID"),
        .executableTarget(
            name: "Agent",
            dependencies: [
                "Facts", "CLinux",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The static Swift stdlib links executables with --export-dynamic, which puts every symbol of the
            // package (35,000) in the dynamic table; the runtime's start-up dladdr scans them all (a tenth of
            // `mkagent lshw`'s user time). Nothing looks them up, so release builds export none.
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
                .unsafeFlags(staticLink, .when(platforms: [.linux])),
            ]
        ),
        .testTarget(name: "FactsTests", dependencies: ["Facts", "TestSupport"]),
        .testTarget(
            name: "AgentTests",
            dependencies: [
                "Agent", "Facts", "RackHDCatalogs", "TestSupport", .product(name: "Yams", package: "Yams"),
                // The Hanlon test server: plain SwiftNIO HTTP/1.1 on 127.0.0.1.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Whole machines in QEMU (scripts/vm-image, scripts/vm-run); skipped where QEMU is not installed.
        .testTarget(name: "HarnessTests", dependencies: ["RackHDCatalogs", "TestSupport"]),
        // Tests only: RackHD's server-side catalog parsers reimplemented, shared by AgentTests and HarnessTests.
        .target(name: "RackHDCatalogs", dependencies: ["TestSupport"], path: "Tests/RackHDCatalogs"),
        // Tests only: running programs and capturing their output, for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)
