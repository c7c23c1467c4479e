/// A saved web page: the article's metadata from `<meta>`, `<time>` and `<h1>`, and its text
/// from `<article>` (or `<main>`, or `<body>`), so navigation around it is not even considered.
enum HTMLPageReader {
    static func record(_ html: String, input: String) -> ImportRecord {
        let root = HTMLParser.parse(html)
        var metas: [HTMLNode] = []
        root.all("meta", into: &metas)
        func meta(_ keys: String...) -> String? {
            for key in keys {
                if let node = metas.first(where: { ($0.attributes["property"] ?? $0.attributes["name"] ?? $0.attributes["itemprop"])?.lowercased() == key }),
                   let content = node.attributes["content"].map(TextNormaliser.normalise), !content.isEmpty { return content }
            }
            return nil
        }
        let h1 = (contentRoot(root).first("h1") ?? root.first("h1")).map { TextNormaliser.normalise($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        let titleTag = root.first("title").map { TextNormaliser.normalise($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        var record = ImportRecord(input: input, line: 1, title: h1 ?? meta("og:title") ?? titleTag, text: html, format: .html)
        record.isSinglePage = true
        record.textLinesAreInputLines = false
        var times: [HTMLNode] = []
        root.all("time", into: &times)
        record.date = meta("article:published_time", "datepublished", "date", "pubdate", "dc.date")
            ?? times.compactMap { $0.attributes["datetime"] }.first
        record.author = meta("author", "article:author", "dc.creator").flatMap { $0.hasPrefix("http") ? nil : $0 }
        var links: [HTMLNode] = []
        root.all("link", into: &links)
        record.url = links.first { $0.attributes["rel"]?.lowercased() == "canonical" }?.attributes["href"] ?? meta("og:url")
        record.fallbackSource = meta("og:site_name")
        record.tags = meta("keywords", "news_keywords").map(splitTags) ?? []
        return record
    }

    /// The element holding the article: the longest `<article>`, else `<main>`, else `<body>`, else everything.
    static func contentRoot(_ root: HTMLNode) -> HTMLNode {
        var articles: [HTMLNode] = []
        root.all("article", into: &articles)
        if let longest = articles.max(by: { $0.textContent.count < $1.textContent.count }) { return longest }
        return root.first("main") ?? root.first("body") ?? root
    }
}
