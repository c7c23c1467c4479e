import GlossAnalysis
import GlossContent

struct ArticleNotes: Hashable, Encodable { var title: String; var url: String; var notes: [NoteItem] }
struct KindNotes: Hashable, Encodable { var kind: String; var label: String; var count: Int; var notes: [NoteItem] }
struct AnnotationsPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var byArticle: [ArticleNotes]
    var byKind: [KindNotes]
    var hasOrphans: Bool
    var pager: Pager?
}

/// `annotations/` (and `page/2/`, …): every note, newest article first, by article and by kind.
enum AnnotationsPageKind: PageKind {
    static let template = "annotations"

    struct Input: Equatable, Sendable {
        var notes: Pagination.Slice<ArticlePick>
        var hasOrphans: Bool
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        let notes = site.articles.flatMap { analysed in analysed.notes.indices.map { ArticlePick(article: analysed, index: $0) } }
        let hasOrphans = site.articles.contains { !$0.orphans.isEmpty }
        return Pagination.pages(of: notes, size: Pagination.lines, first: .annotations).map {
            Page(route: $0.route, input: Input(notes: $0, hasOrphans: hasOrphans))
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> AnnotationsPage {
        var byArticle: [ArticleNotes] = []
        var last: AnalysedArticle?
        for ref in input.notes.items {
            let item = page.noteItem(ref.article.notes[ref.index], of: ref.article)
            if let last, last == ref.article {
                byArticle[byArticle.count - 1].notes.append(item)
            } else {
                byArticle.append(ArticleNotes(title: ref.article.article.title, url: page.link(to: .article(ref.article.article.slug)), notes: [item]))
            }
            last = ref.article
        }
        let all = byArticle.flatMap(\.notes)
        let byKind = Annotation.Kind.allCases.compactMap { kind -> KindNotes? in
            let notes = all.filter { $0.kind == kind.rawValue }
            return notes.isEmpty ? nil : KindNotes(kind: kind.rawValue, label: kind.label, count: notes.count, notes: notes)
        }
        return AnnotationsPage(site: page.info, page: page.chrome(title: input.notes.title("Notes"), kind: "annotations", crumbs: [Crumb(title: "Notes")]),
                               byArticle: byArticle, byKind: byKind, hasOrphans: input.hasOrphans, pager: input.notes.pager("Notes", on: page))
    }
}

struct OrphanItem: Hashable, Encodable {
    var id: String
    var kind: String
    var kindLabel: String
    var path: String
    var quote: String
    var closest: String?
    var bodyHTML: String
    var url: String
    var articleTitle: String
}
struct UnanchoredPage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome; var orphans: [OrphanItem]; var pager: Pager? }

/// `annotations/unanchored/`: notes whose passage was not found, built with `--allow-orphans`,
/// so that no note is silently dropped. Only when there are some.
enum UnanchoredPageKind: PageKind {
    static let template = "unanchored"

    static func pages(of site: AnalysedSite) -> [Page<Pagination.Slice<ArticlePick>>] {
        let orphans = site.articles.flatMap { analysed in analysed.orphans.indices.map { ArticlePick(article: analysed, index: $0) } }
        guard !orphans.isEmpty else { return [] }
        return Pagination.pages(of: orphans, size: Pagination.cards, first: .unanchored).map { Page(route: $0.route, input: $0) }
    }

    static func model(_ input: Pagination.Slice<ArticlePick>, _ page: PageContext) -> UnanchoredPage {
        let orphans = input.items.map { ref in
            let orphan = ref.article.orphans[ref.index]
            let a = orphan.annotation
            return OrphanItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, path: a.path, quote: a.quote,
                              closest: orphan.closest, bodyHTML: page.html(orphan.body),
                              url: page.link(to: .article(ref.article.article.slug)), articleTitle: ref.article.article.title)
        }
        let chrome = page.chrome(title: input.title("Unanchored notes"), kind: "unanchored",
                                 crumbs: [page.crumb("Notes", up: .annotations), Crumb(title: "Unanchored notes")])
        return UnanchoredPage(site: page.info, page: chrome, orphans: orphans, pager: input.pager("Unanchored notes", on: page))
    }
}
