import Foundation
import GlossAnalysis
import GlossBuild
import GlossContent
import GlossPreview
import GlossRender

/// Save-to-reload latency of `gloss serve` on a generated site: the real server (port 0), the
/// real watcher and rebuild loop; each save edits one article on disk and the clock stops when
/// the reload event reaches a subscriber of the hub (what a browser's EventSource receives).
public enum PreviewBenchmark {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Figures in milliseconds unless named otherwise.
    public static func run(articles: Int, saves: Int = 5) async throws -> [String: Double] {
        let entities = 300
        let root = NSTemporaryDirectory() + "gloss-preview-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let clock = ContinuousClock()
        var figures: [String: Double] = ["articles": Double(articles), "entities": Double(entities)]

        var started = clock.now
        let files = try BenchmarkSite.write(to: root, articles: articles, entities: entities)
        figures["generatedFiles"] = Double(files)
        figures["generateMs"] = (clock.now - started).milliseconds

        // Where a full build spends its time (the same stages SiteBuilder runs).
        figures.merge(phases(root: root)) { $1 }

        let reports = Locked<[RebuildReport]>([])
        started = clock.now
        let preview = try await PreviewServer.start(PreviewOptions(source: root, port: 0, onRebuild: { report in
            reports.withLock { $0.append(report) }
        }))
        figures["startToServingMs"] = (clock.now - started).milliseconds
        figures["initialBuildMs"] = reports.current.first?.milliseconds ?? 0
        figures["pages"] = Double(reports.current.first?.pagesRendered ?? 0)

        let arrivals = Locked<[ContinuousClock.Instant]>([])
        let (id, stream) = await preview.hub.subscribe()
        let listener = Task {
            for await event in stream {
                if case .reload = event { arrivals.withLock { $0.append(ContinuousClock.now) } }
            }
        }
        var latencies: [Double] = []
        var rebuilds: [Double] = []
        var changed: [Double] = []
        let target = articles / 2
        for save in 0..<saves {
            let before = arrivals.current.count
            let text = BenchmarkSite.article(target, articles: articles, entities: entities, tags: 30, edit: save)
            let saved = clock.now
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + BenchmarkSite.articlePath(target)))
            let deadline = saved + .seconds(120)
            while arrivals.current.count == before {
                guard clock.now < deadline else {
                    listener.cancel()
                    try? await preview.stop()
                    throw Failure(description: "no reload event within 120 s of save \(save)")
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            latencies.append((arrivals.current[before] - saved).milliseconds)
            if let last = reports.current.last {
                rebuilds.append(last.milliseconds)
                changed.append(Double(last.changes.all.count))
            }
            try await Task.sleep(for: .milliseconds(300))   // let the file system settle between saves
        }
        await preview.hub.unsubscribe(id)
        listener.cancel()
        try await preview.stop()

        // Where a cached rebuild spends its time: warm a cache, edit the same article, rebuild.
        let cache = BuildCache()
        let options = BuildOptions(source: root, baseURL: "/")
        _ = SiteBuilder.build(options, cache: cache)
        let edited = BenchmarkSite.article(target, articles: articles, entities: entities, tags: 30, edit: saves)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: root + "/" + BenchmarkSite.articlePath(target)))
        cache.noteChanges([BenchmarkSite.articlePath(target)])
        let rebuilt = SiteBuilder.build(options, cache: cache)
        for timing in rebuilt.timings { figures["cachedRebuild\(timing.stage.capitalized)Ms"] = timing.milliseconds }
        figures["cachedRebuildPagesRendered"] = Double(rebuilt.pagesRendered)

        figures["saves"] = Double(saves)
        figures["saveToReloadMsMedian"] = median(latencies)
        figures["saveToReloadMsMin"] = latencies.min() ?? 0
        figures["saveToReloadMsMax"] = latencies.max() ?? 0
        figures["rebuildMsMedian"] = median(rebuilds)
        figures["outputFilesChangedPerSave"] = median(changed)
        figures["debounceMs"] = WatchedFiles.debounce.milliseconds
        return figures
    }

    /// Stage timings of cached rebuilds, each after editing one article of a generated site:
    /// the median of `rebuilds` runs per stage. Without the server, so a profiler sees only
    /// the rebuild path.
    public static func cachedRebuilds(articles: Int, rebuilds: Int = 9) throws -> [String: Double] {
        let root = NSTemporaryDirectory() + "gloss-rebuild-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try BenchmarkSite.write(to: root, articles: articles)
        let target = articles / 2
        return try cachedRebuilds(root: root, article: BenchmarkSite.articlePath(target), rebuilds: rebuilds) { edit in
            BenchmarkSite.article(target, articles: articles, entities: 300, tags: 30, edit: edit)
        }
    }

    /// The same on a copy of an existing site (`make bench-hugo`'s corpus, notes and all): each
    /// edit adds a sentence to the end of `article` (site-relative), so its notes stay anchored.
    public static func cachedRebuilds(site: String, article: String, rebuilds: Int = 9) throws -> [String: Double] {
        let root = NSTemporaryDirectory() + "gloss-rebuild-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: site, toPath: root)
        let original = try String(contentsOfFile: root + "/" + article, encoding: .utf8)
        return try cachedRebuilds(root: root, article: article, rebuilds: rebuilds) { edit in
            original + "\nAn editor added sentence \(edit + 1) here.\n"
        }
    }

    private static func cachedRebuilds(root: String, article: String, rebuilds: Int, edited: (Int) -> String) throws -> [String: Double] {
        let cache = BuildCache()
        let options = BuildOptions(source: root, baseURL: "/")
        _ = SiteBuilder.build(options, cache: cache)
        var samples: [String: [Double]] = [:]
        for edit in 0..<rebuilds {
            try Data(edited(edit).utf8).write(to: URL(fileURLWithPath: root + "/" + article))
            cache.noteChanges([article])   // as the preview's watcher does
            let result = SiteBuilder.build(options, cache: cache)
            for timing in result.timings { samples["rebuild\(timing.stage.capitalized)Ms", default: []].append(timing.milliseconds) }
            samples["rebuildTotalMs", default: []].append(result.timings.reduce(0) { $0 + $1.milliseconds })
            samples["rebuildPagesRendered", default: []].append(Double(result.pagesRendered))
        }
        var figures = samples.mapValues(median)
        figures["rebuildTotalMsMin"] = samples["rebuildTotalMs"]?.min()
        return figures
    }

    /// One full build, stage by stage (the pipeline's own stage timings).
    static func phases(root: String) -> [String: Double] {
        let result = SiteBuilder.build(BuildOptions(source: root, baseURL: "/"))
        var figures: [String: Double] = [:]
        for timing in result.timings { figures["phase\(timing.stage.capitalized)Ms"] = timing.milliseconds }
        figures["outputMB"] = Double(result.files?.reduce(0) { $0 + $1.bytes.count } ?? 0) / 1_048_576
        return figures
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
