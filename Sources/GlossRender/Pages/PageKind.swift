import GlossAnalysis
import GlossContent

/// One page of some kind: where it goes and what it is made from.
struct Page<Input: Sendable>: Sendable {
    var route: Route
    var input: Input
}

/// A kind of page, declared in one place: which pages of it the site has, what each is made
/// from, its template and the template's model. Adding a kind of page is one file like the
/// others in this folder, its template, and a line in `SiteRenderer.kinds`.
protocol PageKind {
    /// Everything a page shows, gathered from the analysed site (articles by their analysis,
    /// which compares by revision). The model is made from the input and the `PageContext`
    /// alone, so an equal input is an equal page: the preview reuses it, and what a page
    /// depends on never has to be listed by hand.
    associatedtype Input: Equatable & Sendable
    /// What the template sees: values only, escaped by the template unless a field holds HTML
    /// that Gloss made (`…HTML`, `body`, `…SVG`).
    associatedtype Model: Hashable & Encodable
    static var template: String { get }
    static func pages(of site: AnalysedSite) -> [Page<Input>]
    static func model(_ input: Input, _ page: PageContext) -> Model
}

/// A page ready to render, its kind erased so pages of every kind run in one parallel pass.
struct PageJob: Sendable {
    var route: Route
    var template: String
    var input: any Sendable
    /// True when `previous` (a page of an earlier build) was made from an equal input.
    var hasInput: @Sendable (_ previous: any Sendable) -> Bool
    var model: @Sendable (PageContext) -> AnyHashable
}

/// A page's input as a job holds it: in a box, so that comparing it with the previous build's
/// casts a reference out of `any Sendable` instead of copying the whole input out of it (a copy
/// retains every field; for 14,500 pages that was 3% of a preview rebuild).
final class PageInput<Input: Equatable & Sendable>: Sendable {
    let value: Input
    init(_ value: Input) { self.value = value }
}

extension PageKind {
    static func jobs(_ site: AnalysedSite) -> [PageJob] {
        pages(of: site).map { page in
            let input = PageInput(page.input)
            return PageJob(route: page.route, template: template, input: input,
                           hasInput: { previous in
                               // Compared in place: `(previous as? PageInput<Input>)?.value` would copy it out.
                               guard let previous = previous as? PageInput<Input> else { return false }
                               return previous.value == input.value
                           },
                           model: { AnyHashable(model(input.value, $0)) })
        }
    }
}

/// What a page's model may read besides its input: its route, and what every page shares —
/// the settings, the registry, the theme, article cards. The render cache starts afresh when
/// any of those change, so they never make a reused page stale.
struct PageContext: Sendable {
    let route: Route
    let shared: SharedPageContext

    var info: SiteInfo { shared.info }
    var registry: EntityRegistry { shared.registry }

    /// The page's head and breadcrumb trail; `crumbs` follow "Home".
    func chrome(title: String, kind: String, description: String? = nil, crumbs: [Crumb] = [], ogType: String = "website",
                image: SiteImage? = nil) -> PageChrome {
        let trail = crumbs.isEmpty ? [] : [Crumb(title: "Home", url: route.link(upTo: .home))] + crumbs
        let base = shared.config.baseURL
        return PageChrome(title: title, description: description ?? shared.config.description, kind: kind, root: route.root,
                          canonical: base.map { $0 + (route == .notFound ? route.path : route.url) },
                          ogType: ogType, image: base.flatMap { base in image.flatMap { SocialImage($0, base: base) } },
                          breadcrumbs: trail, isHome: route == .home)
    }

    /// A breadcrumb up to an enclosing page.
    func crumb(_ title: String, up ancestor: Route) -> Crumb { Crumb(title: title, url: route.link(upTo: ancestor)) }

    func link(to target: Route, fragment: String? = nil) -> String { route.link(to: target, fragment: fragment) }

    /// A body's HTML on this page; with `eagerImage` its first image may be on the first screen.
    func html(_ body: AnalysedBody, notes: [AnchoredNote] = [], eagerImage: Bool = false) -> String {
        shared.markup.html(body, at: route, notes: notes, eagerImage: eagerImage)
    }

    func card(_ analysed: AnalysedArticle) -> ArticleItem { shared.cards.items(of: analysed, from: self).card }

    /// Every entity the article mentions, most mentioned first, linked from this page.
    func entityRefs(_ analysed: AnalysedArticle) -> [EntityRef] { ArticleCards.rankedEntities(analysed, from: self) }

    func articleLink(_ analysed: AnalysedArticle) -> PageLink { shared.cards.items(of: analysed, from: self).link }

    func entityRef(_ id: EntityID, count: Int) -> EntityRef {
        let entity = registry.entities[id]
        return EntityRef(name: entity.name, url: link(to: .entity(entity.slug)), count: count)
    }

    func noteItem(_ note: AnchoredNote, of analysed: AnalysedArticle) -> NoteItem {
        let a = note.annotation
        return NoteItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, author: a.author, date: a.date?.display,
                        passage: note.passage, bodyHTML: html(note.body),
                        url: link(to: .article(analysed.article.slug), fragment: "note-\(a.id)"),
                        articleTitle: analysed.article.title)
    }
}

/// What every page of a build shares.
final class SharedPageContext: Sendable {
    let info: SiteInfo
    let config: SiteConfig
    let registry: EntityRegistry
    let markup: BodyMarkup
    let cards: ArticleCards
    let links: ContentLinks

    init(site: AnalysedSite, theme: Theme, cards: ArticleCards, destinations: ContentLinks.Memo? = nil) {
        let config = site.content.config
        self.config = config
        self.info = SiteInfo(title: config.title, description: config.description, author: config.author,
                             language: config.language, feedURL: config.baseURL.map { $0 + "feed.xml" })
        self.registry = site.registry
        self.links = ContentLinks(site.content, memo: destinations)
        self.markup = BodyMarkup(theme: theme, registry: site.registry, links: links)
        self.cards = cards
    }

    func page(_ route: Route) -> PageContext { PageContext(route: route, shared: self) }
}
