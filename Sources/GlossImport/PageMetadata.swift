import GlossContent
import GlossHTML

/// An article's facts as its page states them, each taken from the most trustworthy place that
/// has it: JSON-LD, then `<meta>` (Open Graph, article:*, Dublin Core, Parse.ly), then the page's
/// own elements (`<h1>`, `<time>`, a byline). Where two sources disagree the report says so.
struct PageMetadata: Sendable {
    var title: String?
    var authors: [String] = []
    var date: String?
    var siteName: String?
    var url: String?
    var summary: String?
    var tags: [String] = []
    /// The article text the page gives in its JSON-LD, if any (a signal for finding the story).
    var articleBody: String?
    var warnings: [String] = []

    static let dateKeys = ["article:published_time", "og:published_time", "published_time", "datepublished", "pubdate", "publishdate",
                           "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                           "sailthru.date", "parsely-pub-date", "article.published", "ptime", "cxenseparse:recs:publishtime", "displaydate"]
    static let authorKeys = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author"]

    init(_ document: HTMLDocument, facts: PageFacts) {
        let json = JSONLinkedData(document)
        var metas: [String: [String]] = [:]
        for meta in document.elements("meta") {
            guard let key = (document.attribute("property", of: meta) ?? document.attribute("name", of: meta) ?? document.attribute("itemprop", of: meta))?.lowercased(),
                  let content = document.attribute("content", of: meta).map({ TextNormaliser.normalise(HTMLDocument.plainText($0)) }), !content.isEmpty else { continue }
            metas[key, default: []].append(content)
        }
        func meta(_ keys: [String]) -> (key: String, value: String)? {
            for key in keys { if let value = metas[key]?.first { return (key, value) } }
            return nil
        }

        siteName = meta(["og:site_name", "application-name"])?.value ?? json.publisher
        let headings = document.elements("h1").filter { !facts.excluded[$0] }.prefix(3).map { facts.text($0) }.filter { !$0.isEmpty }
        let titleTag = document.first("title").map { TextNormaliser.normalise(document.textContent($0)) }
        if let raw = meta(["og:title", "twitter:title"])?.value ?? json.headline ?? titleTag ?? headings.first {
            // The JSON-LD headline is the page's own headline too, when no <h1> carries it.
            title = PageTitle.clean(raw, siteName: siteName, headings: Array(headings) + [json.headline].compactMap { $0 })
        }

        authors = json.authors
        if authors.isEmpty, let found = meta(Self.authorKeys), !found.value.lowercased().hasPrefix("http") { authors = [found.value] }
        if authors.isEmpty { authors = Bylines.find(in: document, facts: facts) }
        authors = Bylines.clean(authors, siteName: siteName)

        var dates: [(source: String, value: String)] = []
        if let published = json.datePublished { dates.append(("JSON-LD datePublished", published)) }
        if let found = meta(Self.dateKeys) { dates.append(("<meta \(found.key)>", found.value)) }
        let times = document.elements("time").filter { document.attribute("datetime", of: $0) != nil }
        if let time = times.first(where: { document.attribute("itemprop", of: $0)?.lowercased() == "datepublished" }) ?? times.first,
           let value = document.attribute("datetime", of: time) {
            dates.append(("<time datetime>", value))
        } else if let value = Self.microdataDate(document) {
            dates.append(("itemprop=\"datePublished\"", value))
        }
        let readable = dates.compactMap { source, value in DateParser.iso(from: value).map { (source, value, $0) } }
        date = readable.first.map(\.1) ?? dates.first?.value
        if let first = readable.first, let other = readable.dropFirst().first(where: { Self.daysApart($0.2, first.2) > 1 }) {
            warnings.append("the page gives two publication dates: \(first.2) (\(first.0)) and \(other.2) (\(other.0)); used the first")
        }

        var links = document.elements("link").filter { document.attribute("rel", of: $0)?.lowercased().split(separator: " ").contains("canonical") == true }
        links = links.filter { document.attribute("href", of: $0)?.lowercased().hasPrefix("http") == true }
        url = links.first.flatMap { document.attribute("href", of: $0) } ?? meta(["og:url"])?.value ?? json.url.flatMap { $0.lowercased().hasPrefix("http") ? $0 : nil }
        summary = (meta(["og:description", "description", "twitter:description"])?.value ?? json.description).flatMap { $0.spaceSeparatedWords.count >= 3 ? $0 : nil }

        var tags = metas["article:tag"] ?? []
        if tags.isEmpty { tags = json.keywords }
        if tags.isEmpty, let keywords = meta(["news_keywords", "keywords"])?.value { tags = splitTags(keywords) }
        self.tags = Self.usableTags(tags)
        articleBody = json.articleBody
    }

    /// The page's microdata publication date on any element (`<span itemprop="datePublished"
    /// content="2017-01-18T23:00:00-0800">`, a `<time>` with `content` instead of `datetime`).
    static func microdataDate(_ document: HTMLDocument) -> String? {
        for id in document.nodes.indices where document[id].kind == .element
            && document.attribute("itemprop", of: id)?.lowercased().split(separator: " ").contains("datepublished") == true {
            if let value = document.attribute("content", of: id) ?? document.attribute("datetime", of: id), !value.isEmpty { return value }
        }
        return nil
    }

    /// Keywords lists stuffed for search engines are not tags: at most 12 short, distinct items.
    static func usableTags(_ tags: [String]) -> [String] {
        var seen: Set<String> = [], result: [String] = []
        for tag in tags.map(TextNormaliser.normalise) where !tag.isEmpty && tag.count <= 40 && tag.spaceSeparatedWords.count <= 5 {
            if seen.insert(tag.lowercased()).inserted { result.append(tag) }
        }
        return result.count > 20 ? [] : Array(result.prefix(12))
    }

    /// Whole days between two front-matter dates (instants when they carry a time).
    static func daysApart(_ a: String, _ b: String) -> Int {
        guard let first = ContentDate(a), let second = ContentDate(b) else { return 0 }
        return abs(first.timestamp - second.timestamp) / 86_400
    }
}
