import GlossAnalysis
import GlossContent

struct ArticleNotes: Hashable { var title: String; var url: String; var notes: [NoteItem] }
struct KindNotes: Hashable { var kind: String; var label: String; var count: Int; var notes: [NoteItem] }
struct AnnotationsPage: Hashable { var site: SiteInfo; var page: PageChrome; var byArticle: [ArticleNotes]; var byKind: [KindNotes]; var hasOrphans: Bool }

/// `annotations/`: every note, by article and by kind.
enum AnnotationsPageKind: PageKind {
    static let template = "annotations"

    struct Input: Equatable, Sendable {
        /// Articles with notes, newest first.
        var articles: [AnalysedArticle]
        var hasOrphans: Bool
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        [Page(route: .annotations, input: Input(articles: site.articles.filter { !$0.notes.isEmpty },
                                                 hasOrphans: site.articles.contains { !$0.orphans.isEmpty }))]
    }

    static func model(_ input: Input, _ page: PageContext) -> AnnotationsPage {
        let byArticle = input.articles.map { analysed in
            ArticleNotes(title: analysed.article.title, url: page.link(to: .article(analysed.article.slug)),
                         notes: analysed.notes.map { page.noteItem($0, of: analysed) })
        }
        let all = byArticle.flatMap(\.notes)
        let byKind = Annotation.Kind.allCases.compactMap { kind -> KindNotes? in
            let notes = all.filter { $0.kind == kind.rawValue }
            return notes.isEmpty ? nil : KindNotes(kind: kind.rawValue, label: kind.label, count: notes.count, notes: notes)
        }
        return AnnotationsPage(site: page.info, page: page.chrome(title: "Notes", kind: "annotations", crumbs: [Crumb(title: "Notes")]),
                               byArticle: byArticle, byKind: byKind, hasOrphans: input.hasOrphans)
    }
}

struct OrphanItem: Hashable {
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
struct UnanchoredPage: Hashable { var site: SiteInfo; var page: PageChrome; var orphans: [OrphanItem] }

/// `annotations/unanchored/`: notes whose passage was not found, built with `--allow-orphans`,
/// so that no note is silently dropped. Only when there are some.
enum UnanchoredPageKind: PageKind {
    static let template = "unanchored"

    static func pages(of site: AnalysedSite) -> [Page<[AnalysedArticle]>] {
        let articles = site.articles.filter { !$0.orphans.isEmpty }
        return articles.isEmpty ? [] : [Page(route: .unanchored, input: articles)]
    }

    static func model(_ input: [AnalysedArticle], _ page: PageContext) -> UnanchoredPage {
        let orphans = input.flatMap { analysed in
            analysed.orphans.map { orphan in
                let a = orphan.annotation
                return OrphanItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, path: a.path, quote: a.quote,
                                  closest: orphan.closest, bodyHTML: page.html(orphan.body),
                                  url: page.link(to: .article(analysed.article.slug)), articleTitle: analysed.article.title)
            }
        }
        let chrome = page.chrome(title: "Unanchored notes", kind: "unanchored",
                                 crumbs: [page.crumb("Notes", up: .annotations), Crumb(title: "Unanchored notes")])
        return UnanchoredPage(site: page.info, page: chrome, orphans: orphans)
    }
}
