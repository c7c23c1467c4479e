import Foundation
import GlossAnalysis
import GlossContent

/// The items many pages show for an article — its card (digest and tag lists), its ranked
/// entities, its link — made once per article analysis and page depth, and shared by every
/// page that lists the article. The preview keeps them between builds: an article's revision
/// changes with it and with the registry, so a kept item is never stale.
final class ArticleCards: @unchecked Sendable {
    final class Items: Sendable {
        let card: ArticleItem
        let entities: [EntityRef]
        let link: PageLink
        init(card: ArticleItem, entities: [EntityRef], link: PageLink) {
            self.card = card
            self.entities = entities
            self.link = link
        }
    }

    /// Entities shown on a card.
    static let cardEntities = 8

    /// Items differ only by the links they hold, so pages whose links to articles and
    /// entities start alike share them.
    private struct Key: Hashable {
        var revision: Int
        var articlesLink: String
        var entitiesLink: String
    }

    private let lock = NSLock()
    private var items: [Key: Items] = [:]
    private var used: Set<Key> = []

    func items(of analysed: AnalysedArticle, from page: PageContext) -> Items {
        let key = Key(revision: analysed.revision, articlesLink: page.link(to: .article("")), entitiesLink: page.link(to: .entity("")))
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

    private static func make(_ analysed: AnalysedArticle, from page: PageContext) -> Items {
        let entities = page.registry.entities
        let ranked = analysed.mentions
            .sorted { ($1.count, entities[$0.entity].name) < ($0.count, entities[$1.entity].name) }
            .map { page.entityRef($0.entity, count: $0.count) }
        let article = analysed.article
        let link = PageLink(title: article.title, url: page.link(to: .article(article.slug)))
        let noteCount = analysed.notes.count
        let card = ArticleItem(
            title: article.title, url: link.url, date: article.date.display, isoDate: article.date.isoDate, source: article.source,
            summary: analysed.summary, noteCount: noteCount, noteCountLabel: counted(noteCount, "note"),
            entities: Array(ranked.prefix(cardEntities)))
        return Items(card: card, entities: ranked, link: link)
    }
}
