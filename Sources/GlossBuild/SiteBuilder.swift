import GlossAnalysis
import GlossContent
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

    public init(source: String, includeDrafts: Bool = false, allowOrphans: Bool = false, allowBrokenLinks: Bool = false,
                baseURL: String? = nil) {
        self.source = source
        self.includeDrafts = includeDrafts
        self.allowOrphans = allowOrphans
        self.allowBrokenLinks = allowBrokenLinks
        self.baseURL = baseURL
    }
}

/// The outcome of running the pipeline: the files to write (nil when any error was found) and
/// every diagnostic of every stage.
public struct BuildResult: Sendable {
    public var files: [OutputFile]?
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

    mutating func lap(_ stage: String) {
        let now = clock.now
        let elapsed = now - last
        timings.append((stage, elapsed.milliseconds))
        last = now
    }
}

/// The pipeline, top to bottom: load → analyse → render. Writing is separate (SiteWriter), so
/// `gloss check` runs the same stages and writes nothing.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, cache: BuildCache? = nil) -> BuildResult {
        var clock = StageClock()
        let (loaded, loadDiagnostics) = SiteLoader.load(from: options.source, includeDrafts: options.includeDrafts, cache: cache?.load)
        clock.lap("load")
        var diagnostics = loadDiagnostics
        guard var content = loaded else { return BuildResult(files: nil, diagnostics: diagnostics) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        // Analysis goes on after load errors, so one run reports as many problems as it can.
        let analysed = SiteAnalyser.analyse(content, options: AnalysisOptions(allowOrphans: options.allowOrphans), cache: cache?.analysis)
        diagnostics += analysed.diagnostics
        clock.lap("analyse")
        let (theme, themeDiagnostics) = Theme.load(siteTemplates: content.templates)
        diagnostics += themeDiagnostics
        guard let theme, !diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: diagnostics.sorted(), analysed: analysed)
        }
        let (files, renderDiagnostics, pagesRendered) = SiteRenderer(site: analysed, theme: theme, cache: cache?.render,
                                                                   allowBrokenLinks: options.allowBrokenLinks).render()
        diagnostics += renderDiagnostics
        clock.lap("render")
        return BuildResult(files: diagnostics.hasErrors ? nil : files, diagnostics: diagnostics.sorted(), analysed: analysed,
                           timings: clock.timings, pagesRendered: pagesRendered)
    }
}
