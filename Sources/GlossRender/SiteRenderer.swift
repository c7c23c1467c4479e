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

    /// - Parameters:
    ///   - cache: what an earlier build rendered (the preview keeps one); a page whose input or
    ///     model is unchanged is not rendered again.
    ///   - allowBrokenLinks: report broken internal links as warnings, not errors.
    public init(site: AnalysedSite, theme: Theme, cache: RenderCache? = nil, allowBrokenLinks: Bool = false) {
        self.site = site
        self.theme = theme
        self.cache = cache
        self.shared = SharedPageContext(site: site, theme: theme, cards: cache?.cards ?? ArticleCards())
        self.brokenLinks = allowBrokenLinks ? .warning : .error
    }

    /// - Returns: the files (in a fixed order: pages, feeds and data, theme assets, search
    ///   index), diagnostics, and how many pages were actually rendered.
    public func render() -> (files: [OutputFile], diagnostics: [Diagnostic], pagesRendered: Int) {
        let jobs = Self.kinds.flatMap { $0.jobs(site) }
        let previous = cache?.begin(templates: theme.sources) ?? [:]
        let renderer = self
        let rendered = jobs.concurrentMap { renderer.render($0, last: previous[$0.route.path]) }
        var kept: [String: RenderCache.Entry] = [:]
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (job, (result, _)) in zip(jobs, rendered) {
            switch result {
            case .success(let entry):
                files.append(OutputFile(path: job.route.path, bytes: entry.bytes))
                kept[job.route.path] = entry
            case .failure(let diagnostic): if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        if site.content.config.baseURL == nil {
            diagnostics.append(.warning("gloss.yml", "no `base_url`: feed.xml, feed.json, sitemap.xml and robots.txt are not written (they need absolute URLs)"))
        }
        for file in derivedFiles(pages: files.map(\.path)) {
            let entry = previous[file.path].flatMap { $0.model == file.model ? $0 : nil }
                ?? RenderCache.Entry(input: nil, model: file.model, bytes: file.make())
            files.append(OutputFile(path: file.path, bytes: entry.bytes))
            kept[file.path] = entry
        }
        cache?.finish(kept)
        files += theme.assets.keys.sorted().map { OutputFile(path: $0, bytes: theme.assets[$0]!) }
        files += SearchIndexBuilder(site: site, cache: cache?.search).files()
        diagnostics += shared.links.unknownSources(severity: brokenLinks)
        diagnostics += LinkChecker(severity: brokenLinks).check(
            pages: zip(jobs, rendered).compactMap { job, outcome in
                guard case .success(let entry) = outcome.0, let links = entry.links else { return nil }
                return (job.route.path, job.template, links)
            },
            files: Set(files.map(\.path)), content: shared.links)
        return (files, diagnostics, rendered.filter(\.rendered).count)
    }

    /// One page, reusing `last` (the previous build's) when its input or its model is unchanged.
    func render(_ job: PageJob, last: RenderCache.Entry?) -> (Result<RenderCache.Entry, Diagnostic>, rendered: Bool) {
        if let last, let input = last.input, input.settingsRevision == site.settingsRevision, job.hasInput(input.value) {
            return (.success(last), false)
        }
        let model = job.model(shared.page(job.route))
        // The input is kept only where there is a cache to keep it in.
        let input = cache == nil ? nil : (value: job.input, settingsRevision: site.settingsRevision)
        if let last, last.model == model {
            return (.success(RenderCache.Entry(input: input, model: model, bytes: last.bytes, links: last.links)), false)
        }
        guard let encodable = model.base as? any Encodable, let html = theme.render(encodable, template: job.template) else {
            return (.failure(.error("Templates/\(job.template).mustache", "template `\(job.template)` is missing: it is needed for \(job.route.path)")), true)
        }
        let bytes = Array(html.utf8)
        return (.success(RenderCache.Entry(input: input, model: model, bytes: bytes, links: LinkChecker.PageLinks(html: bytes))), true)
    }

    /// Feeds and sitemap (when there is a `base_url`), and the data exports.
    func derivedFiles(pages: [String]) -> [DerivedFile] {
        var derived: [DerivedFile] = []
        if let base = site.content.config.baseURL {
            derived += Sitemap(base: base).files(pages: pages, site: site)
            derived += Feeds(site: site, base: base, shared: shared).files()
        }
        return derived + DataExport(site: site).files()
    }
}
