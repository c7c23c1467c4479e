import GlossContent

/// Cross-article facts gathered in one pass over the analysed articles: who is mentioned where,
/// who appears with whom, which notes and quotes belong to which entity, which articles carry
/// which tag. Cost grows with mentions, never with articles × entities.
public struct SiteIndex: Sendable {
    public struct ArticleMention: Sendable, Hashable {
        public var article: Int
        public var count: Int
        public var snippet: String
    }

    public struct NoteRef: Sendable, Hashable {
        public var article: Int
        public var note: Int
    }

    public struct QuoteRef: Sendable, Hashable {
        public var article: Int
        public var quote: Int
    }

    public struct Tag: Sendable, Hashable {
        public var slug: String
        public var name: String
        /// Newest first.
        public var articles: [Int]
    }

    /// By entity index; articles newest first.
    public var mentions: [[ArticleMention]]
    /// By entity index: (other entity, number of articles mentioning both), most first.
    public var appearsWith: [[(entity: Int, count: Int)]]
    public var notes: [[NoteRef]]
    public var quotes: [[QuoteRef]]
    /// By slug.
    public var tags: [Tag]
    /// Tag name → slug (made once per name: slugs fold Unicode, which is not free).
    public var tagSlugs: [String: String]
    /// By article: other articles ranked by the number of entities they share, most first.
    public var related: [[(article: Int, shared: Int)]]

    /// Articles considered per shared entity when ranking related articles: keeps the pass
    /// linear even when one entity (a country, say) appears in every article.
    static let relatedCandidatesPerEntity = 200

    public init(_ site: AnalysedSite) {
        let entityCount = site.registry.entities.count
        var mentions = Array(repeating: [ArticleMention](), count: entityCount)
        var notes = Array(repeating: [NoteRef](), count: entityCount)
        var quotes = Array(repeating: [QuoteRef](), count: entityCount)
        var tagArticles: [String: (name: String, articles: [Int])] = [:]
        var tagSlugs: [String: String] = [:]
        // By index, not `enumerated()`: that copies every article (dozens of references each).
        for articleIndex in site.articles.indices {
            for mention in site.articles[articleIndex].mentions {
                mentions[mention.entity].append(ArticleMention(article: articleIndex, count: mention.count, snippet: mention.snippet))
            }
            for (noteIndex, note) in site.articles[articleIndex].notes.enumerated() {
                for entity in Set(note.mentionedEntities).sorted() {
                    notes[entity].append(NoteRef(article: articleIndex, note: noteIndex))
                }
            }
            for (quoteIndex, quote) in site.articles[articleIndex].quotes.enumerated() {
                if let speaker = quote.speaker { quotes[speaker].append(QuoteRef(article: articleIndex, quote: quoteIndex)) }
            }
            for tag in site.articles[articleIndex].article.tags {
                let slug = tagSlugs[tag] ?? Slug.make(from: tag)
                tagSlugs[tag] = slug
                tagArticles[slug, default: (tag, [])].articles.append(articleIndex)
            }
        }
        self.mentions = mentions
        self.appearsWith = Self.company(site, mentions: mentions)
        self.notes = notes
        self.tagSlugs = tagSlugs
        self.quotes = quotes
        self.tags = tagArticles.keys.sorted().map { Tag(slug: $0, name: tagArticles[$0]!.name, articles: tagArticles[$0]!.articles) }
        self.related = Self.relatedArticles(site.articles, mentions: mentions)
    }

    /// For each entity, the other entities mentioned in the articles that mention it, with the
    /// number of such articles, most first (ties by name). Counted per entity on all cores,
    /// in one dense array per worker.
    static func company(_ site: AnalysedSite, mentions: [[ArticleMention]]) -> [[(entity: Int, count: Int)]] {
        let names = site.registry.entities.map(\.name)
        return Array(mentions.indices).concurrentChunks { chunk in
            var counts = [Int32](repeating: 0, count: names.count)
            var touched: [Int] = []
            return chunk.map { entity -> [(entity: Int, count: Int)] in
                for mention in mentions[entity] {
                    for other in site.articles[mention.article].mentions where other.entity != entity {
                        if counts[other.entity] == 0 { touched.append(other.entity) }
                        counts[other.entity] += 1
                    }
                }
                let company = touched.map { (entity: $0, count: Int(counts[$0])) }
                    .sorted { ($1.count, names[$0.entity]) < ($0.count, names[$1.entity]) }
                for other in touched { counts[other] = 0 }
                touched.removeAll(keepingCapacity: true)
                return company
            }
        }
    }

    /// Ranks, for each article, the articles sharing most entities with it; ties go to the
    /// nearer in time. Each entity contributes its nearest articles only, so cost is bounded.
    /// Counts go into one dense array per worker (reset through the list of touched slots) and
    /// the best `limit` are kept by insertion, so no dictionary and no full sort per article.
    static func relatedArticles(_ articles: [AnalysedArticle], mentions: [[ArticleMention]], limit: Int = 5) -> [[(article: Int, shared: Int)]] {
        let positions = mentions.map { list in list.map { Int32($0.article) } }
        let half = relatedCandidatesPerEntity / 2
        return Array(articles.indices).concurrentChunks { chunk in
            var shared = [Int32](repeating: 0, count: articles.count)
            var touched: [Int] = []
            return chunk.map { article -> [(article: Int, shared: Int)] in
                for mention in articles[article].mentions {
                    let list = positions[mention.entity]
                    guard let position = Self.position(of: Int32(article), in: list) else { continue }
                    for index in max(0, position - half)..<min(list.count, position + half + 1) {
                        let other = Int(list[index])
                        guard other != article else { continue }
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                var best: [(article: Int, shared: Int)] = []
                for other in touched {
                    let candidate = (article: other, shared: Int(shared[other]))
                    shared[other] = 0
                    let key = { (c: (article: Int, shared: Int)) in (-c.shared, abs(c.article - article), c.article) }
                    guard best.count < limit || key(candidate) < key(best[best.count - 1]) else { continue }
                    let at = best.firstIndex { key(candidate) < key($0) } ?? best.count
                    best.insert(candidate, at: at)
                    if best.count > limit { best.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                return best
            }
        }
    }

    /// Index of `article` in an entity's article list (ascending: articles are visited in order).
    static func position(of article: Int32, in list: [Int32]) -> Int? {
        let at = list.partitionPoint { $0 < article }
        return at < list.count && list[at] == article ? at : nil
    }

    /// Total mentions of an entity across the site.
    public func mentionCount(of entity: Int) -> Int { mentions[entity].reduce(0) { $0 + $1.count } }
}
