import GlossAnalysis
import GlossContent
import GlossMarkdown
import GlossSearch

/// The render stage: every page of the site through the theme's templates, in parallel.
public struct SiteRenderer: Sendable {
    let site: AnalysedSite
    let index: SiteIndex
    let theme: Theme
    let info: SiteInfo
    let items: DetailItems
    let cache: RenderCache?

    /// - Parameter cache: what an earlier build rendered (the preview keeps one); a page whose
    ///   inputs or model are unchanged is not rendered again.
    public init(site: AnalysedSite, theme: Theme, cache: RenderCache? = nil) {
        self.site = site
        self.index = SiteIndex(site)
        self.items = DetailItems(site: site, cache: cache?.items)
        self.theme = theme
        self.cache = cache
        let config = site.content.config
        self.info = SiteInfo(title: config.title, description: config.description, author: config.author,
                             language: config.language, feedURL: config.baseURL.map { $0 + "feed.xml" })
    }

    /// A page to render: its output path, how to build its template context and, for the
    /// pages made from a few articles, what that context is made from (see `PageInputs`).
    struct PageJob: Sendable {
        var path: String
        var template: String
        var inputs: (@Sendable (SiteRenderer) -> PageInputs)? = nil
        var make: @Sendable (SiteRenderer) -> AnyHashable
    }

    /// - Returns: the files (in a fixed order: pages, feeds and data, theme assets, search
    ///   index), diagnostics, and how many pages were actually rendered.
    public func render() -> (files: [OutputFile], diagnostics: [Diagnostic], pagesRendered: Int) {
        let jobs = self.jobs()
        let renderer = self
        let previous = cache?.begin(templates: theme.sources) ?? [:]
        let rendered = jobs.concurrentMap { renderer.render($0, last: previous[$0.path]) }
        var kept: [String: RenderCache.Entry] = [:]
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (job, (result, _)) in zip(jobs, rendered) {
            switch result {
            case .success(let entry):
                files.append(OutputFile(path: job.path, bytes: entry.bytes))
                kept[job.path] = entry
            case .failure(let diagnostic): if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        if site.content.config.baseURL == nil {
            diagnostics.append(.warning("gloss.yml", "no `base_url`: feed.xml, feed.json, sitemap.xml and robots.txt are not written (they need absolute URLs)"))
        }
        for file in derivedFiles(pages: files.map(\.path)) {
            let entry = previous[file.path].flatMap { $0.model == file.model ? $0 : nil }
                ?? RenderCache.Entry(inputs: nil, model: file.model, bytes: file.make())
            files.append(OutputFile(path: file.path, bytes: entry.bytes))
            kept[file.path] = entry
        }
        cache?.finish(kept)
        files += theme.assets.keys.sorted().map { OutputFile(path: $0, bytes: theme.assets[$0]!) }
        files += SearchIndexBuilder(site: site, cache: cache?.search).files()
        return (files, diagnostics, rendered.filter(\.rendered).count)
    }

    /// Every page of the site.
    func jobs() -> [PageJob] {
        var jobs: [PageJob] = [
            PageJob(path: "index.html", template: "index", inputs: { $0.digestInputs(0) }) { $0.homePage() },
            PageJob(path: "entities/index.html", template: "entities") { $0.entitiesPage() },
            PageJob(path: "tags/index.html", template: "tags") { $0.tagsPage() },
            PageJob(path: "annotations/index.html", template: "annotations") { $0.annotationsPage() },
            PageJob(path: "404.html", template: "404") { $0.notFoundPage() },
            PageJob(path: "digests/index.html", template: "archive") { $0.archivePage() },
            PageJob(path: "graph/index.html", template: "graph") { $0.graphPage() },
            PageJob(path: "search/index.html", template: "search") { $0.searchPage() },
        ]
        for digest in site.digests.indices {
            jobs.append(PageJob(path: "digests/\(site.digests[digest].slug)/index.html", template: "digest",
                                inputs: { $0.digestInputs(digest) }) { $0.digestPage(digest) })
        }
        for article in site.articles.indices {
            jobs.append(PageJob(path: "articles/\(site.articles[article].article.slug)/index.html", template: "article",
                                inputs: { $0.articleInputs(article) }) { $0.articlePage(article) })
        }
        for entity in site.registry.entities.indices {
            jobs.append(PageJob(path: "entities/\(site.registry.entities[entity].slug)/index.html", template: "entity",
                                inputs: { $0.entityInputs(entity) }) { $0.entityPage(entity) })
        }
        for tag in index.tags.indices {
            jobs.append(PageJob(path: "tags/\(index.tags[tag].slug)/index.html", template: "tag",
                                inputs: { $0.tagInputs(tag) }) { $0.tagPage(tag) })
        }
        if site.articles.contains(where: { !$0.orphans.isEmpty }) {
            jobs.append(PageJob(path: "annotations/unanchored/index.html", template: "unanchored") { $0.unanchoredPage() })
        }
        return jobs
    }

    /// One page, reusing `last` (the previous build's) when its inputs or its model are unchanged.
    func render(_ job: PageJob, last: RenderCache.Entry?) -> (Result<RenderCache.Entry, Diagnostic>, rendered: Bool) {
        // Inputs are worked out only when there is a cache to keep them in.
        let inputs = cache == nil ? nil : job.inputs?(self)
        if let last, let inputs, last.inputs == inputs { return (.success(last), false) }
        let model = job.make(self)
        if let last, last.model == model { return (.success(RenderCache.Entry(inputs: inputs, model: model, bytes: last.bytes)), false) }
        guard let html = theme.render(model.base, template: job.template) else {
            return (.failure(.error("Templates/\(job.template).mustache", "template `\(job.template)` is missing: it is needed for \(job.path)")), true)
        }
        return (.success(RenderCache.Entry(inputs: inputs, model: model, bytes: Array(html.utf8))), true)
    }

    /// Feeds and sitemap (when there is a `base_url`), and the data exports.
    func derivedFiles(pages: [String]) -> [DerivedFile] {
        var derived: [DerivedFile] = []
        if let base = site.content.config.baseURL {
            derived += Sitemap(base: base).files(pages: pages, site: site)
            derived += Feeds(site: site, base: base).files()
        }
        return derived + DataExport(site: site, index: index).files()
    }

    // MARK: - Shared pieces

    func chrome(_ path: String, title: String, kind: String, description: String? = nil,
                crumbs: [Crumb] = [], ogType: String = "website") -> PageChrome {
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") }
        let root = String(repeating: "../", count: depth)
        let canonical = site.content.config.baseURL.map { $0 + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path) }
        let trail = crumbs.isEmpty ? [] : [Crumb(title: "Home", url: root.isEmpty ? "./" : root)] + crumbs
        return PageChrome(title: title, description: description ?? site.content.config.description, kind: kind, root: root,
                          canonical: canonical, ogType: ogType, breadcrumbs: trail, isHome: path == "index.html")
    }

    func articleItem(_ index: Int, root: String) -> ArticleItem {
        if root == DetailItems.root { return items.articles[index] }
        let entities = items.articleEntities[index].prefix(DetailItems.cardEntities).map {
            EntityRef(name: $0.name, url: root + $0.url.dropFirst(DetailItems.root.count), count: $0.count)
        }
        return DetailItems.card(site.articles[index], url: "\(root)articles/\(site.articles[index].article.slug)/", entities: entities)
    }

    func noteItem(_ note: AnchoredNote, article: Int, root: String) -> NoteItem {
        let a = note.annotation
        return NoteItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, author: a.author, date: a.date?.display,
                        passage: note.passage, bodyHTML: note.bodyHTML,
                        url: "\(root)articles/\(site.articles[article].article.slug)/#note-\(a.id)",
                        articleTitle: site.articles[article].article.title)
    }
}
