import GlossContent

/// The front matter of imported articles and entity stubs, quoted by `YAMLText` so any scraped
/// text survives the round trip through `SiteLoader`.
enum FrontMatterWriter {
    static func article(_ article: PreparedArticle) -> String {
        var lines = ["---", "title: \(YAMLText.quoted(article.title))", "date: \(YAMLText.quoted(article.date))"]
        if let source = article.source { lines.append("source: \(YAMLText.quoted(source))") }
        if let url = article.url { lines.append("url: \(YAMLText.quoted(url))") }
        if let author = article.author { lines.append("author: \(YAMLText.quoted(author))") }
        if !article.tags.isEmpty { lines.append("tags: \(YAMLText.list(article.tags))") }
        if let summary = article.summary { lines.append("summary: \(YAMLText.quoted(summary))") }
        if !article.related.isEmpty { lines.append("related: \(YAMLText.list(article.related))") }
        if article.draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + article.body + "\n"
    }

    /// A stub for the editor to complete: name, kind other, summary TODO.
    static func entityStub(name: String) -> String {
        ["---", "name: \(YAMLText.quoted(name))", "kind: other", "summary: \"TODO\"", "---", ""].joined(separator: "\n")
    }
}
