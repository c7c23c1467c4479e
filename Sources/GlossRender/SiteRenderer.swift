import Dispatch
import Foundation
import GlossAnalysis
import GlossContent
import GlossSearch

/// The render stage: every page of the site through the theme's templates, in parallel, then
/// the files made from the whole site (feeds, sitemap, data), the theme's assets and the search
/// index.
public struct SiteRenderer: Sendable {
    /// Every kind of page, in the order their files are listed.
    static let kinds: [any PageKind.Type] = [
        HomePageKind.self, EntitiesPageKind.self, TagsPageKind.self, AnnotationsPageKind.self, NotFoundPageKind.self,
        ArchivePageKind.self, GraphPageKind.self, SearchPageKind.self, DigestPageKind.self, ArticlePageKind.self,
        EntityPageKind.self, EntityListPageKind.self, TagPageKind.self, UnanchoredPageKind.self,
    ]

    let site: AnalysedSite
    let theme: Theme
    let cache: RenderCache?
    let shared: SharedPageContext
    let brokenLinks: Diagnostic.Severity
    /// The site's published files (photo copies, attachments, static files), written beside the pages.
    let media: [OutputFile]
    /// Takes each page as soon as it is rendered (`gloss build` writes it to disk; the preview
    /// serves its first build's), so the pages' bytes are not all held until the end; nil keeps
    /// them in the returned files. Called from many threads at once (pages, then the search
    /// index beside the feeds and data).
    let sink: (@Sendable ([OutputFile]) -> Void)?

    /// - Parameters:
    ///   - cache: what an earlier build rendered (the preview keeps one); a page whose input or
    ///     model is unchanged is not rendered again.
    ///   - allowBrokenLinks: report broken internal links as warnings, not errors.
    ///   - media: the files of the image stage, which pages may link to.
    ///   - sink: where pages, feeds, data and the search index go as they are made, instead of
    ///     into the returned files.
    public init(site: AnalysedSite, theme: Theme, cache: RenderCache? = nil, allowBrokenLinks: Bool = false, media: [OutputFile] = [],
                sink: (@Sendable ([OutputFile]) -> Void)? = nil) {
        self.site = site
        self.media = media
        self.sink = sink
        self.theme = theme
        self.cache = cache
        self.shared = SharedPageContext(site: site, theme: theme, cards: cache?.cards ?? ArticleCards(), destinations: cache?.destinations)
        self.brokenLinks = allowBrokenLinks ? .warning : .error
    }

    /// - Returns: the files (in a fixed order: pages, feeds and data, theme assets, search
    ///   index; with a sink only those it was not given), diagnostics, how many pages were
    ///   actually rendered, and the paths of the files handed to the sink.
    public func render() -> (files: [OutputFile], diagnostics: [Diagnostic], pagesRendered: Int, written: [String]) {
        // The search index reads only the analysis, so it is made beside the rest. With a cache
        // (the preview) it starts with the pages: a rebuild's passes over the whole site would
        // otherwise wait for each other on one core. Without one it starts once the pages are
        // checked and what they needed is freed, beside the data files, which are made one at a
        // time: after them, it was the last 4–5 s of a 10,000-article build, on one core or two.
        // Files made after the pages go to the sink as they are made too, but for a path a static
        // file claims (it may replace a generated file that is not a page): merged below.
        let claimed = Set(media.map(\.path))
        let searchFiles = RoutedFiles(sink: sink, claimed: claimed)
        let startSearch = { [site, cache] in
            BackgroundWork { SearchIndexBuilder(site: site, cache: cache?.search).write(searchFiles.add) }
        }
        let searchWithPages = cache == nil ? nil : startSearch()
        var made = renderPages()
        // Taken, not copied: appending to a copy still shared with `made` would copy every page.
        var files: [OutputFile] = []
        swap(&files, &made.files)
        var diagnostics = made.diagnostics
        if site.content.config.baseURL == nil {
            diagnostics.append(.warning("gloss.yml", "no `base_url`: feed.xml, feed.json, sitemap.xml and robots.txt are not written (they need absolute URLs)"))
        }
        var written = sink == nil ? [] : made.paths
        let feedsAndData = derivedFiles(pages: made.paths)
        let assets = theme.assets.keys.sorted()
        // Every page is checked against every file but the search index's (whose paths are
        // known before they are made), and what the check read of the pages is freed: the
        // search index's files, none of them a page, settle what they can after.
        let checker = LinkChecker(severity: brokenLinks)
        var findings = checker.findings(pages: made.links, files: Set(made.paths + feedsAndData.map(\.path) + assets + claimed),
                                        memo: cache?.linkCheck)
        made.links = []
        if cache == nil { shared.cards.removeAll() }
        let search = searchWithPages ?? startSearch()
        let derived = RoutedFiles(sink: sink, claimed: claimed)
        // One at a time: made side by side they held 25-50 MB more at the peak of a 10,000-article
        // build (two large JSON exports at once) to save about a second.
        for file in feedsAndData {
            // Written as it is made when it goes to disk with no cache to keep it (`SpooledFile`).
            if sink != nil, cache == nil, !claimed.contains(file.path), let spooled = SpooledFile(file) {
                derived.add(spooled.file)
                spooled.remove()
                continue
            }
            let entry = made.previous[file.path].flatMap { $0.model == file.model ? $0 : nil }
                ?? RenderCache.Entry(input: nil, model: cache == nil ? nil : file.model, bytes: file.make())
            derived.add(OutputFile(path: file.path, bytes: entry.bytes))
            if cache != nil { made.kept[file.path] = entry }
        }
        cache?.finish(made.kept)
        made.previous = [:]
        made.kept = [:]
        assets.forEach { derived.add(OutputFile(path: $0, bytes: theme.assets[$0]!)) }
        derived.take(into: &files, written: &written)
        search.value
        findings = LinkChecker.settled(findings, by: searchFiles.take(into: &files, written: &written))
        files = PublishedFiles.merge(media, into: files, written: Set(written), sources: site.files, diagnostics: &diagnostics)
        diagnostics += shared.links.unknownSources(severity: brokenLinks)
        diagnostics += checker.report(findings, content: shared.links)
        return (files, diagnostics, made.pagesRendered, written)
    }

    /// What the page pass leaves for the rest of the render stage.
    struct PagesMade {
        /// The pages' bytes, when there is no sink to take them.
        var files: [OutputFile] = []
        /// Every page's path, in the order of `kinds`.
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var pagesRendered = 0
        /// What each page links to, for the link check.
        var links: [LinkChecker.Page] = []
        /// The previous build's files (the cache's), and this build's for the next.
        var previous: [String: RenderCache.Entry] = [:]
        var kept: [String: RenderCache.Entry] = [:]
    }

    /// Every page, through its template, in parallel; each goes to the sink as it is made.
    func renderPages() -> PagesMade {
        // Each kind's pages and their inputs side by side (the preview makes all 14,500 on every rebuild).
        let jobs = Self.kinds.concurrentMapBalanced { $0.jobs(site) }.flatMap { $0 }
        let previous = cache?.begin(templates: theme.sources, links: shared.links) ?? (entries: [:], links: nil)
        let renderer = self
        // A page kept for its input alone resolved its `@/` links against last build's files.
        let inputsHold = previous.links?.destinations == shared.links.destinations
        let hrefs = LinkChecker.HrefTable()
        // One page at a time: pages of one kind come together, and some kinds cost far more than
        // others (a tag page of 50 cards), so fixed chunks left one core rendering tag pages alone.
        let rendered = jobs.concurrentMapBalanced { job in
            let outcome = renderer.render(job, last: previous.entries[job.route.path], inputsHold: inputsHold, hrefs: hrefs)
            guard let sink = renderer.sink, case .success(let entry) = outcome.0 else { return outcome }
            sink([OutputFile(path: job.route.path, bytes: entry.bytes)])
            // Written: its bytes stay in memory only when a cache keeps them for the next build.
            return renderer.cache == nil ? (.success(entry.withoutBytes), outcome.how) : outcome
        }
        if let links = previous.links {
            shared.links.inherit(jobs.indices.compactMap { rendered[$0].how == .sameInput ? jobs[$0].route.path : nil }, from: links)
        }
        var made = PagesMade(previous: previous.entries)
        // Jobs are read by index here: a loop over `zip` copies each job (its input, closures and
        // route) once per pass, 14,500 of them on every preview rebuild.
        for index in jobs.indices {
            let outcome = rendered[index]
            if outcome.how == .rendered { made.pagesRendered += 1 }
            switch outcome.0 {
            case .success(let entry):
                let path = jobs[index].route.path
                if sink == nil { made.files.append(OutputFile(path: path, bytes: entry.bytes)) }
                made.paths.append(path)
                if cache != nil { made.kept[path] = entry }
                if let links = entry.links {
                    made.links.append(LinkChecker.Page(path: path, template: jobs[index].template, links: links, reused: outcome.how != .rendered))
                }
            case .failure(let diagnostic): if !made.diagnostics.contains(diagnostic) { made.diagnostics.append(diagnostic) }
            }
        }
        // Freeing every page's input is a pass over the whole site of its own (about 30 ms of a
        // preview rebuild at 10,000 articles): done on another thread, the result need not wait.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime((jobs, rendered)) {} }
        return made
    }

    /// How a page was made: kept without building its model, kept after comparing it, or rendered.
    enum Making { case sameInput, sameModel, rendered }

    /// One page, reusing `last` (the previous build's) when its input or its model is unchanged.
    /// - Parameters:
    ///   - inputsHold: false when inputs alone cannot tell (content files came or went).
    ///   - hrefs: the build's one copy of each link the pages have.
    func render(_ job: PageJob, last: RenderCache.Entry?, inputsHold: Bool, hrefs: LinkChecker.HrefTable) -> (Result<RenderCache.Entry, Diagnostic>, how: Making) {
        if inputsHold, let last, let input = last.input, input.settingsRevision == site.settingsRevision, job.hasInput(input.value) {
            return (.success(last), .sameInput)
        }
        let model = job.model(shared.page(job.route))
        // The input and model are kept only where there is a cache to keep them in.
        let input = cache == nil ? nil : (value: job.input, settingsRevision: site.settingsRevision)
        if let last, last.model == model {
            return (.success(RenderCache.Entry(input: input, model: model, bytes: last.bytes, links: last.links)), .sameModel)
        }
        guard let encodable = model.base as? any Encodable, let html = theme.render(encodable, template: job.template) else {
            return (.failure(.error("Templates/\(job.template).mustache", "template `\(job.template)` is missing: it is needed for \(job.route.path)")), .rendered)
        }
        let bytes = Array(html.utf8)
        return (.success(RenderCache.Entry(input: input, model: cache == nil ? nil : model, bytes: bytes, links: LinkChecker.PageLinks(html: bytes, hrefs: hrefs))), .rendered)
    }

    /// Feeds and sitemap (when there is a `base_url`), and the data exports.
    func derivedFiles(pages: [String]) -> [DerivedFile] {
        var derived: [DerivedFile] = []
        if let base = site.content.config.baseURL {
            derived += Sitemap(base: base).files(pages: pages, site: site)
            derived += Feeds(site: site, base: base, shared: shared).files()
        }
        return derived + DataExport(site: site, memo: cache?.exports).files()
    }
}

/// Files the render stage makes after its pages (feeds, data, assets, the search index): each
/// handed to the sink as it is made, or kept when there is no sink or a static file claims its
/// path. Safe to call from a background task (the search index's) while the stage goes on.
final class RoutedFiles: @unchecked Sendable {
    private let sink: (@Sendable ([OutputFile]) -> Void)?
    private let claimed: Set<String>
    private let lock = NSLock()
    private var written: [String] = []
    private var kept: [OutputFile] = []

    init(sink: (@Sendable ([OutputFile]) -> Void)?, claimed: Set<String>) {
        (self.sink, self.claimed) = (sink, claimed)
    }

    func add(_ file: OutputFile) {
        if let sink, !claimed.contains(file.path) {
            sink([file])
            lock.withLock { written.append(file.path) }
        } else {
            lock.withLock { kept.append(file) }
        }
    }

    /// Appends what was added, in order, to the stage's files and written paths; returns its paths.
    @discardableResult
    func take(into files: inout [OutputFile], written paths: inout [String]) -> Set<String> {
        let (written, kept) = lock.withLock { (self.written, self.kept) }
        paths += written
        files += kept
        return Set(written + kept.map(\.path))
    }
}
