import Foundation

/// Everything a site says, validated: the output of the load stage.
public struct SiteContent: Sendable {
    /// Absolute path of the site folder.
    public var root: String
    public var config: SiteConfig
    /// Newest first; ties by slug, so order never depends on the file system.
    public var articles: [Article]
    /// By slug.
    public var entities: [Entity]
    /// By id.
    public var annotations: [Annotation]
    /// Editors' digests, by date then slug.
    public var digests: [Digest]
    /// The site's own `Templates/` folder, when it has one.
    public var templatesFolder: String?
    /// Every file beside content and under `static/` (see `SiteFile`), and what each is once the
    /// image stage has looked (until then, every one is a plain file).
    public var media = SiteMedia()
}

/// What a site is made from, relative to its folder; nothing else in it (the output, a README,
/// tools) is read. The preview watches these, and `gloss build` compares them with last time's.
public enum SiteInputs {
    public static let folders = ["content", "Templates", "static"]
    public static let configFile = "gloss.yml"
}

/// Reads a site folder: `gloss.yml` and everything under `content/`. Every problem becomes a
/// diagnostic and loading goes on, so one run reports them all.
public enum SiteLoader {
    /// - Parameter cache: parsed files of an earlier load (the preview keeps one), reused when a
    ///   file's size and modification time are unchanged.
    public static func load(from root: String, includeDrafts: Bool = false,
                            cache: LoadCache? = nil) -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(root: root, diagnostics: &diagnostics)

        let start = cache?.begin(root: root) ?? LoadCache.Start()
        let previous = start.entries, trusted = start.trusted
        var attachments: [ContentTree.File] = []
        let files = contentFiles(root: root, attachments: &attachments, diagnostics: &diagnostics) { path in
            trusted(path) ? previous[path]?.stamp : nil
        }
        let parsed = files.concurrentMap { file -> LoadCache.Entry in
            if let hit = previous[file.path], hit.stamp == file.stamp { return hit }
            let (value, diagnostics) = parse(file.path, root: root)
            return LoadCache.Entry(stamp: file.stamp, value: value, diagnostics: diagnostics)
        }
        cache?.finish(files.map(\.path), parsed)

        var articles: [Article] = []
        var entities: [Entity] = []
        var annotations: [Annotation] = []
        var digests: [Digest] = []
        var draftSlugs: Set<String> = []
        var articlePaths: [(String, String)] = []
        // Articles whose file failed to load: their notes are not reported again as orphans.
        var brokenArticles: Set<String> = []
        for (path, item) in zip(files.map(\.path), parsed) {
            diagnostics += item.diagnostics
            if item.value == nil, path.hasPrefix("content/articles/") {
                brokenArticles.insert(slug(of: path))
            }
            switch item.value {
            case .article(let article)?:
                articlePaths.append((article.slug, article.path))
                if article.draft && !includeDrafts { draftSlugs.insert(article.slug) } else { articles.append(article) }
            case .entity(let entity)?: entities.append(entity)
            case .annotation(let annotation)?: annotations.append(annotation)
            case .digest(let digest)?: digests.append(digest)
            case nil: break
            }
        }
        diagnostics += duplicates(articlePaths, what: "article")
        diagnostics += duplicates(entities.map { ($0.slug, $0.path) }, what: "entity")
        diagnostics += duplicates(annotations.map { ($0.id, $0.path) }, what: "annotation")
        diagnostics += duplicates(digests.map { ($0.slug, $0.path) }, what: "digest")

        let articleSlugs = Set(articles.map(\.slug))
        annotations = annotations.filter { annotation in
            if articleSlugs.contains(annotation.article) { return true }
            if draftSlugs.contains(annotation.article) || brokenArticles.contains(annotation.article) { return false }
            diagnostics.append(.error(annotation.path, line: annotation.quoteLine,
                "annotation refers to article `\(annotation.article)`, which does not exist\(suggestion(annotation.article, articleSlugs))"))
            return false
        }

        // By timestamp, not the date's fields: two spellings of one instant must not compare unequal.
        articles.sort { ($0.date.timestamp, $1.slug) > ($1.date.timestamp, $0.slug) }
        entities.sort { $0.slug < $1.slug }
        annotations.sort { $0.id < $1.id }
        digests.sort { ($0.date, $0.slug) < ($1.date, $1.slug) }
        for digest in digests {
            for slug in digest.articles ?? [] where !articleSlugs.contains(slug) && !draftSlugs.contains(slug) {
                diagnostics.append(.error(digest.path, line: digest.articlesLine,
                    "digest lists article `\(slug)`, which does not exist\(suggestion(slug, articleSlugs))"))
            }
        }
        var templates: String? = root + "/Templates"
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: templates!, isDirectory: &isDirectory) || !isDirectory.boolValue { templates = nil }
        guard let config else { return (nil, diagnostics.sorted()) }
        return (SiteContent(root: root, config: config, articles: articles, entities: entities,
                            annotations: annotations, digests: digests, templatesFolder: templates,
                            media: SiteMedia(unprobed: siteFiles(root: root, attachments: attachments, contentFiles: files))),
                diagnostics.sorted())
    }

    static func loadConfig(root: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let data = FileManager.default.contents(atPath: root + "/gloss.yml") else {
            diagnostics.append(.error("gloss.yml", "no gloss.yml in \(root): a site folder needs one with at least `title:` (run `gloss init` to start a site)"))
            return nil
        }
        switch SourceFile.parse(path: "gloss.yml", bytes: [UInt8](data)) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let file):
            let decoded = FrontMatterDecoder.decode(SiteConfigFields.self, yaml: file.body, path: "gloss.yml", firstLine: 1)
            diagnostics += decoded.diagnostics
            return decoded.value?.config
        }
    }

    /// Every Markdown file under `content/`, sorted, with its stamp (`known` may supply it, when a
    /// file watcher vouches for it); other files go to `attachments` (photos, documents: see
    /// `SiteFile`). Markdown Gloss does not read is reported, not skipped silently.
    static func contentFiles(root: String, attachments: inout [ContentTree.File], diagnostics: inout [Diagnostic],
                             known: @Sendable (String) -> ContentTree.Stamp? = { _ in nil }) -> [ContentTree.File] {
        guard let found = ContentTree.files(under: root + "/content", known: { known("content/" + $0) }) else {
            diagnostics.append(.error("content", "no content/ folder in \(root)"))
            return []
        }
        return found.compactMap { file in
            let path = "content/" + file.path
            let section = file.path.prefix { $0 != "/" }
            if !file.path.hasSuffix(".md") {
                attachments.append(ContentTree.File(path: path, stamp: file.stamp))
            } else if !["articles", "entities", "annotations", "digests"].contains(section) {
                diagnostics.append(.warning(path, "Gloss reads content/articles, entities, annotations and digests; this file is not used"))
            } else {
                return ContentTree.File(path: path, stamp: file.stamp)
            }
            return nil
        }
    }

    public enum Item: Sendable {
        case article(Article), entity(Entity), annotation(Annotation), digest(Digest)
    }

    public static func parse(_ path: String, root: String) -> (value: Item?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
            return (nil, [.error(path, "cannot read file")])
        }
        let file: SourceFile
        switch SourceFile.parse(path: path, bytes: [UInt8](data)) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): file = parsed
        }
        guard file.hasFrontMatter else {
            return (nil, [.error(path, "missing front matter: the file must start with a `---` line, YAML fields, and a closing `---` line")])
        }
        let components = path.split(separator: "/").map(String.init)
        let slug = slug(of: path)
        var diagnostics: [Diagnostic] = []
        if !Slug.isValid(slug) {
            let suggested = Slug.make(from: slug)
            diagnostics.append(.error(path, "invalid file name `\(slug)`: names must match [a-z0-9][a-z0-9-]*\(suggested.isEmpty ? "" : " (e.g. `\(suggested).md`)")"))
        }
        switch components[1] {
        case "articles":
            let decoded = FrontMatterDecoder.decode(ArticleFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            return (.article(Article(slug: slug, path: path, title: fields.title, date: fields.date, source: fields.source,
                                     url: fields.url, author: fields.author, tags: fields.tags, summary: fields.summary,
                                     draft: fields.draft, body: file.body, bodyLine: file.bodyLine,
                                     image: fields.leadImage(line: decoded.fieldLines["image"] ?? file.frontMatterLine))), diagnostics)
        case "entities":
            let decoded = FrontMatterDecoder.decode(EntityFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            return (.entity(Entity(slug: slug, path: path, name: fields.name, kind: fields.kind, aliases: fields.aliases,
                                   ambiguousAliases: fields.ambiguous_aliases, summary: fields.summary, links: fields.links, pronoun: fields.pronoun,
                                   body: file.body, bodyLine: file.bodyLine,
                                   aliasesLine: decoded.fieldLines["aliases"] ?? decoded.fieldLines["name"] ?? 1)), diagnostics)
        case "digests":
            let decoded = FrontMatterDecoder.decode(DigestFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            return (.digest(Digest(slug: slug, path: path, title: fields.title, date: fields.date, articles: fields.articles,
                                   body: file.body, bodyLine: file.bodyLine,
                                   articlesLine: decoded.fieldLines["articles"] ?? file.frontMatterLine)), diagnostics)
        default:
            let decoded = FrontMatterDecoder.decode(AnnotationFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            // content/annotations/<article>/<name>.md, or anywhere with an `article:` field.
            guard let article = fields.article ?? (components.count == 4 ? components[2] : nil) else {
                return (nil, diagnostics + [.error(path, line: file.frontMatterLine,
                    "cannot tell which article this note is on: put it in content/annotations/<article-slug>/ or add `article: <slug>`")])
            }
            return (.annotation(Annotation(id: "\(article)--\(slug)", path: path, article: article, name: slug,
                                           quote: fields.quote, prefix: fields.prefix, suffix: fields.suffix,
                                           occurrence: fields.occurrence, kind: fields.kind, author: fields.author,
                                           date: fields.date, body: file.body, bodyLine: file.bodyLine,
                                           quoteLine: decoded.fieldLines["quote"] ?? file.frontMatterLine)), diagnostics)
        }
    }

    static func duplicates(_ items: [(String, String)], what: String) -> [Diagnostic] {
        Dictionary(grouping: items, by: \.0)
            .filter { $0.value.count > 1 }
            .flatMap { slug, group -> [Diagnostic] in
                let paths = group.map(\.1).sorted()
                return paths.map { path in
                    .error(path, "duplicate \(what) `\(slug)`: also defined in \(paths.filter { $0 != path }.joined(separator: ", "))")
                }
            }
    }

    static func suggestion(_ slug: String, _ known: Set<String>) -> String {
        FrontMatterDecoder.nearest(slug, in: known.sorted()).map { " (did you mean `\($0)`?)" } ?? ""
    }
}
