import GlossAnalysis
import GlossContent
import GlossMarkdown

/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, `/`-separated, never containing `..`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// The render stage: every page of the site through the theme's templates, in parallel.
public struct SiteRenderer: Sendable {
    let site: AnalysedSite
    let index: SiteIndex
    let theme: Theme
    let info: SiteInfo

    public init(site: AnalysedSite, theme: Theme) {
        self.site = site
        self.index = SiteIndex(site)
        self.theme = theme
        let config = site.content.config
        self.info = SiteInfo(title: config.title, description: config.description, author: config.author,
                             language: config.language, feedURL: config.baseURL.map { $0 + "feed.xml" })
    }

    /// A page to render: its output path and how to build its template context.
    struct PageJob: Sendable {
        var path: String
        var template: String
        var make: @Sendable (SiteRenderer) -> AnyHashable
    }

    /// - Parameter cache: pages of an earlier build (the preview keeps one); a page whose model
    ///   is unchanged is not rendered again.
    /// - Returns: the files, diagnostics, and how many pages were actually rendered.
    public func render(cache: RenderCache? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic], pagesRendered: Int) {
        var jobs: [PageJob] = [
            PageJob(path: "index.html", template: "index") { $0.homePage() },
            PageJob(path: "entities/index.html", template: "entities") { $0.entitiesPage() },
            PageJob(path: "tags/index.html", template: "tags") { $0.tagsPage() },
            PageJob(path: "annotations/index.html", template: "annotations") { $0.annotationsPage() },
            PageJob(path: "404.html", template: "404") { $0.notFoundPage() },
            PageJob(path: "digests/index.html", template: "archive") { $0.archivePage() },
            PageJob(path: "graph/index.html", template: "graph") { $0.graphPage() },
            PageJob(path: "search/index.html", template: "search") { $0.searchPage() },
        ]
        for digest in site.digests.indices {
            jobs.append(PageJob(path: "digests/\(site.digests[digest].slug)/index.html", template: "digest") { $0.digestPage(digest) })
        }
        for article in site.articles.indices {
            jobs.append(PageJob(path: "articles/\(site.articles[article].article.slug)/index.html", template: "article") { $0.articlePage(article) })
        }
        for entity in site.registry.entities.indices {
            jobs.append(PageJob(path: "entities/\(site.registry.entities[entity].slug)/index.html", template: "entity") { $0.entityPage(entity) })
        }
        for tag in index.tags.indices {
            jobs.append(PageJob(path: "tags/\(index.tags[tag].slug)/index.html", template: "tag") { $0.tagPage(tag) })
        }
        if site.articles.contains(where: { !$0.orphans.isEmpty }) {
            jobs.append(PageJob(path: "annotations/unanchored/index.html", template: "unanchored") { $0.unanchoredPage() })
        }
        let renderer = self
        cache?.begin(templates: theme.sources)
        let rendered = jobs.concurrentMap { job -> (Result<OutputFile, Diagnostic>, rendered: Bool) in
            let model = job.make(renderer)
            if let bytes = cache?.page(job.path, model: model) { return (.success(OutputFile(path: job.path, bytes: bytes)), false) }
            guard let html = renderer.theme.render(model.base, template: job.template) else {
                return (.failure(.error("Templates/\(job.template).mustache", "template `\(job.template)` is missing: it is needed for \(job.path)")), true)
            }
            let file = OutputFile(path: job.path, text: html)
            cache?.store(job.path, model: model, bytes: file.bytes)
            return (.success(file), true)
        }
        cache?.keepOnly(Set(jobs.map(\.path)))
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (result, _) in rendered {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        if let base = site.content.config.baseURL {
            let dates = Dictionary(uniqueKeysWithValues: site.articles.map { ("articles/\($0.article.slug)/index.html", $0.article.date) })
            files += Sitemap(base: base).files(pages: files, lastModified: dates)
            files += Feeds(site: site, base: base).files()
        } else {
            diagnostics.append(.warning("gloss.yml", "no `base_url`: feed.xml, feed.json, sitemap.xml and robots.txt are not written (they need absolute URLs)"))
        }
        files += theme.assets.keys.sorted().map { OutputFile(path: $0, bytes: theme.assets[$0]!) }
        files += DataExport(site: site, index: index).files()
        files += SearchIndexBuilder(site: site, index: index).files()
        return (files.sorted { $0.path < $1.path }, diagnostics, rendered.filter(\.rendered).count)
    }

    // MARK: - Shared pieces

    func chrome(_ path: String, title: String, kind: String, description: String? = nil,
                crumbs: [Crumb] = [], ogType: String = "website") -> PageChrome {
        let depth = path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        let canonical = site.content.config.baseURL.map { $0 + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path) }
        let trail = crumbs.isEmpty ? [] : [Crumb(title: "Home", url: root.isEmpty ? "./" : root)] + crumbs
        return PageChrome(title: title, description: description ?? site.content.config.description, kind: kind, root: root,
                          canonical: canonical, ogType: ogType, breadcrumbs: trail, isHome: path == "index.html")
    }

    func articleItem(_ index: Int, root: String) -> ArticleItem {
        let analysed = site.articles[index]
        let article = analysed.article
        let noteCount = analysed.notes.count
        return ArticleItem(
            title: article.title, url: "\(root)articles/\(article.slug)/", date: article.date.display,
            isoDate: article.date.isoDate, source: article.source, summary: analysed.summary,
            noteCount: noteCount, noteCountLabel: counted(noteCount, "note"),
            entities: topEntities(analysed.mentions, root: root, limit: 8))
    }

    func topEntities(_ mentions: [EntityMention], root: String, limit: Int = .max) -> [EntityRef] {
        let entities = site.registry.entities
        return mentions.sorted { ($1.count, entities[$0.entity].name) < ($0.count, entities[$1.entity].name) }
            .prefix(limit)
            .map { EntityRef(name: entities[$0.entity].name, url: "\(root)entities/\(entities[$0.entity].slug)/", count: $0.count) }
    }

    func noteItem(_ note: AnchoredNote, article: Int, root: String) -> NoteItem {
        let a = note.annotation
        return NoteItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, author: a.author, date: a.date?.display,
                        passage: note.passage, bodyHTML: note.bodyHTML,
                        url: "\(root)articles/\(site.articles[article].article.slug)/#note-\(a.id)",
                        articleTitle: site.articles[article].article.title)
    }
}
