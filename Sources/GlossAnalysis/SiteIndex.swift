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
    /// By article: other articles ranked by the number of entities they share, most first.
    public var related: [[(article: Int, shared: Int)]]

    /// Articles considered per shared entity when ranking related articles: keeps the pass
    /// linear even when one entity (a country, say) appears in every article.
    static let relatedCandidatesPerEntity = 200

    public init(_ site: AnalysedSite) {
        let entityCount = site.registry.entities.count
        var mentions = Array(repeating: [ArticleMention](), count: entityCount)
        var pairs = Array(repeating: [Int: Int](), count: entityCount)
        var notes = Array(repeating: [NoteRef](), count: entityCount)
        var quotes = Array(repeating: [QuoteRef](), count: entityCount)
        var tagArticles: [String: (name: String, articles: [Int])] = [:]
        for (articleIndex, article) in site.articles.enumerated() {
            for mention in article.mentions {
                mentions[mention.entity].append(ArticleMention(article: articleIndex, count: mention.count, snippet: mention.snippet))
                for other in article.mentions where other.entity != mention.entity {
                    pairs[mention.entity][other.entity, default: 0] += 1
                }
            }
            for (noteIndex, note) in article.notes.enumerated() {
                for entity in Set(note.mentionedEntities).sorted() {
                    notes[entity].append(NoteRef(article: articleIndex, note: noteIndex))
                }
            }
            for (quoteIndex, quote) in article.quotes.enumerated() {
                if let speaker = quote.speaker { quotes[speaker].append(QuoteRef(article: articleIndex, quote: quoteIndex)) }
            }
            for tag in article.article.tags {
                let slug = Slug.make(from: tag)
                tagArticles[slug, default: (tag, [])].articles.append(articleIndex)
            }
        }
        let names = site.registry.entities.map(\.name)
        self.mentions = mentions
        self.appearsWith = pairs.map { counts in
            counts.map { (entity: $0.key, count: $0.value) }
                .sorted { ($1.count, names[$0.entity]) < ($0.count, names[$1.entity]) }
        }
        self.notes = notes
        self.quotes = quotes
        self.tags = tagArticles.keys.sorted().map { Tag(slug: $0, name: tagArticles[$0]!.name, articles: tagArticles[$0]!.articles) }
        self.related = Self.relatedArticles(site.articles, mentions: mentions)
    }

    /// Ranks, for each article, the articles sharing most entities with it; ties go to the
    /// nearer in time. Each entity contributes its nearest articles only, so cost is bounded.
    static func relatedArticles(_ articles: [AnalysedArticle], mentions: [[ArticleMention]], limit: Int = 5) -> [[(article: Int, shared: Int)]] {
        let positions = mentions.map { list in Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.article, $0) }) }
        return articles.indices.map { article in
            var shared: [Int: Int] = [:]
            for mention in articles[article].mentions {
                let list = mentions[mention.entity]
                guard let position = positions[mention.entity][article] else { continue }
                let half = relatedCandidatesPerEntity / 2
                let window = max(0, position - half)..<min(list.count, position + half + 1)
                for other in list[window] where other.article != article { shared[other.article, default: 0] += 1 }
            }
            return shared.map { (article: $0.key, shared: $0.value) }
                .sorted { ($1.shared, abs($0.article - article), $0.article) < ($0.shared, abs($1.article - article), $1.article) }
                .prefix(limit).map { $0 }
        }
    }

    /// Total mentions of an entity across the site.
    public func mentionCount(of entity: Int) -> Int { mentions[entity].reduce(0) { $0 + $1.count } }
}
