import GlossContent
import GlossMarkdown

/// `gloss new annotation`: checks that a quote anchors in its article before a note file is
/// written, so editors learn at once which occurrence they hit, or why the quote is not found.
public enum AnnotationDraft {
    public enum Outcome: Sendable, Equatable {
        /// The note file's text, and what to tell the editor.
        case ready(file: String, message: String)
        case rejected(message: String)
    }

    public static func prepare(quote: String, occurrence: Int?, kind: Annotation.Kind, author: String?, date: String,
                               article: Article, config: SiteConfig) -> Outcome {
        let document = MarkdownDocument(article.body, options: MarkdownOptions(allowUnsafeHTML: config.allowUnsafeHTML))
        let texts = document.textBlocks().map(\.text)
        let selector = TextQuoteSelector(exact: quote, occurrence: occurrence)
        switch PassageAnchor.anchor(selector, in: texts) {
        case .exact(let anchor):
            let place = "paragraph \(anchor.block + 1)" + (occurrence.map { ", occurrence \($0)" } ?? "")
            return .ready(file: frontMatter(quote: quote, occurrence: occurrence, kind: kind, author: author, date: date),
                          message: "the quote anchors in \(place): \(PassageAnchor.context(of: anchor, in: texts))")
        case .ambiguous(let anchors):
            let list = anchors.enumerated().map { "  --occurrence \($0.offset + 1): \(PassageAnchor.context(of: $0.element, in: texts))" }
            return .rejected(message: "the quote occurs \(anchors.count) times in `\(article.slug)`; choose one:\n" + list.joined(separator: "\n"))
        case .approximate(_, let distance, let found):
            return .rejected(message: "the quote is not in `\(article.slug)` exactly (\(distance) edits away); the article says: \"\(found)\"")
        case .orphan(let closest):
            let hint = closest.map { " The closest passage is: \"\(String(decoding: Array(texts[$0.block].utf8)[$0.range], as: UTF8.self))\"" } ?? ""
            return .rejected(message: "the quote is not in `\(article.slug)`.\(hint)")
        }
    }

    /// Front matter with every string quoted by `YAMLText`, so any quote round-trips.
    static func frontMatter(quote: String, occurrence: Int?, kind: Annotation.Kind, author: String?, date: String) -> String {
        var lines = ["---", "quote: \(YAMLText.quoted(quote))"]
        if let occurrence { lines.append("occurrence: \(occurrence)") }
        lines.append("kind: \(kind.rawValue)")
        if let author { lines.append("author: \(YAMLText.quoted(author))") }
        lines.append("date: \(date)")
        lines += ["---", "Write the note here, in Markdown.", ""]
        return lines.joined(separator: "\n")
    }
}
