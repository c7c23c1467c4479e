import Foundation
import GlossAnalysis
import GlossContent
@testable import GlossRender

/// The analysis stage leaves Gloss's own nodes (entity links, note marks, sidenotes) for the
/// render stage; these tests read bodies as the built-in theme renders them on the article's
/// page. `rendered(_:)` renders a site's bodies once; `html` and `introHTML` look them up.
func rendered(_ site: AnalysedSite) -> AnalysedSite {
    RenderedHTML.shared.record(site)
    return site
}

final class RenderedHTML: @unchecked Sendable {
    static let shared = RenderedHTML()
    private let lock = NSLock()
    private var articles: [Int: String] = [:]
    private var intros: [AnalysedBody: String] = [:]

    func record(_ site: AnalysedSite) {
        guard let theme = Theme.load(siteTemplates: [:]).theme else { return }
        let markup = BodyMarkup(theme: theme, registry: site.registry, links: ContentLinks(site.content))
        let bodies = site.articles.map { ($0.revision, markup.html($0.body, at: .article($0.article.slug), notes: $0.notes)) }
        let intros = site.digests.compactMap { edition in edition.intro.map { ($0, markup.html($0, at: .digest(edition.slug))) } }
        lock.withLock {
            for (revision, html) in bodies { articles[revision] = html }
            for (intro, html) in intros { self.intros[intro] = html }
        }
    }

    func html(_ article: AnalysedArticle) -> String { lock.withLock { articles[article.revision] ?? "" } }
    func html(_ intro: AnalysedBody) -> String? { lock.withLock { intros[intro] } }
}

extension AnalysedArticle {
    var html: String { RenderedHTML.shared.html(self) }
}

extension DigestEdition {
    var introHTML: String? { intro.flatMap { RenderedHTML.shared.html($0) } }
}
