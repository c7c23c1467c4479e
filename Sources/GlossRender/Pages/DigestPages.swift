import GlossAnalysis
import GlossContent

/// The home page and every digest page: one edition of the digest (`index`, `digest`).
struct DigestPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var hasDigest: Bool
    var title: String
    var isEditorial: Bool
    var introHTML: String?
    var articleCountLabel: String
    var articles: [ArticleItem]
    var newer: PageLink?
    var older: PageLink?
    var archiveURL: String
    var pager: Pager?
}

/// What an edition's page shows.
struct EditionInput: Equatable, Sendable {
    struct Neighbour: Equatable, Sendable {
        var title: String
        var route: Route
    }

    var slug: String
    var title: String
    var isEditorial: Bool
    var intro: AnalysedBody?
    var articles: Pagination.Slice<AnalysedArticle>
    var newer: Neighbour?
    var older: Neighbour?

    /// Every page of an edition's list of articles.
    static func pages(_ id: DigestID, of site: AnalysedSite) -> [EditionInput] {
        let edition = site.digests[id]
        let first = EditionInput(id, of: site, articles: Pagination.Slice(number: 1, count: 1, total: 0, first: .home, items: []))
        return Pagination.pages(of: edition.articles.map { site.articles[$0] }, size: Pagination.cards, first: .digest(edition.slug))
            .map { slice in
                var page = first
                page.articles = slice
                return page
            }
    }

    private init(_ id: DigestID, of site: AnalysedSite, articles: Pagination.Slice<AnalysedArticle>) {
        let edition = site.digests[id]
        let neighbour = { (other: DigestID) in
            site.digests.element(other).map { Neighbour(title: $0.title, route: .digest($0.slug)) }
        }
        slug = edition.slug
        title = edition.title
        isEditorial = edition.isEditorial
        intro = edition.intro
        self.articles = articles
        newer = neighbour(id - 1)
        older = neighbour(id + 1)
    }

    /// The page of this edition at `page`'s route (its own, or the home page). The
    /// introduction is on its first page only.
    func model(_ page: PageContext, kind: String, crumbs: [Crumb]) -> DigestPage {
        let chrome = page.chrome(title: articles.title(title), kind: kind, crumbs: crumbs)
        let link = { (neighbour: Neighbour?) in neighbour.map { PageLink(title: $0.title, url: page.link(to: $0.route)) } }
        return DigestPage(site: page.info, page: chrome, hasDigest: true, title: title, isEditorial: isEditorial,
                          introHTML: articles.number == 1 ? intro.map { page.html($0) } : nil,
                          articleCountLabel: counted(articles.total, "article"),
                          articles: articles.items.map { page.card($0) }, newer: link(newer), older: link(older),
                          archiveURL: page.link(to: .digests), pager: articles.pager(title, on: page))
    }
}

/// The home page: the latest edition, under the site's title.
enum HomePageKind: PageKind {
    static let template = "index"

    static func pages(of site: AnalysedSite) -> [Page<EditionInput?>] {
        [Page(route: .home, input: site.digests.isEmpty ? nil : EditionInput.pages(0, of: site).first)]
    }

    static func model(_ input: EditionInput?, _ page: PageContext) -> DigestPage {
        guard let input else {
            return DigestPage(site: page.info, page: page.chrome(title: page.info.title, kind: "home"), hasDigest: false,
                              title: page.info.title, isEditorial: false, introHTML: nil, articleCountLabel: "", articles: [],
                              newer: nil, older: nil, archiveURL: page.link(to: .digests), pager: nil)
        }
        var model = input.model(page, kind: "home", crumbs: [])
        model.page.title = page.info.title
        return model
    }
}

/// Every edition at `digests/<slug>/`, with newer/older links.
enum DigestPageKind: PageKind {
    static let template = "digest"

    static func pages(of site: AnalysedSite) -> [Page<EditionInput>] {
        site.digests.indices.flatMap { id in EditionInput.pages(id, of: site).map { Page(route: $0.articles.route, input: $0) } }
    }

    static func model(_ input: EditionInput, _ page: PageContext) -> DigestPage {
        input.model(page, kind: "digest", crumbs: [page.crumb("Digests", up: .digests), Crumb(title: input.title)])
    }
}

struct ArchiveItem: Hashable, Encodable { var title: String; var url: String; var articleCountLabel: String }
struct ArchivePage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome; var digests: [ArchiveItem]; var pager: Pager? }

/// `digests/`: every edition, newest first.
enum ArchivePageKind: PageKind {
    static let template = "archive"

    struct Edition: Equatable, Sendable {
        var title: String
        var slug: String
        var articleCount: Int
    }

    static func pages(of site: AnalysedSite) -> [Page<Pagination.Slice<Edition>>] {
        let editions = site.digests.map { Edition(title: $0.title, slug: $0.slug, articleCount: $0.articles.count) }
        return Pagination.pages(of: editions, size: Pagination.lines, first: .digests).map { Page(route: $0.route, input: $0) }
    }

    static func model(_ input: Pagination.Slice<Edition>, _ page: PageContext) -> ArchivePage {
        ArchivePage(site: page.info, page: page.chrome(title: input.title("All digests"), kind: "archive", crumbs: [Crumb(title: "Digests")]),
                    digests: input.items.map {
                        ArchiveItem(title: $0.title, url: page.link(to: .digest($0.slug)), articleCountLabel: counted($0.articleCount, "article"))
                    }, pager: input.pager("All digests", on: page))
    }
}
