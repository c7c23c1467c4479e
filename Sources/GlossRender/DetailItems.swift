import Foundation
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

    /// - Parameter cache: the items of article revisions seen before are reused.
    init(site: AnalysedSite, cache: DetailItemsCache? = nil) {
        let root = Self.root
        let entities = site.registry.entities
        let entityURLs = entities.map { "\(root)entities/\($0.slug)/" }
        let previous = cache?.begin() ?? [:]
        let perArticle = Array(site.articles.indices).concurrentMap { index -> DetailItemsCache.Article in
            if let hit = previous[site.revisions[index]] { return hit }
            let analysed = site.articles[index]
            let ranked = DetailItems.ranked(analysed.mentions, entities: entities).map {
                EntityRef(name: entities[$0.entity].name, url: entityURLs[$0.entity], count: $0.count)
            }
            let link = PageLink(title: analysed.article.title, url: "\(root)articles/\(analysed.article.slug)/")
            return DetailItemsCache.Article(
                card: DetailItems.card(analysed, url: link.url, entities: Array(ranked.prefix(Self.cardEntities))),
                entities: ranked, link: link)
        }
        cache?.finish(Dictionary(zip(site.revisions, perArticle), uniquingKeysWith: { first, _ in first }))
        self.entityURLs = entityURLs
        self.articles = perArticle.map(\.card)
        self.articleEntities = perArticle.map(\.entities)
        self.articleLinks = perArticle.map(\.link)
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

/// Detail items kept between builds of the preview, by article revision (which also changes
/// when the registry does, so entity names and links in them are current).
final class DetailItemsCache: @unchecked Sendable {
    final class Article: Sendable {
        let card: ArticleItem
        let entities: [EntityRef]
        let link: PageLink
        init(card: ArticleItem, entities: [EntityRef], link: PageLink) {
            self.card = card
            self.entities = entities
            self.link = link
        }
    }

    private let lock = NSLock()
    private var articles: [Int: Article] = [:]

    func begin() -> [Int: Article] { lock.withLock { articles } }
    func finish(_ articles: [Int: Article]) { lock.withLock { self.articles = articles } }
}
