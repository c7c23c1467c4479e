import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

/// `feed.xml` (Atom, RFC 4287) and `feed.json` (JSON Feed 1.1): the newest articles and notes,
/// with absolute URLs. Written only when the site has a `base_url`: a feed with wrong URLs is
/// worse than none.
struct Feeds {
    static let entryLimit = 50

    struct Entry: Hashable {
        var id: String
        var url: String
        var title: String
        var date: ContentDate
        var author: String?
        var summary: String
        var contentHTML: String
        var tags: [String]
        /// The article's lead picture.
        var image: SocialImage?
    }

    let site: AnalysedSite
    let base: String
    let shared: SharedPageContext

    /// The newest entries. Articles come newest first, so only the first `entryLimit` of them
    /// (and any sharing the last one's date, which the id may order first) can be among them;
    /// every note is a candidate, as a note may be newer than its article. Candidates are
    /// ranked by date and id first and only the chosen ones are rendered (a preview rebuild
    /// of 50,000 notes otherwise renders every note's HTML to keep 50). Only candidates as new
    /// as the `entryLimit`-th newest date are ranked, so few get an id made.
    var entries: [Entry] {
        struct Candidate {
            var timestamp: Int
            var id: String
            var make: () -> Entry
        }
        var candidates: [Candidate] = []
        let articleCutoff = site.articles.count > Self.entryLimit ? site.articles[ArticleID(Self.entryLimit - 1)].article.date.timestamp : Int.min
        var dates: [Int] = []
        for analysed in site.articles {
            if analysed.article.date.timestamp >= articleCutoff { dates.append(analysed.article.date.timestamp) }
            dates += analysed.notes.map { ($0.annotation.date ?? analysed.article.date).timestamp }
        }
        let cutoff = dates.count > Self.entryLimit ? max(articleCutoff, dates.sorted(by: >)[Self.entryLimit - 1]) : articleCutoff
        for analysed in site.articles {
            let article = analysed.article
            let route = Route.article(article.slug)
            let url = base + route.url
            // Content keeps the page's relative links; `xml:base` resolves them.
            if article.date.timestamp >= cutoff {
                candidates.append(Candidate(timestamp: article.date.timestamp, id: url) { [base, shared] in
                    Entry(id: url, url: url, title: article.title, date: article.date, author: article.author,
                          summary: analysed.summary, contentHTML: shared.page(route).html(analysed.body, notes: analysed.notes),
                          tags: article.tags, image: analysed.leadImage.flatMap { SocialImage($0, base: base) })
                })
            }
            for note in analysed.notes {
                let a = note.annotation
                let date = a.date ?? article.date
                guard date.timestamp >= cutoff else { continue }
                let id = url + "#note-\(a.id)"
                candidates.append(Candidate(timestamp: date.timestamp, id: id) { [shared] in
                    Entry(id: id, url: id, title: "\(a.kind.label) on “\(article.title)”", date: date,
                          author: a.author, summary: "“\(note.passage)”", contentHTML: shared.page(route).html(note.body),
                          tags: [a.kind.rawValue], image: nil)
                })
            }
        }
        return candidates.sorted { ($0.timestamp, $1.id) > ($1.timestamp, $0.id) }.prefix(Self.entryLimit).map { $0.make() }
    }

    /// What the feeds show: the entries and the site's settings.
    struct Model: Hashable {
        var entries: [Entry]
        var config: SiteConfig
        var base: String
    }

    func files() -> [DerivedFile] {
        let entries = self.entries
        let model = Model(entries: entries, config: site.content.config, base: base)
        return [DerivedFile(path: "feed.xml", model: model) { Array(atom(entries).utf8) },
                DerivedFile(path: "feed.json", model: model) { json(entries) }]
    }

    func atom(_ entries: [Entry]) -> String {
        let config = site.content.config
        let updated = entries.first?.date.rfc3339 ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.htmlEscaped)">
        <id>\(base.htmlEscaped)</id>
        <title>\(config.title.htmlEscaped)</title>

        """
        if let description = config.description { xml += "<subtitle>\(description.htmlEscaped)</subtitle>\n" }
        xml += """
        <updated>\(updated)</updated>
        <author><name>\((config.author ?? config.title).htmlEscaped)</name></author>
        <link rel="self" type="application/atom+xml" href="\((base + "feed.xml").htmlEscaped)"/>
        <link rel="alternate" type="text/html" href="\(base.htmlEscaped)"/>
        <generator>Gloss</generator>

        """
        for entry in entries {
            xml += """
            <entry>
            <id>\(entry.id.htmlEscaped)</id>
            <title>\(entry.title.htmlEscaped)</title>
            <updated>\(entry.date.rfc3339)</updated>
            <published>\(entry.date.rfc3339)</published>
            <link rel="alternate" type="text/html" href="\(entry.url.htmlEscaped)"/>

            """
            if let author = entry.author { xml += "<author><name>\(author.htmlEscaped)</name></author>\n" }
            if let image = entry.image {
                xml += "<link rel=\"enclosure\" type=\"\(image.mediaType)\" href=\"\(image.url.htmlEscaped)\"/>\n"
            }
            for tag in entry.tags { xml += "<category term=\"\(tag.htmlEscaped)\"/>\n" }
            xml += """
            <summary type="text">\(entry.summary.htmlEscaped)</summary>
            <content type="html" xml:base="\(entry.url.htmlEscaped)">\(entry.contentHTML.htmlEscaped)</content>
            </entry>

            """
        }
        return xml + "</feed>\n"
    }

    struct JSONFeed: Encodable {
        struct Author: Encodable { var name: String }
        struct Item: Encodable {
            var id: String
            var url: String
            var title: String
            var summary: String
            var content_html: String
            var date_published: String
            var authors: [Author]?
            var tags: [String]?
            var image: String?
        }
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var home_page_url: String
        var feed_url: String
        var description: String?
        var language: String
        var authors: [Author]
        var items: [Item]
    }

    func json(_ entries: [Entry]) -> [UInt8] {
        let config = site.content.config
        let feed = JSONFeed(
            title: config.title, home_page_url: base, feed_url: base + "feed.json", description: config.description,
            language: config.language, authors: [.init(name: config.author ?? config.title)],
            items: entries.map {
                .init(id: $0.id, url: $0.url, title: $0.title, summary: $0.summary, content_html: $0.contentHTML,
                      date_published: $0.date.rfc3339, authors: $0.author.map { [.init(name: $0)] }, tags: $0.tags.isEmpty ? nil : $0.tags,
                      image: $0.image?.url)
            })
        return DataExport.json(feed)
    }
}

/// `sitemap.xml` of every page, and `robots.txt` naming it.
struct Sitemap {
    let base: String

    /// What the sitemap is made from: the base URL, the pages (article pages in article order)
    /// and each article's date, as a number (yyyymmdd).
    struct Model: Hashable {
        var base: String
        var pages: [String]
        var days: [Int]
    }

    func files(pages: [String], site: AnalysedSite) -> [DerivedFile] {
        let days = site.articles.map { $0.article.date.year * 10_000 + $0.article.date.month * 100 + $0.article.date.day }
        return [DerivedFile(path: "sitemap.xml", model: Model(base: base, pages: pages, days: days)) { Array(xml(pages, site).utf8) },
         DerivedFile(path: "robots.txt", model: base) { Array("User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n".utf8) }]
    }

    func xml(_ pages: [String], _ site: AnalysedSite) -> String {
        let dates = Dictionary(site.articles.map { (Route.article($0.article.slug).path, $0.article.date) }, uniquingKeysWith: { a, _ in a })
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page.hasSuffix("index.html") {
            let path = String(page.dropLast("index.html".count))
            xml += "<url><loc>\((base + path).htmlEscaped)</loc>"
            if let date = dates[page] { xml += "<lastmod>\(date.isoDate)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
