import GlossAnalysis
import GlossContent

/// The items that many pages two folders deep (articles, entities, tags, digests) show, made
/// once per build: every article's card and link, every entity's link. A tag page of 1,000
/// articles then gathers cards instead of making them, each article's entities are ranked
/// once, and pages share the strings, which also makes comparing them with the previous
/// build's models cheap.
struct DetailItems: Sendable {
    static let root = SiteAnalyser.detailRoot

    /// By article index.
    let articles: [ArticleItem]
    /// By article index: every entity the article mentions, most mentioned first.
    let articleEntities: [[EntityRef]]
    /// By article index.
    let articleLinks: [PageLink]
    /// By entity index.
    let entityURLs: [String]

    static let cardEntities = 8

    init(site: AnalysedSite) {
        let root = Self.root
        let entities = site.registry.entities
        let entityURLs = entities.map { "\(root)entities/\($0.slug)/" }
        let ranked = site.articles.concurrentMap { analysed in
            DetailItems.ranked(analysed.mentions, entities: entities).map {
                EntityRef(name: entities[$0.entity].name, url: entityURLs[$0.entity], count: $0.count)
            }
        }
        let links = site.articles.map { PageLink(title: $0.article.title, url: "\(root)articles/\($0.article.slug)/") }
        self.entityURLs = entityURLs
        self.articleEntities = ranked
        self.articleLinks = links
        self.articles = site.articles.indices.map { index in
            DetailItems.card(site.articles[index], url: links[index].url, entities: Array(ranked[index].prefix(Self.cardEntities)))
        }
    }

    /// Most mentioned first, then by name.
    static func ranked(_ mentions: [EntityMention], entities: [Entity]) -> [EntityMention] {
        mentions.sorted { ($1.count, entities[$0.entity].name) < ($0.count, entities[$1.entity].name) }
    }

    static func card(_ analysed: AnalysedArticle, url: String, entities: [EntityRef]) -> ArticleItem {
        let article = analysed.article
        let noteCount = analysed.notes.count
        return ArticleItem(
            title: article.title, url: url, date: article.date.display, isoDate: article.date.isoDate, source: article.source,
            summary: analysed.summary, noteCount: noteCount, noteCountLabel: counted(noteCount, "note"), entities: entities)
    }
}
