import Foundation
// swift-tools-version: 6.1
import PackageDescription

// scripts/fuzz sets FUZZING=1: the fuzz targets then leave main to libFuzzer.
let fuzzSettings: [SwiftSetting] =
    ProcessInfo.processInfo.environment["FUZZING"] == nil
    ? [] : [.define("FUZZING"), .unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "annual-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "annual-report", targets: ["annual-report"]),
        .library(name: "AnnualReportKit", targets: ["AnnualReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The libxlsxwriter C API. Only the one type XLSXWorkbook (the files of Render/XLSXWorkbook/) imports it.
        .systemLibrary(
            name: "Cxlsxwriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // ingest -> model -> compute -> render, one folder each.
        .target(
            name: "AnnualReportKit",
            dependencies: [
                "Cxlsxwriter",
                .product(name: "Yams", package: "Yams"),
                // Exports as downloaded: .zip files in the inputs folder are read in place.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Argument parsing only; everything else lives in AnnualReportKit.
        .executableTarget(
            name: "annual-report",
            dependencies: [
                "AnnualReportKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz); without -sanitize=fuzzer, replay tools.
        .executableTarget(name: "FuzzCSV", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzDatasets", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzConfiguration", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzWorkbook", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzAttendance", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzPipeline", dependencies: ["AnnualReportKit"], swiftSettings: fuzzSettings),
        .testTarget(
            name: "AnnualReportKitTests",
            dependencies: [
                "AnnualReportKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
