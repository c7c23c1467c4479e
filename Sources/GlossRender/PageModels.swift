/// The values templates see. Plain structs: swift-mustache reads their properties by name, and
/// `{{x}}` escapes every one of them; only fields named `…HTML`/`body`/`…SVG` hold HTML that
/// Gloss itself rendered, shown with `{{{x}}}`.
struct SiteInfo: Hashable {
    var title: String
    var description: String?
    var author: String?
    var language: String
    /// Present when feeds are written (the site has a `base_url`).
    var feedURL: String?
}

struct Crumb: Hashable {
    var title: String
    var url: String?
}

/// What every page has: its place in the site and its head metadata.
struct PageChrome: Hashable {
    var title: String
    var description: String?
    var kind: String
    /// Relative path from this page to the site root: "", "../" or "../../".
    var root: String
    var canonical: String?
    var ogType: String
    var breadcrumbs: [Crumb]
    var isHome: Bool
}

struct EntityRef: Hashable {
    var name: String
    var url: String
    var count: Int
}

struct TagRef: Hashable {
    var name: String
    var url: String
    var count: Int
}

struct ArticleItem: Hashable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var source: String?
    var summary: String
    var noteCount: Int
    var noteCountLabel: String
    var entities: [EntityRef]
}

struct PageLink: Hashable { var title: String; var url: String }

/// The home page and every digest page: one edition of the digest.
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

struct ArchiveItem: Hashable { var title: String; var url: String; var articleCountLabel: String }
struct ArchivePage: Hashable { var site: SiteInfo; var page: PageChrome; var digests: [ArchiveItem] }

struct GraphEdgeItem: Hashable { var from: String; var fromURL: String; var to: String; var toURL: String; var countLabel: String }
struct GraphPage: Hashable { var site: SiteInfo; var page: PageChrome; var svg: String; var caption: String; var legend: [GraphLegendItem]; var edges: [GraphEdgeItem] }

struct RelatedItem: Hashable { var title: String; var url: String; var sharedLabel: String }

struct NoteItem: Hashable {
    var id: String
    var kind: String
    var kindLabel: String
    var author: String?
    var date: String?
    var passage: String
    var bodyHTML: String
    var url: String
    var articleTitle: String
}

struct ArticlePage: Hashable {
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

struct MentionItem: Hashable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var countLabel: String
    var snippet: String
}

struct QuoteItem: Hashable {
    var text: String
    var speaker: String
    var url: String
    var articleTitle: String
    var date: String
}

struct EntityPage: Hashable {
    var site: SiteInfo
    var page: PageChrome
    var name: String
    var kindLabel: String
    var summary: String?
    var aliases: [String]
    var descriptionHTML: String
    var links: [LinkItem]
    var timelineSVG: String
    var articleCountLabel: String
    var mentions: [MentionItem]
    var quotes: [QuoteItem]
    var appearsWith: [EntityRef]
    var neighbourhood: GraphFigure?
    var notes: [NoteItem]
}

struct LinkItem: Hashable { var title: String; var url: String }

struct EntityIndexItem: Hashable { var name: String; var url: String; var mentionLabel: String; var summary: String? }
struct KindGroup: Hashable { var kind: String; var label: String; var entities: [EntityIndexItem] }
struct EntitiesPage: Hashable { var site: SiteInfo; var page: PageChrome; var kinds: [KindGroup] }

struct TagPage: Hashable { var site: SiteInfo; var page: PageChrome; var name: String; var articleCountLabel: String; var articles: [ArticleItem] }
struct TagsPage: Hashable { var site: SiteInfo; var page: PageChrome; var tags: [TagRef] }

struct ArticleNotes: Hashable { var title: String; var url: String; var notes: [NoteItem] }
struct KindNotes: Hashable { var kind: String; var label: String; var count: Int; var notes: [NoteItem] }
struct AnnotationsPage: Hashable { var site: SiteInfo; var page: PageChrome; var byArticle: [ArticleNotes]; var byKind: [KindNotes]; var hasOrphans: Bool }

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

struct NotFoundPage: Hashable { var site: SiteInfo; var page: PageChrome }

/// "1 article", "3 articles": for pages and for the command line's summaries.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
