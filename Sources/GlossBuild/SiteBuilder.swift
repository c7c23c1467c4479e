import Foundation
import GlossAnalysis
import GlossContent
import GlossImages
import GlossRender

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var source: String
    public var includeDrafts: Bool
    public var allowOrphans: Bool
    /// Broken internal links and anchors are warnings, not errors.
    public var allowBrokenLinks: Bool
    /// Replaces gloss.yml's `base_url` (e.g. `gloss publish --base-url`).
    public var baseURL: String?
    /// Make the resized copies of pictures the cache lacks (`gloss check` only names them).
    public var makeImages: Bool

    public init(source: String, includeDrafts: Bool = false, allowOrphans: Bool = false, allowBrokenLinks: Bool = false,
                baseURL: String? = nil, makeImages: Bool = true) {
        self.source = source
        self.includeDrafts = includeDrafts
        self.allowOrphans = allowOrphans
        self.allowBrokenLinks = allowBrokenLinks
        self.baseURL = baseURL
        self.makeImages = makeImages
    }
}

/// The outcome of running the pipeline: the files to write (nil when any error was found) and
/// every diagnostic of every stage.
public struct BuildResult: Sendable {
    /// Every file, or with a sink every file but those already handed to it.
    public var files: [OutputFile]?
    /// The paths of the files handed to the build's sink.
    public var written: [String] = []
    public var diagnostics: [Diagnostic]
    public var analysed: AnalysedSite?
    /// Milliseconds per stage, in pipeline order, for the summary line and benchmarks.
    public var timings: [(stage: String, milliseconds: Double)] = []
    /// Pages rendered by this build (fewer than the site's pages when a cache served the rest).
    public var pagesRendered = 0
}

/// What a long-running process (the preview) keeps between builds so that a rebuild redoes only
/// what a change affects. Every cache compares its inputs in full, so a cached build gives the
/// same bytes as a fresh one; a test checks that.
public final class BuildCache: Sendable {
    let load = LoadCache()
    let analysis = AnalysisCache()
    let render = RenderCache()
    /// The theme parsed from the site's templates, while they stay the same (parsing every
    /// template again was 1% of a preview rebuild).
    let theme = LastValueMemo<[String: [UInt8]], (theme: Theme?, diagnostics: [Diagnostic])>()
    private let lock = NSLock()
    nonisolated(unsafe) private var imageStage: ImageStage?

    /// The image stage of the site at `root`, kept between builds (its cleaned SVGs, its index).
    func images(root: String) -> ImageStage {
        lock.withLock {
            if let stage = imageStage, stage.root == root { return stage }
            let stage = ImageStage(site: root)
            imageStage = stage
            return stage
        }
    }

    public init() {}

    /// What changed since the last build, as a file watcher reports it (site-relative paths;
    /// nil when unknown): the next build then checks only those files on disk.
    public func noteChanges(_ paths: [String]?) {
        load.noteChanges(paths)
    }
}

/// Times pipeline stages with a monotonic clock.
struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var timings: [(stage: String, milliseconds: Double)] = []

    init() { last = clock.now }

    /// Ends a stage; a stage run in two parts (the image stage) adds up under one name.
    mutating func lap(_ stage: String) {
        let now = clock.now
        let elapsed = now - last
        if let index = timings.firstIndex(where: { $0.stage == stage }) {
            timings[index].milliseconds += elapsed.milliseconds
        } else {
            timings.append((stage, elapsed.milliseconds))
        }
        last = now
    }
}

/// The pipeline, top to bottom: load → images (what each file is) → analyse → images (the
/// copies to publish) → render. Writing is separate (SiteWriter), so `gloss check` runs the
/// same stages and writes nothing.
public enum SiteBuilder {
    /// - Parameter sink: takes the pages, feeds, data and search index as they are made (a
    ///   `StagedSite` writes them), so they need not all be held in memory; files a static file
    ///   may replace are still returned.
    public static func build(_ options: BuildOptions, cache: BuildCache? = nil, sink: (@Sendable ([OutputFile]) -> Void)? = nil) -> BuildResult {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        guard let (analysed, images, siteTemplates) = loadAndAnalyse(options, cache: cache, clock: &clock, diagnostics: &diagnostics) else {
            return BuildResult(files: nil, diagnostics: diagnostics)
        }
        guard !diagnostics.hasErrors else { return BuildResult(files: nil, diagnostics: diagnostics.sorted(), analysed: analysed) }
        let published = images.publish(analysed.files, make: options.makeImages)
        diagnostics += published.diagnostics
        clock.lap("images")
        let (theme, themeDiagnostics) = LastValueMemo.value(in: cache?.theme, for: siteTemplates) { Theme.load(siteTemplates: siteTemplates) }
        diagnostics += themeDiagnostics
        guard let theme, !diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: diagnostics.sorted(), analysed: analysed)
        }
        let (files, renderDiagnostics, pagesRendered, written) = SiteRenderer(site: analysed, theme: theme, cache: cache?.render,
                                                                   allowBrokenLinks: options.allowBrokenLinks, media: published.files, sink: sink).render()
        diagnostics += renderDiagnostics
        clock.lap("render")
        return BuildResult(files: diagnostics.hasErrors ? nil : files, written: written, diagnostics: diagnostics.sorted(), analysed: analysed,
                           timings: clock.timings, pagesRendered: pagesRendered)
    }

    /// Load → images (what each file is) → analyse. A function of its own so that the loaded
    /// content, article Markdown and all, is freed when it returns: what the analysis keeps of
    /// it holds no Markdown (65 MB at 10,000 articles). Nil when the site could not be loaded.
    private static func loadAndAnalyse(_ options: BuildOptions, cache: BuildCache?, clock: inout StageClock,
                                       diagnostics: inout [Diagnostic]) -> (AnalysedSite, ImageStage, [String: [UInt8]])? {
        let (loaded, loadDiagnostics) = SiteLoader.load(from: options.source, includeDrafts: options.includeDrafts, cache: cache?.load)
        clock.lap("load")
        diagnostics += loadDiagnostics
        guard var content = loaded else { return nil }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let images = cache?.images(root: content.root) ?? ImageStage(site: content.root)
        let examined = images.examine(content.media)
        content.media = examined.media
        diagnostics += examined.diagnostics
        clock.lap("images")
        // Analysis goes on after load errors, so one run reports as many problems as it can.
        let analysed = SiteAnalyser.analyse(content, options: AnalysisOptions(allowOrphans: options.allowOrphans), cache: cache?.analysis)
        diagnostics += analysed.diagnostics
        clock.lap("analyse")
        return (analysed, images, content.templates)
    }
}
