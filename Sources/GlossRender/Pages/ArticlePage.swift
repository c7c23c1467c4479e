import GlossAnalysis
import GlossContent

struct ArticlePage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var title: String
    var date: String
    var isoDate: String
    var author: String?
    var source: String?
    var url: String?
    var tags: [TagRef]
    var body: String
    var notes: [NoteItem]
    var entities: [EntityRef]
    var digest: PageLink?
    var newer: PageLink?
    var older: PageLink?
    var related: [RelatedItem]
}

/// `articles/<slug>/`: the article, entities linked, notes beside their passages; its digest,
/// newer and older articles, related articles.
enum ArticlePageKind: PageKind {
    static let template = "article"

    struct Input: Equatable, Sendable {
        struct Tag: Equatable, Sendable { var name: String; var slug: String }
        struct Digest: Equatable, Sendable { var title: String; var slug: String }

        var article: AnalysedArticle
        var tags: [Tag]
        var digest: Digest?
        var newer: AnalysedArticle?
        var older: AnalysedArticle?
        var related: [(article: AnalysedArticle, shared: Int)]

        static func == (a: Input, b: Input) -> Bool {
            a.article == b.article && a.tags == b.tags && a.digest == b.digest && a.newer == b.newer && a.older == b.older
                && a.related.elementsEqual(b.related) { $0.article == $1.article && $0.shared == $1.shared }
        }
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        site.articles.identified.map { id, analysed in
            let facts = site.index.articles[id]
            let input = Input(
                article: analysed,
                tags: analysed.article.tags.map { Input.Tag(name: $0, slug: site.index.tagSlugs[$0] ?? Slug.make(from: $0)) },
                digest: facts.digest.map { Input.Digest(title: site.digests[$0].title, slug: site.digests[$0].slug) },
                newer: site.articles.element(id - 1), older: site.articles.element(id + 1),
                related: facts.related.map { (site.articles[$0.article], $0.shared) })
            return Page(route: .article(analysed.article.slug), input: input)
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> ArticlePage {
        let analysed = input.article
        let article = analysed.article
        return ArticlePage(
            site: page.info,
            page: page.chrome(title: article.title, kind: "article", description: analysed.summary,
                              crumbs: [Crumb(title: article.title)], ogType: "article"),
            title: article.title, date: article.date.display, isoDate: article.date.isoDate,
            author: article.author, source: article.source, url: article.url,
            tags: input.tags.map { TagRef(name: $0.name, url: page.link(to: .tag($0.slug)), count: 0) },
            body: page.html(analysed.body, notes: analysed.notes),
            notes: analysed.notes.map { page.noteItem($0, of: analysed) },
            entities: page.entityRefs(analysed),
            digest: input.digest.map { PageLink(title: $0.title, url: page.link(to: .digest($0.slug))) },
            newer: input.newer.map { page.articleLink($0) },
            older: input.older.map { page.articleLink($0) },
            related: input.related.map {
                let link = page.articleLink($0.article)
                return RelatedItem(title: link.title, url: link.url, sharedLabel: counted($0.shared, "shared entity", "shared entities"))
            })
    }
}
