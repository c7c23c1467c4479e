import Foundation
import GlossContent

/// Analysed articles kept between builds of a long-running preview. An article is analysed
/// again only when something its analysis reads has changed: its own file, its notes, the
/// entity registry or the site settings. Entries are keyed on those inputs themselves (compared
/// in full, not by hash), so a cached analysis is exactly what a fresh one would give.
public final class AnalysisCache: @unchecked Sendable {
    struct Key: Hashable {
        var article: Article
        var notes: [Annotation]
        var config: SiteConfig
        var options: AnalysisOptions
    }

    private let lock = NSLock()
    private var entities: [Entity]?
    private var articles: [Key: AnalysedArticle] = [:]
    private var descriptions: [Entity: String] = [:]

    public init() {}

    /// Starts a build: a changed registry changes every article's links, so everything goes.
    func begin(entities: [Entity]) {
        lock.withLock {
            if self.entities != entities {
                self.entities = entities
                articles = [:]
                descriptions = [:]
            }
        }
    }

    func article(_ key: Key, analyse: () -> AnalysedArticle) -> AnalysedArticle {
        if let hit = lock.withLock({ articles[key] }) { return hit }
        let fresh = analyse()
        lock.withLock { articles[key] = fresh }
        return fresh
    }

    func description(_ entity: Entity, render: () -> String) -> String {
        if let hit = lock.withLock({ descriptions[entity] }) { return hit }
        let fresh = render()
        lock.withLock { descriptions[entity] = fresh }
        return fresh
    }

    /// Drops articles no longer in the site, so the cache does not grow while editors work.
    func keepOnly(_ keys: Set<Key>) {
        lock.withLock { articles = articles.filter { keys.contains($0.key) } }
    }
}
