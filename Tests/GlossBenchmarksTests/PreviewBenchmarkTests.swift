import Foundation
import Testing
@testable import GlossPreview
@testable import GlossBenchmarks

/// The benchmark is a measurement, not a timed test: it runs only when asked,
/// e.g. `GLOSS_PREVIEW_BENCH=10000 swift test --filter PreviewBenchmarkTests`.
/// Without the variable, a tiny site checks that the benchmark itself works.
@Suite("Preview benchmark", .timeLimit(.minutes(10)))
struct PreviewBenchmarkTests {
    @Test("the benchmark runs on a small generated site and measures every save")
    func smallSite() async throws {
        let articles = Int(ProcessInfo.processInfo.environment["GLOSS_PREVIEW_BENCH"] ?? "") ?? 60
        let figures = try await PreviewBenchmark.run(articles: articles, saves: articles > 100 ? 5 : 2)
        for (name, value) in figures.sorted(by: { $0.key < $1.key }) {
            print("preview-bench \(name): \(String(format: "%.1f", value))")
        }
        #expect(figures["articles"] == Double(articles))
        #expect((figures["saveToReloadMsMedian"] ?? 0) > 0)
        #expect((figures["pages"] ?? 0) > Double(articles))
    }

    @Test("the generated site builds without errors")
    func generatedSiteBuilds() throws {
        let root = NSTemporaryDirectory() + "gloss-bench-check-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try BenchmarkSite.write(to: root, articles: 120)
        let result = PreviewBuilderCheck.build(root)
        #expect(result.errors.isEmpty, "\(result.errors.prefix(5))")
        #expect(result.notes > 0)
    }
}

import GlossBuild
enum PreviewBuilderCheck {
    static func build(_ root: String) -> (errors: [String], notes: Int) {
        let result = SiteBuilder.build(BuildOptions(source: root))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        let notes = result.analysed?.articles.reduce(0) { $0 + $1.notes.count } ?? 0
        return (errors, notes)
    }
}
