// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "frontline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .executable(name: "frontline-bench", targets: ["FrontlineBench"]),
        .library(name: "FrontlineCore", targets: ["FrontlineCore"]),
        .library(name: "FrontlineMail", targets: ["FrontlineMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // Pure domain rules: no framework, tested in milliseconds.
        .target(name: "FrontlineCore"),
        // MIME parsing, threading rules, HTML sanitising, SMTP client: SwiftNIO only.
        .target(
            name: "FrontlineMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "FrontlineCore",
                "FrontlineMail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Resources/ is compiled into the binary (see Plugins/EmbedResources), not shipped beside it.
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        .executableTarget(name: "frontline", dependencies: ["App"]),
        .executableTarget(
            name: "FrontlineBench",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                "FrontlineMail",
            ]
        ),
        .testTarget(name: "FrontlineCoreTests", dependencies: ["FrontlineCore"]),
        // A real SMTP server (aiosmtpd) for the mail tests of both libraries.
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["smtp_sink.py"]),
        .testTarget(name: "FrontlineMailTests", dependencies: ["FrontlineMail", "TestSupport"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "TestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
