/// Writes front matter by hand (Yams belongs to GlossContent): every string double-quoted with
/// `\` and `"` escaped, and characters YAML treats as breaks or forbids written as escapes, so
/// any scraped text survives the round trip through `SiteLoader`.
enum FrontMatterWriter {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u" + hex(value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    static func article(_ article: PreparedArticle) -> String {
        var lines = ["---", "title: \(quoted(article.title))", "date: \(quoted(article.date))"]
        if let source = article.source { lines.append("source: \(quoted(source))") }
        if let url = article.url { lines.append("url: \(quoted(url))") }
        if let author = article.author { lines.append("author: \(quoted(author))") }
        if !article.tags.isEmpty { lines.append("tags: \(list(article.tags))") }
        if let summary = article.summary { lines.append("summary: \(quoted(summary))") }
        if !article.related.isEmpty { lines.append("related: \(list(article.related))") }
        if article.draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + article.body + "\n"
    }

    /// A stub for the editor to complete: name, kind other, summary TODO.
    static func entityStub(name: String) -> String {
        ["---", "name: \(quoted(name))", "kind: other", "summary: \"TODO\"", "---", ""].joined(separator: "\n")
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
