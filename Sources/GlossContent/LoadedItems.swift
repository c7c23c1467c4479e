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
        articles = Self.unique(articles, what: "article", dropped: &broken, diagnostics: &diagnostics)
        var ignored: Set<String> = []
        entities = Self.unique(entities, what: "entity", dropped: &ignored, diagnostics: &diagnostics)
        entities = Self.withinRegistryBudget(entities.sorted { $0.slug < $1.slug }, diagnostics: &diagnostics)
        annotations = Self.unique(annotations, what: "annotation", dropped: &ignored, diagnostics: &diagnostics)
        digests = Self.unique(digests, what: "digest", dropped: &ignored, diagnostics: &diagnostics)

        // Items are read by index here: a loop over them would copy each whole item (50,000 notes).
        let drafts = Set(articles.indices.filter { articles[$0].draft }.map { articles[$0].slug })
        if !includeDrafts, !drafts.isEmpty { articles.removeAll(where: \.draft) }
        let known = Set(articles.indices.map { articles[$0].slug })
        let unreported = drafts.union(broken)
        // Only when some note must go: removing asks for a copy of an array the load cache shares.
        if annotations.indices.contains(where: { !known.contains(annotations[$0].article) }) {
            annotations.removeAll { annotation in
                if known.contains(annotation.article) { return false }
                if !unreported.contains(annotation.article) {
                    diagnostics.append(.error(annotation.path, line: annotation.quoteLine,
                        "annotation refers to article `\(annotation.article)`, which does not exist\(Self.suggestion(annotation.article, known))"))
                }
                return true
            }
        }
        for index in digests.indices {
            digests[index].articles = digests[index].articles.map { listed in
                Self.existing(listed, in: digests[index], known: known, unreported: unreported, diagnostics: &diagnostics)
            }
        }
        TagSpelling.unify(&articles, diagnostics: &diagnostics)

        // By timestamp, not the date's fields: two spellings of one instant must not compare unequal.
        articles.sortIfNeeded { ($0.date.timestamp, $1.slug) > ($1.date.timestamp, $0.slug) }
        entities.sortIfNeeded { $0.slug < $1.slug }
        annotations.sortIfNeeded { $0.id < $1.id }
        digests.sortIfNeeded { ($0.date, $0.slug) < ($1.date, $1.slug) }
        return self
    }

    /// The items whose key no other item has; each duplicate is an error naming the others.
    static func unique<T: Keyed>(_ items: [T], what: String, dropped: inout Set<String>, diagnostics: inout [Diagnostic]) -> [T] {
        // A set of keys first, read by index through a protocol: 50,000 notes are checked on
        // every preview rebuild, and a closure or a loop over them copied each whole note, as
        // grouping them made an array per note. Paths by key, when some repeat.
        var keys = Set<String>(minimumCapacity: items.count)
        guard items.indices.contains(where: { !keys.insert(items[$0].key).inserted }) else { return items }
        let groups = Dictionary(grouping: items.indices.map { (items[$0].key, items[$0].path) }, by: \.0)
        for (slug, group) in groups where group.count > 1 {
            dropped.insert(slug)
            let paths = group.map(\.1).sorted()
            for path in paths {
                diagnostics.append(.error(path, "duplicate \(what) `\(slug)`: also defined in \(paths.filter { $0 != path }.joined(separator: ", "))"))
            }
        }
        return items.filter { groups[$0.key]?.count == 1 }
    }

    /// What names an item (its slug, a note's id) and the file it comes from.
    protocol Keyed {
        var key: String { get }
        var path: String { get }
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

extension Array {
    /// Sorts only what is out of order. Sorting asks for a buffer of its own, and the lists a
    /// preview rebuild checks are shared with the load cache and nearly always in order already:
    /// 50,000 notes copied on every save for nothing.
    mutating func sortIfNeeded(by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard indices.dropFirst().contains(where: { areInIncreasingOrder(self[$0], self[$0 - 1]) }) else { return }
        sort(by: areInIncreasingOrder)
    }
}

extension Article: LoadedItems.Keyed { var key: String { slug } }
extension Entity: LoadedItems.Keyed { var key: String { slug } }
extension Digest: LoadedItems.Keyed { var key: String { slug } }
extension Annotation: LoadedItems.Keyed { var key: String { id } }
