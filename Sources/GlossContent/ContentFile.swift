/// One content file, read and decoded on its own: what can be checked without the rest of the
/// site. URL fields are checked here (`LinkPolicy`), so a refused URL never leaves the loader.
extension SiteLoader {
    public enum Item: Sendable {
        case article(Article), entity(Entity), annotation(Annotation), digest(Digest)
    }

    /// - Parameter path: site-relative, under `content/<section>/`, already vetted by the walk
    ///   of `content/` (symbolic links checked); read here within `SiteFolder.maxFileBytes`.
    public static func parse(_ path: String, root: String) -> (value: Item?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        switch SiteFolder.readFile(root + "/" + path) {
        case .failure(let failure): return (nil, [.error(path, failure.message)])
        case .success(let read): bytes = read
        }
        let file: SourceFile
        switch SourceFile.parse(path: path, bytes: bytes) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): file = parsed
        }
        guard file.hasFrontMatter else {
            return (nil, [.error(path, "missing front matter: the file must start with a `---` line, YAML fields, and a closing `---` line")])
        }
        let components = path.split(separator: "/").map(String.init)
        guard components.count >= 3 else { return (nil, [.error(path, "not a content file")]) }
        let slug = slug(of: path)
        var diagnostics: [Diagnostic] = []
        if !Slug.isValid(slug) {
            let suggested = Slug.make(from: slug)
            diagnostics.append(.error(path, "invalid file name `\(LinkPolicy.printable(slug))`: names must match [a-z0-9][a-z0-9-]*\(suggested.isEmpty ? "" : " (e.g. `\(suggested).md`)")"))
        }
        switch components[1] {
        case "articles":
            let decoded = FrontMatterDecoder.decode(ArticleFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            let url = fields.url.flatMap { url in
                allowedURL(url, field: "`url`", at: decoded.place(of: ["url"]), path: path, diagnostics: &diagnostics)
            }
            return (.article(Article(slug: slug, path: path, title: fields.title, date: fields.date, source: fields.source,
                                     url: url, author: fields.author, tags: fields.tags, summary: fields.summary,
                                     draft: fields.draft, body: file.body, bodyLine: file.bodyLine,
                                     image: fields.leadImage(line: decoded.fieldLines["image"] ?? file.frontMatterLine))), diagnostics)
        case "entities":
            let decoded = FrontMatterDecoder.decode(EntityFields.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine)
            diagnostics += decoded.diagnostics
            guard let fields = decoded.value, !diagnostics.hasErrors else { return (nil, diagnostics) }
            let links = fields.links.enumerated().filter { index, link in
                allowedURL(link.url, field: "`links[\(index)].url`", at: decoded.place(of: ["links", FieldKey(intValue: index), "url"]),
                           path: path, diagnostics: &diagnostics) != nil
            }.map(\.element)
            return (.entity(Entity(slug: slug, path: path, name: fields.name, kind: fields.kind, aliases: fields.aliases,
                                   ambiguousAliases: fields.ambiguous_aliases, summary: fields.summary, links: links, pronoun: fields.pronoun,
                                   roles: fields.roles, body: file.body, bodyLine: file.bodyLine,
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

    /// The URL when `LinkPolicy` allows it; else a warning, and nil (the field is left out).
    static func allowedURL(_ url: String, field: String, at place: (line: Int, column: Int), path: String,
                           diagnostics: inout [Diagnostic]) -> String? {
        if LinkPolicy.allows(url) { return url }
        diagnostics.append(LinkPolicy.refusal(url, in: field, path: path, line: place.line, column: place.column))
        return nil
    }
}
