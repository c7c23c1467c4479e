import GlossAnalysis

/// The values templates see. Plain structs: swift-mustache reads their properties by name, and
/// `{{x}}` escapes every one of them; only fields named `…HTML`/`body`/`…SVG` hold HTML that
/// Gloss itself rendered, shown with `{{{x}}}`.
struct SiteInfo: Hashable, Encodable {
    var title: String
    var description: String?
    var author: String?
    var language: String
    /// Present when feeds are written (the site has a `base_url`).
    var feedURL: String?
}

struct Crumb: Hashable, Encodable {
    var title: String
    var url: String?
}

/// What every page has: its place in the site and its head metadata.
struct PageChrome: Hashable, Encodable {
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

struct EntityRef: Hashable, Encodable {
    var name: String
    var url: String
    var count: Int
}

struct TagRef: Hashable, Encodable {
    var name: String
    var url: String
    var count: Int
}

struct ArticleItem: Hashable, Encodable {
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

struct PageLink: Hashable, Encodable { var title: String; var url: String }

struct RelatedItem: Hashable, Encodable { var title: String; var url: String; var sharedLabel: String }

struct NoteItem: Hashable, Encodable {
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

struct LinkItem: Hashable, Encodable { var title: String; var url: String }

/// One of an article's notes, quotes or unanchored notes, as page inputs list them: the
/// article's analysis (which compares by revision) and the item's index in it.
struct ArticlePick: Equatable, Sendable {
    var article: AnalysedArticle
    var index: Int
}

/// "1 article", "3 articles": for pages and for the command line's summaries.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
