// `make bench`: the figures behind Gloss's speed claims, measured in a release build. Timing
// belongs here, never in unit tests. `GlossBench preview` runs only the (slowest) preview section,
// `GlossBench matching` only the entity-matching one; `GlossBench photo-site DIR` writes the photo desk
// that scripts/bench-photos times.
import Foundation
import GlossBenchmarks

func section(_ title: String) { print("\n== \(title)") }

func matching() {
    section("Entity matching: one Aho–Corasick automaton, 5 MB of text")
    let rows = MatcherBenchmark.run(textMegabytes: 5, entityCounts: [100, 1_000, 10_000])
    for row in rows {
        print("  \(row.entities) entities: \(String(format: "%.1f", row.seconds * 1000)) ms, \(Int(row.megabytesPerSecond)) MB/s")
    }
    if let first = rows.first, let last = rows.last {
        print("  10,000 / 100 entities time ratio: \(String(format: "%.2f", last.seconds / first.seconds)) (target ≤ 1.3)")
    }
}

func search() {
    section("Search: bytes a query downloads on a 10,000-article site (budget 300 KB)")
    let (indexBytes, perQuery) = SearchBenchmark.run(articles: 10_000)
    print("  whole index: \(indexBytes) bytes")
    for query in SearchBenchmark.queries { print("  \(query): \(perQuery[query] ?? 0) bytes") }
}

func importing() {
    section("Import: CSV batch, dry run")
    let imported = ImportBenchmark.run(articles: 3_000)
    print("  3,000 articles in \(String(format: "%.2f", imported.seconds)) s: \(Int(imported.articlesPerSecond)) articles/s")
}

func preview() async throws {
    section("Preview: save → reload event on a generated site")
    let articles = Int(ProcessInfo.processInfo.environment["GLOSS_BENCH_PREVIEW_ARTICLES"] ?? "") ?? 10_000
    let figures = try await PreviewBenchmark.run(articles: articles)
    for key in figures.keys.sorted() { print("  \(key): \(String(format: "%.1f", figures[key]!))") }
}

/// Cached rebuilds alone, without the server: the figure to profile (`perf record GlossBench rebuild`).
func rebuild() throws {
    section("Preview: cached rebuild after editing one article (median)")
    let articles = Int(ProcessInfo.processInfo.environment["GLOSS_BENCH_PREVIEW_ARTICLES"] ?? "") ?? 10_000
    let rebuilds = Int(ProcessInfo.processInfo.environment["GLOSS_BENCH_REBUILDS"] ?? "") ?? 9
    let figures = try PreviewBenchmark.cachedRebuilds(articles: articles, rebuilds: rebuilds)
    for key in figures.keys.sorted() { print("  \(key): \(String(format: "%.1f", figures[key]!))") }
}

/// Writes the photo desk `scripts/bench-photos` times (`GlossBench photo-site DIR [PHOTOS]`).
func photoSite() throws {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    guard let root = arguments.first else { print("usage: GlossBench photo-site DIR [PHOTOS]"); return }
    let photos = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
    print("wrote \(try PhotoBenchmarkSite.write(to: root, photos: photos)) photos under \(root)")
}

switch CommandLine.arguments.dropFirst().first {
case "photo-site":
    try photoSite()
case "rebuild":
    try rebuild()
case "matching":
    matching()
case "preview":
    try await preview()
default:
    matching()
    search()
    importing()
    try await preview()
}
