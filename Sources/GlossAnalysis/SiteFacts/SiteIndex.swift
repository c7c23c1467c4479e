import Foundation
import GlossContent

/// Cross-article facts gathered in one pass over the analysed articles: per article, its
/// digest and related articles; per entity, its description, where it is mentioned, who it
/// appears with, and the notes and quotes that belong to it; per tag, its articles. Cost grows
/// with mentions, never with articles × entities.
public struct SiteIndex: Sendable {
    public struct ArticleMention: Sendable, Hashable {
        public var article: ArticleID
        public var count: Int
        public var snippet: String
    }

    public struct NoteRef: Sendable, Hashable {
        public var article: ArticleID
        /// Index in the article's anchored notes.
        public var note: Int
    }

    public struct QuoteRef: Sendable, Hashable {
        public var article: ArticleID
        /// Index in the article's quotes.
        public var quote: Int
    }

    /// Another entity and the number of articles mentioning both.
    public struct Companion: Sendable, Hashable {
        public var entity: EntityID
        public var count: Int
    }

    /// Another article and the number of entities both mention.
    public struct Related: Sendable, Hashable {
        public var article: ArticleID
        public var shared: Int
    }

    public struct Tag: Sendable, Hashable {
        public var slug: String
        public var name: String
        /// Newest first.
        public var articles: [ArticleID]
    }

    /// What the site knows about one article beyond its own analysis.
    public struct ArticleFacts: Sendable, Hashable {
        /// The edition it appears in (an editor's digest wins over the automatic one).
        public var digest: DigestID?
        /// Most shared entities first, ties to the nearer in time.
        public var related: [Related]
    }

    /// Everything the site knows about one entity.
    public struct EntityFacts: Sendable, Hashable {
        /// The entity file's body, entities linked.
        public var description: AnalysedBody
        /// Articles newest first.
        public var mentions: [ArticleMention]
        /// Most first, ties by name.
        public var company: [Companion]
        public var notes: [NoteRef]
        public var quotes: [QuoteRef]
        /// Mentions across the site.
        public var mentionCount: Int
    }

    public var articles: Table<ArticleID, ArticleFacts>
    public var entities: Table<EntityID, EntityFacts>
    /// By slug.
    public var tags: [Tag]
    /// Tag name → slug (made once per name: slugs fold Unicode, which is not free).
    public var tagSlugs: [String: String]

    /// Articles considered per shared entity when ranking related articles: keeps the pass
    /// linear even when one entity (a country, say) appears in every article.
    static let relatedCandidatesPerEntity = 200

    /// - Parameter coMentions: the previous build's companions and related articles (the
    ///   preview keeps them), reused when every article mentions the same entities as then.
    init(articles: Table<ArticleID, AnalysedArticle>, registry: EntityRegistry, descriptions: [AnalysedBody],
         digestOf: [DigestID?], coMentions memo: CoMentionMemo? = nil, settingsRevision: Int = 0) {
        let entityCount = registry.entities.count
        var mentions = Array(repeating: [ArticleMention](), count: entityCount)
        var notes = Array(repeating: [NoteRef](), count: entityCount)
        var quotes = Array(repeating: [QuoteRef](), count: entityCount)
        var tagArticles: [String: (name: String, articles: [ArticleID])] = [:]
        var tagSlugs: [String: String] = [:]
        for (id, analysed) in articles.identified {
            for mention in analysed.mentions {
                mentions[mention.entity.index].append(ArticleMention(article: id, count: mention.count, snippet: mention.snippet))
            }
            // By index: a note or quote copied whole retains each of its strings, 50,000 notes'
            // worth on every preview rebuild.
            for noteIndex in analysed.notes.indices {
                for entity in Set(analysed.notes[noteIndex].mentionedEntities).sorted() {
                    notes[entity.index].append(NoteRef(article: id, note: noteIndex))
                }
            }
            for quoteIndex in analysed.quotes.indices {
                if let speaker = analysed.quotes[quoteIndex].speaker { quotes[speaker.index].append(QuoteRef(article: id, quote: quoteIndex)) }
            }
            for tag in analysed.article.tags {
                let slug = tagSlugs[tag] ?? Slug.make(from: tag)
                tagSlugs[tag] = slug
                tagArticles[slug, default: (tag, [])].articles.append(id)
            }
        }
        let (company, related) = CoMentionMemo.value(
            in: memo, for: CoMentionKey(settingsRevision: settingsRevision, entities: articles.map { $0.mentions.map(\.entity) })
        ) { (Self.company(articles, registry: registry, mentions: mentions), Self.relatedArticles(articles, mentions: mentions)) }
        entities = Table((0..<entityCount).map { i in
            EntityFacts(description: descriptions[i], mentions: mentions[i], company: company[i], notes: notes[i], quotes: quotes[i],
                        mentionCount: mentions[i].reduce(0) { $0 + $1.count })
        })
        self.articles = Table(zip(digestOf, related).map { ArticleFacts(digest: $0, related: $1) })
        self.tagSlugs = tagSlugs
        self.tags = tagArticles.keys.sorted().map { Tag(slug: $0, name: tagArticles[$0]!.name, articles: tagArticles[$0]!.articles) }
    }

    /// For each entity, the other entities mentioned in the articles that mention it, with the
    /// number of such articles, most first (ties by name). Counted per entity on all cores,
    /// in one dense array per worker.
    static func company(_ articles: Table<ArticleID, AnalysedArticle>, registry: EntityRegistry,
                        mentions: [[ArticleMention]]) -> [[Companion]] {
        let names = registry.entities.elements.map(\.name)
        return Array(mentions.indices).concurrentChunks { chunk in
            var counts = [Int32](repeating: 0, count: names.count)
            var touched: [Int] = []
            return chunk.map { entity -> [Companion] in
                for mention in mentions[entity] {
                    for other in articles[mention.article].mentions where other.entity.index != entity {
                        if counts[other.entity.index] == 0 { touched.append(other.entity.index) }
                        counts[other.entity.index] += 1
                    }
                }
                let company = touched.map { Companion(entity: EntityID($0), count: Int(counts[$0])) }
                    .sorted { ($1.count, names[$0.entity.index]) < ($0.count, names[$1.entity.index]) }
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
    static func relatedArticles(_ articles: Table<ArticleID, AnalysedArticle>, mentions: [[ArticleMention]], limit: Int = 5) -> [[Related]] {
        let positions = mentions.map { list in list.map { Int32($0.article.index) } }
        let half = relatedCandidatesPerEntity / 2
        return Array(0..<articles.count).concurrentChunks { chunk in
            var shared = [Int32](repeating: 0, count: articles.count)
            var touched: [Int] = []
            return chunk.map { article -> [Related] in
                for mention in articles[ArticleID(article)].mentions {
                    let list = positions[mention.entity.index]
                    guard let position = Self.position(of: Int32(article), in: list) else { continue }
                    for index in max(0, position - half)..<min(list.count, position + half + 1) {
                        let other = Int(list[index])
                        guard other != article else { continue }
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                var best: [Related] = []
                let key = { (c: Related) in (-c.shared, abs(c.article.index - article), c.article.index) }
                for other in touched {
                    let candidate = Related(article: ArticleID(other), shared: Int(shared[other]))
                    shared[other] = 0
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
}

/// The companions of each entity and the related articles of each article, kept between
/// builds of the preview. Both follow from which entities each article mentions, in article
/// order, and from the registry (names order ties): most edits change neither, and making them
/// again was a tenth of a rebuild of 10,000 articles.
typealias CoMentionMemo = LastValueMemo<CoMentionKey, ([[SiteIndex.Companion]], [[SiteIndex.Related]])>

/// What companions and related articles are made from.
struct CoMentionKey: Equatable {
    /// The registry's revision (see `AnalysedSite.settingsRevision`).
    var settingsRevision: Int
    /// By article, in site order: the entities it mentions.
    var entities: [[EntityID]]
}
