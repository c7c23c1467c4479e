import GlossAnalysis
import GlossContent

/// The home page and every digest page: one edition of the digest (`index`, `digest`).
struct DigestPage: Hashable {
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
    var articles: [AnalysedArticle]
    var newer: Neighbour?
    var older: Neighbour?

    init(_ id: DigestID, of site: AnalysedSite) {
        let edition = site.digests[id]
        let neighbour = { (other: DigestID) in
            site.digests.element(other).map { Neighbour(title: $0.title, route: .digest($0.slug)) }
        }
        slug = edition.slug
        title = edition.title
        isEditorial = edition.isEditorial
        intro = edition.intro
        articles = edition.articles.map { site.articles[$0] }
        newer = neighbour(id - 1)
        older = neighbour(id + 1)
    }

    /// The page of this edition at `page`'s route (its own, or the home page).
    func model(_ page: PageContext, kind: String, crumbs: [Crumb]) -> DigestPage {
        let chrome = page.chrome(title: title, kind: kind, crumbs: crumbs)
        let link = { (neighbour: Neighbour?) in neighbour.map { PageLink(title: $0.title, url: page.link(to: $0.route)) } }
        return DigestPage(site: page.info, page: chrome, hasDigest: true, title: title, isEditorial: isEditorial,
                          introHTML: intro.map { page.html($0) }, articleCountLabel: counted(articles.count, "article"),
                          articles: articles.map { page.card($0) }, newer: link(newer), older: link(older),
                          archiveURL: page.link(to: .digests))
    }
}

/// The home page: the latest edition, under the site's title.
enum HomePageKind: PageKind {
    static let template = "index"

    static func pages(of site: AnalysedSite) -> [Page<EditionInput?>] {
        [Page(route: .home, input: site.digests.isEmpty ? nil : EditionInput(0, of: site))]
    }

    static func model(_ input: EditionInput?, _ page: PageContext) -> DigestPage {
        guard let input else {
            return DigestPage(site: page.info, page: page.chrome(title: page.info.title, kind: "home"), hasDigest: false,
                              title: page.info.title, isEditorial: false, introHTML: nil, articleCountLabel: "", articles: [],
                              newer: nil, older: nil, archiveURL: page.link(to: .digests))
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
        site.digests.indices.map { Page(route: .digest(site.digests[$0].slug), input: EditionInput($0, of: site)) }
    }

    static func model(_ input: EditionInput, _ page: PageContext) -> DigestPage {
        input.model(page, kind: "digest", crumbs: [page.crumb("Digests", up: .digests), Crumb(title: input.title)])
    }
}

struct ArchiveItem: Hashable { var title: String; var url: String; var articleCountLabel: String }
struct ArchivePage: Hashable { var site: SiteInfo; var page: PageChrome; var digests: [ArchiveItem] }

/// `digests/`: every edition, newest first.
enum ArchivePageKind: PageKind {
    static let template = "archive"

    struct Edition: Equatable, Sendable {
        var title: String
        var slug: String
        var articleCount: Int
    }

    static func pages(of site: AnalysedSite) -> [Page<[Edition]>] {
        [Page(route: .digests, input: site.digests.map { Edition(title: $0.title, slug: $0.slug, articleCount: $0.articles.count) })]
    }

    static func model(_ input: [Edition], _ page: PageContext) -> ArchivePage {
        ArchivePage(site: page.info, page: page.chrome(title: "All digests", kind: "archive", crumbs: [Crumb(title: "Digests")]),
                    digests: input.map {
                        ArchiveItem(title: $0.title, url: page.link(to: .digest($0.slug)), articleCountLabel: counted($0.articleCount, "article"))
                    })
    }
}
