/// The checks that need more than one file. Each problem is reported once, here, and what
/// fails is left out, so later stages may assume what `SiteContent` promises:
/// - a slug (or note id) defined by two files is an error naming both, and every file defining
///   it is left out (keeping one would be a guess), with what refers to it, unreported;
/// - a note or digest naming an article that does not exist is an error, and the reference goes;
/// - the registry's names and aliases fit a budget (`maxRegistryBytes`);
/// - tags that differ only in case or Unicode normalisation ("Café", "CAFÉ", "Cafe\u{301}")
///   are one tag, spelt everywhere as its most used spelling; two tags that are not the same but
///   would share a page (`C++` and `C`, both `tags/c/`) are an error naming both.
struct LoadedItems {
    var articles: [Article] = []
    var entities: [Entity] = []
    var annotations: [Annotation] = []
    var digests: [Digest] = []
    /// Articles whose file failed to load: what refers to them is not reported again.
    var brokenArticles: Set<String> = []

    mutating func add(_ item: SiteLoader.Item?, path: String) {
        switch item {
        case .article(let article)?: articles.append(article)
        case .entity(let entity)?: entities.append(entity)
        case .annotation(let annotation)?: annotations.append(annotation)
        case .digest(let digest)?: digests.append(digest)
        case nil:
            if path.hasPrefix("content/articles/") { brokenArticles.insert(SiteLoader.slug(of: path)) }
        }
    }

    mutating func checked(includeDrafts: Bool, diagnostics: inout [Diagnostic]) -> LoadedItems {
        var broken = brokenArticles
        // Drafts count: a draft and a published article may not share a slug either.
        articles = Self.unique(articles, key: \.slug, path: \.path, what: "article", dropped: &broken, diagnostics: &diagnostics)
        var ignored: Set<String> = []
        entities = Self.unique(entities, key: \.slug, path: \.path, what: "entity", dropped: &ignored, diagnostics: &diagnostics)
        entities = Self.withinRegistryBudget(entities.sorted { $0.slug < $1.slug }, diagnostics: &diagnostics)
        annotations = Self.unique(annotations, key: \.id, path: \.path, what: "annotation", dropped: &ignored, diagnostics: &diagnostics)
        digests = Self.unique(digests, key: \.slug, path: \.path, what: "digest", dropped: &ignored, diagnostics: &diagnostics)

        let drafts = Set(articles.filter(\.draft).map(\.slug))
        if !includeDrafts { articles.removeAll(where: \.draft) }
        let known = Set(articles.map(\.slug))
        let unreported = drafts.union(broken)
        annotations.removeAll { annotation in
            if known.contains(annotation.article) { return false }
            if !unreported.contains(annotation.article) {
                diagnostics.append(.error(annotation.path, line: annotation.quoteLine,
                    "annotation refers to article `\(annotation.article)`, which does not exist\(Self.suggestion(annotation.article, known))"))
            }
            return true
        }
        for index in digests.indices {
            digests[index].articles = digests[index].articles.map { listed in
                Self.existing(listed, in: digests[index], known: known, unreported: unreported, diagnostics: &diagnostics)
            }
        }
        TagSpelling.unify(&articles, diagnostics: &diagnostics)

        // By timestamp, not the date's fields: two spellings of one instant must not compare unequal.
        articles.sort { ($0.date.timestamp, $1.slug) > ($1.date.timestamp, $0.slug) }
        entities.sort { $0.slug < $1.slug }
        annotations.sort { $0.id < $1.id }
        digests.sort { ($0.date, $0.slug) < ($1.date, $1.slug) }
        return self
    }

    /// The items whose key no other item has; each duplicate is an error naming the others.
    static func unique<T>(_ items: [T], key: (T) -> String, path: (T) -> String, what: String,
                          dropped: inout Set<String>, diagnostics: inout [Diagnostic]) -> [T] {
        // Paths by key, not the items themselves: 50,000 notes are grouped on every preview rebuild.
        let groups = Dictionary(grouping: items.map { (key($0), path($0)) }, by: \.0)
        guard groups.count < items.count else { return items }
        for (slug, group) in groups where group.count > 1 {
            dropped.insert(slug)
            let paths = group.map(\.1).sorted()
            for path in paths {
                diagnostics.append(.error(path, "duplicate \(what) `\(slug)`: also defined in \(paths.filter { $0 != path }.joined(separator: ", "))"))
            }
        }
        return items.filter { groups[key($0)]?.count == 1 }
    }

    /// Entity names and aliases, all together: every article is matched against one automaton
    /// built from them, whose size follows their bytes (about seven times what a registry of
    /// 10,000 entities with three aliases each needs). An entity that would go over is an
    /// error and is left out.
    static let maxRegistryBytes = 4 << 20

    static func withinRegistryBudget(_ entities: [Entity], diagnostics: inout [Diagnostic]) -> [Entity] {
        var total = 0
        return entities.filter { entity in
            let bytes = entity.surfaceForms.reduce(0) { $0 + $1.text.utf8.count } + entity.ambiguousAliases.reduce(0) { $0 + $1.utf8.count }
            guard total + bytes <= maxRegistryBytes else {
                diagnostics.append(.error(entity.path, line: entity.aliasesLine,
                    "the registry's names and aliases would pass \(maxRegistryBytes >> 20) MiB with this entity's \(bytes) bytes; it is left out"))
                return false
            }
            total += bytes
            return true
        }
    }

    /// A digest's list of articles, each once and each one that exists (drafts and broken
    /// articles are left out silently: they are reported where they are).
    static func existing(_ listed: [String], in digest: Digest, known: Set<String>, unreported: Set<String>,
                         diagnostics: inout [Diagnostic]) -> [String] {
        var seen: Set<String> = []
        return listed.filter { slug in
            guard known.contains(slug) else {
                if !unreported.contains(slug) {
                    diagnostics.append(.error(digest.path, line: digest.articlesLine,
                        "digest lists article `\(slug)`, which does not exist\(suggestion(slug, known))"))
                }
                return false
            }
            guard seen.insert(slug).inserted else {
                diagnostics.append(.warning(digest.path, line: digest.articlesLine, "digest lists article `\(slug)` twice; it is shown once"))
                return false
            }
            return true
        }
    }

    static func suggestion(_ slug: String, _ known: Set<String>) -> String {
        FrontMatterDecoder.nearest(slug, in: known.sorted()).map { " (did you mean `\($0)`?)" } ?? ""
    }
}
