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
    section("Mention rules (MentionFilter) on top of the scan: 1,000 entities, 5 MB in paragraphs, alternating")
    do {
        let cost = try MatcherBenchmark.filterCost(textMegabytes: 5, entities: 1_000)
        print("  scan alone: \(String(format: "%.1f", cost.scan * 1000)) ms, \(Int(5 / cost.scan)) MB/s; "
            + "scan and judge: \(String(format: "%.1f", cost.scanAndJudge * 1000)) ms, \(Int(5 / cost.scanAndJudge)) MB/s")
        print("  ratio \(String(format: "%.2f", cost.scanAndJudge / cost.scan)); \(cost.mentions) of \(cost.matches) matches kept as mentions")
    } catch {
        print("  could not build the registry: \(error)")
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
    // GLOSS_BENCH_SITE (and GLOSS_BENCH_ARTICLE, site-relative) measure a copy of an existing site instead.
    let environment = ProcessInfo.processInfo.environment
    let figures = try environment["GLOSS_BENCH_SITE"].map { site in
        try PreviewBenchmark.cachedRebuilds(site: site, article: environment["GLOSS_BENCH_ARTICLE"] ?? "content/articles/2019/article-05000.md",
                                            rebuilds: rebuilds)
    } ?? PreviewBenchmark.cachedRebuilds(articles: articles, rebuilds: rebuilds)
    for key in figures.keys.sorted() { print("  \(key): \(String(format: "%.1f", figures[key]!))") }
}

/// Writes the photo desk `scripts/bench-photos` times (`GlossBench photo-site DIR [PHOTOS]`).
func photoSite() throws {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    guard let root = arguments.first else { print("usage: GlossBench photo-site DIR [PHOTOS]"); return }
    let photos = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
    print("wrote \(try PhotoBenchmarkSite.write(to: root, photos: photos)) photos under \(root)")
}

/// Parts of the accuracy set in the order the table lists them: those tuned on, then the held-out ones.
func partOrder(_ a: String, _ b: String) -> Bool { a.hasPrefix("tuning") != b.hasPrefix("tuning") ? a.hasPrefix("tuning") : a < b }

/// Quote attribution and entity links against the labelled news set (`make bench-accuracy`).
/// `GlossBench accuracy DIR [--details PART]` also lists every remaining error of that part;
/// `--article SLUG` lists every quotation found in that article, with its speaker.
func accuracy(_ arguments: [String]) throws {
    func value(_ option: String) -> String? {
        arguments.firstIndex(of: option).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
    let details = value("--details")
    let directory = arguments.enumerated().first { !$0.element.hasPrefix("--") && ($0.offset == 0 || !arguments[$0.offset - 1].hasPrefix("--")) }?.element
        ?? "Tests/accuracy"
    if let article = value("--article") {
        for line in try AccuracyBenchmark.quotes(directory: directory, article: article) { print(line) }
        return
    }
    section("Accuracy: \(directory) (labels written by hand, see its README)")
    let figures = try AccuracyBenchmark.run(directory: directory)
    func percent(_ value: Double) -> String { String(format: "%.3f", value) }
    print("  part        quotes: precision  recall (credited/labelled)   links: precision  recall   near-misses linked")
    for part in figures.keys.sorted(by: partOrder) {
        guard let f = figures[part] else { continue }
        print("  \(part.padding(toLength: 10, withPad: " ", startingAt: 0))  \(percent(f.quotePrecision)) (\(f.attributedCorrectly)/\(f.attributed))  "
            + "\(percent(f.quoteRecall)) (\(f.credited)/\(f.creditable))   \(percent(f.linkPrecision)) (\(f.linkedCorrectly)/\(f.linked))  "
            + "\(percent(f.linkRecall)) (\(f.linkedCorrectly)/\(f.mentions))   \(f.nearMissesLinked) of \(f.nearMisses)")
    }
    for part in figures.keys.sorted(by: partOrder) {
        guard let f = figures[part], !f.errors.isEmpty else { continue }
        print("  remaining errors, \(part): " + f.errors.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
    }
    if let details, let f = figures[details] {
        for line in f.examples.sorted() { print("    \(line)") }
    }
}

switch CommandLine.arguments.dropFirst().first {
case "photo-site":
    try photoSite()
case "accuracy":
    try accuracy(Array(CommandLine.arguments.dropFirst(2)))
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
