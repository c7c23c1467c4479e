import Foundation
import GlossAnalysis
import GlossContent

/// The items many pages show for an article — its card (digest and tag lists), its link —
/// made once per article analysis and page depth, and shared by every page that lists the
/// article. The preview keeps them between builds: an article's revision changes with it and
/// with the registry, so a kept item is never stale. The full list of an article's entities,
/// which only its own page shows, is made there and not kept: kept for every depth a card is
/// shown at, those lists were a tenth of a 10,000-article build's peak heap.
final class ArticleCards: @unchecked Sendable {
    final class Items: Sendable {
        let card: ArticleItem
        let link: PageLink
        init(card: ArticleItem, link: PageLink) {
            self.card = card
            self.link = link
        }
    }

    /// Entities shown on a card.
    static let cardEntities = 8

    /// Items differ only by the links they hold, so pages whose links to articles, entities
    /// and the lead picture are alike share them. (A picture's link is not like an article's:
    /// on its article's page it is "lead.jpg", on a tag page as deep "../../articles/…".)
    private struct Key: Hashable {
        var revision: Int
        var articlesLink: String
        var entitiesLink: String
        var imageLink: String
    }

    private let lock = NSLock()
    private var items: [Key: Items] = [:]
    private var used: Set<Key> = []

    func items(of analysed: AnalysedArticle, from page: PageContext) -> Items {
        var imageLink = ""
        if case .file(let file)? = analysed.leadImage?.source {
            imageLink = page.route.link(toPath: file.file.output)
        }
        let key = Key(revision: analysed.revision, articlesLink: page.link(to: .article("")), entitiesLink: page.link(to: .entity("")),
                      imageLink: imageLink)
        if let hit = lock.withLock({ () -> Items? in
            used.insert(key)
            return items[key]
        }) { return hit }
        let made = Self.make(analysed, from: page)
        lock.withLock { items[key] = made }
        return made
    }

    /// Forgets the items no page of the last build asked for, so the cache holds one site.
    func finishBuild() {
        lock.withLock {
            items = items.filter { used.contains($0.key) }
            used = []
        }
    }

    /// Forgets every item: a build without a cache calls it once its pages and feeds are made.
    func removeAll() {
        lock.withLock {
            items = [:]
            used = []
        }
    }

    /// Every entity the article mentions, most mentioned first, the first `limit` linked from `page`.
    static func rankedEntities(_ analysed: AnalysedArticle, from page: PageContext, limit: Int = .max) -> [EntityRef] {
        let entities = page.registry.entities
        return analysed.mentions
            .sorted { ($1.count, entities[$0.entity].name) < ($0.count, entities[$1.entity].name) }
            .prefix(limit)
            .map { page.entityRef($0.entity, count: $0.count) }
    }

    private static func make(_ analysed: AnalysedArticle, from page: PageContext) -> Items {
        let article = analysed.article
        let link = PageLink(title: article.title, url: page.link(to: .article(article.slug)))
        let noteCount = analysed.notes.count
        let card = ArticleItem(
            title: article.title, url: link.url, date: article.date.display, isoDate: article.date.isoDate, source: article.source,
            summary: analysed.summary, noteCount: noteCount, noteCountLabel: counted(noteCount, "note"),
            entities: rankedEntities(analysed, from: page, limit: cardEntities),
            image: analysed.leadImage.map { ImageItem($0, on: page.route, layout: .thumbnail, eager: false) })
        return Items(card: card, link: link)
    }
}
