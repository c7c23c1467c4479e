// swift-tools-version: 6.0
// Gloss: a static-site generator for annotated news digests.
// The targets are the pipeline: GlossContent (load) → GlossAnalysis (link, anchor, quote)
// → GlossRender (cmark, templates) → GlossBuild (run the stages, write atomically).
import PackageDescription

let package = Package(
    name: "Gloss",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        .library(name: "GlossBuild", targets: ["GlossBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Tests only: property-based tests (random whole sites).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libvips, the streaming image library, from the system (Debian: libvips-dev).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // gumbo, Google's HTML5 parser, from the system (Debian: libgumbo-dev).
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]
        ),
        // The only target that touches gumbo pointers: bytes → encoding → an HTMLDocument value tree.
        .target(name: "GlossHTML", dependencies: ["CGumbo"]),
        // Load: site folder → validated model + diagnostics; the rules every stage shares.
        .target(name: "GlossContent", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The only target that touches cmark pointers.
        .target(name: "GlossMarkdown", dependencies: ["CCmark", "GlossContent"]),
        // Analyse: entity matching, annotation anchoring, quote extraction.
        .target(name: "GlossAnalysis", dependencies: ["GlossContent", "GlossMarkdown"]),
        // Images: probes, resizes and strips photos (the only target that touches libvips
        // pointers), cleans SVG, and keeps the cache of variants.
        .target(name: "GlossImages", dependencies: ["CVips", "GlossContent", "GlossMarkdown"]),
        // Search: the static, chunked search index written beside the pages.
        .target(name: "GlossSearch", dependencies: ["GlossAnalysis"]),
        // Render: page models through Mustache templates, feeds, data files.
        .target(
            name: "GlossRender",
            dependencies: ["GlossAnalysis", "GlossSearch", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Build: runs the stages and writes the output folder atomically.
        .target(name: "GlossBuild", dependencies: ["GlossRender", "GlossImages", .product(name: "Crypto", package: "swift-crypto")]),
        // Deploy: a production build published to a folder, a git branch or rsync.
        .target(name: "GlossPublish", dependencies: ["GlossBuild"]),
        // Import: raw scraped pages, feeds and batches → clean article files.
        .target(name: "GlossImport", dependencies: ["GlossContent", "GlossAnalysis", "GlossMarkdown", "GlossHTML"]),
        // Preview: the HTTP server lives here, so the core targets never depend on it.
        .target(
            name: "GlossPreview",
            dependencies: ["GlossBuild", "GlossMarkdown", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "gloss",
            dependencies: [
                "GlossBuild",
                "GlossPublish",
                "GlossImport",
                "GlossPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `make bench`: matching, search, import and preview figures (release build). The
        // measurements live in a library of their own so that tests can run them small.
        .target(name: "GlossBenchmarks", dependencies: ["GlossBuild", "GlossImages", "GlossImport", "GlossPreview", "GlossSearch"]),
        .executableTarget(name: "GlossBench", dependencies: ["GlossBenchmarks"]),
        // `make fuzz`: libFuzzer targets, built with --sanitize=fuzzer,address into .build-fuzz
        // (libFuzzer's main then runs them); a plain build replays inputs: GlossFuzz TARGET FILE...
        .executableTarget(name: "GlossFuzz", dependencies: ["GlossContent", "GlossAnalysis", "GlossSearch", "GlossImport", "GlossHTML"]),
        // Inline test sites (Hugo's habit), shared by the test targets.
        .target(name: "GlossTestSupport", path: "Tests/GlossTestSupport"),
        .testTarget(name: "GlossMarkdownTests", dependencies: ["GlossMarkdown", "GlossContent"]),
        .testTarget(name: "GlossImagesTests", dependencies: ["GlossImages", "GlossTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GlossHTMLTests", dependencies: ["GlossHTML"]),
        .testTarget(name: "GlossContentTests", dependencies: ["GlossContent", "GlossTestSupport"]),
        .testTarget(name: "GlossAnalysisTests", dependencies: ["GlossAnalysis", "GlossRender", "GlossTestSupport"]),
        .testTarget(name: "GlossSearchTests", dependencies: ["GlossSearch", "GlossBuild", "GlossBenchmarks", "GlossTestSupport"]),
        .testTarget(name: "GlossRenderTests", dependencies: ["GlossRender", "GlossTestSupport"]),
        .testTarget(name: "GlossBuildTests", dependencies: ["GlossBuild", "GlossTestSupport",
                                                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "GlossPublishTests", dependencies: ["GlossPublish", "GlossTestSupport"]),
        .testTarget(name: "GlossImportTests", dependencies: ["GlossImport", "GlossBenchmarks", "GlossTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GlossPreviewTests", dependencies: ["GlossPreview", "GlossTestSupport"]),
        .testTarget(name: "GlossBenchmarksTests", dependencies: ["GlossBenchmarks", "GlossTestSupport"]),
    ]
)
