import Foundation
import GlossContent

/// Analysed articles kept between builds of a long-running preview. An article is analysed
/// again only when something its analysis reads has changed: its own file, its notes, the
/// entity registry or the site settings. An entry is found by the article's path and used only
/// when all those inputs equal the stored ones (compared in full, not by hash), so a cached
/// analysis is exactly what a fresh one would give. Unchanged files come from the load cache
/// with their text's storage shared, so the comparison is mostly pointer checks.
public final class AnalysisCache: @unchecked Sendable {
    struct Key: Sendable {
        var article: Article
        var notes: [Annotation]
        var config: SiteConfig
        var options: AnalysisOptions

        /// Whether this key is the one these inputs would make: the notes are `all[indices]`,
        /// compared where they lie rather than copied out first.
        func holds(_ article: Article, notes indices: [Int], of all: [Annotation], config: SiteConfig, options: AnalysisOptions) -> Bool {
            guard notes.count == indices.count, article == self.article, config == self.config, options == self.options else { return false }
            return notes.withUnsafeBufferPointer { kept in
                all.withUnsafeBufferPointer { all in indices.indices.allSatisfy { kept[$0] == all[indices[$0]] } }
            }
        }
    }

    /// A class, so handing the 10,000 entries of a large site from build to build copies
    /// pointers, not the many fields of each article.
    final class Entry: Sendable {
        let key: Key
        let analysed: AnalysedArticle
        init(_ key: Key, _ analysed: AnalysedArticle) {
            self.key = key
            self.analysed = analysed
        }
    }

    /// What every page may read besides its articles: the registry, the settings, the options.
    struct Settings: Equatable {
        var entities: [Entity]
        var config: SiteConfig
        var options: AnalysisOptions
    }

    private let lock = NSLock()
    private var settings: Settings?
    private var settingsRevision = 0
    private var articles: [String: Entry] = [:]
    private var descriptions: [Entity: AnalysedBody] = [:]
    /// The last build's articles with quotes credited by role holders, by the revision of the
    /// analysis each came from (see `credit(_:by:)`).
    private var credited: [Int: AnalysedArticle] = [:]
    /// Companions and related articles (see `SiteIndex`).
    let coMentions = CoMentionMemo()
    /// The registry made from the last build's entities, and what making it reported.
    let registry = LastValueMemo<[Entity], (registry: EntityRegistry, diagnostics: [Diagnostic])>()

    public init() {}

    /// Starts a build: returns the previous build's articles by path, and the settings'
    /// revision (see `AnalysedSite.settingsRevision`). A changed registry changes every
    /// article's links, so then no article is kept.
    func begin(_ settings: Settings) -> (articles: [String: Entry], settingsRevision: Int) {
        lock.withLock {
            if self.settings?.entities != settings.entities {
                articles = [:]
                descriptions = [:]
            }
            if self.settings != settings {
                self.settings = settings
                settingsRevision = Revision.next()
            }
            return (articles, settingsRevision)
        }
    }

    /// Ends a build: these are the articles the next one may reuse (so the cache holds the
    /// current site only, however long editors work).
    func finish(_ entries: [Entry]) {
        let byPath = Dictionary(entries.map { ($0.key.article.path, $0) }, uniquingKeysWith: { first, _ in first })
        lock.withLock { articles = byPath }
    }

    /// `holders.credit` of each article, handing back the last build's object when it credits
    /// the same analysis alike, so that its pages are not made again.
    func credit(_ articles: [AnalysedArticle], by holders: RoleHolders) -> [AnalysedArticle] {
        let kept = lock.withLock { credited }
        var now: [Int: AnalysedArticle] = [:]
        let result = articles.map { analysed in
            let fresh = holders.credit(analysed)
            guard fresh !== analysed else { return analysed }
            let chosen = kept[analysed.revision].flatMap { $0.quotes == fresh.quotes ? $0 : nil } ?? fresh
            now[analysed.revision] = chosen
            return chosen
        }
        lock.withLock { credited = now }
        return result
    }

    func description(_ entity: Entity, media: SiteMedia, render: () -> AnalysedBody) -> AnalysedBody {
        if let hit = lock.withLock({ descriptions[entity] }), hit.media.hold(in: media) { return hit }
        let fresh = render()
        lock.withLock { descriptions[entity] = fresh }
        return fresh
    }
}

/// Numbers that are never handed out twice in a process: the revisions of analyses and settings.
public enum Revision {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 0

    public static func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}
