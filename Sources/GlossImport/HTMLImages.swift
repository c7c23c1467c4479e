import Foundation

/// Story pictures of an imported page, kept as remote references: `![alt](https://…)`, and a
/// `<figure>`'s `<figcaption>` as the caption line under it (the figure syntax Gloss reads).
/// Pictures that are not the story's are left out: no address Gloss can show (`data:`,
/// relative without a base), or a 1 × 1 tracking pixel.
extension HTMLToMarkdown {
    /// A `<figure>` holding a picture, as one block; nil for a figure without one.
    func figure(_ node: HTMLNode) -> MarkdownBlock? {
        guard let picture = node.first("img"), let image = image(picture) else { return nil }
        var caption: InlineText?
        if let figcaption = node.first("figcaption") {
            var buffer = InlineBuffer()
            buffer.append(inline(figcaption, flattenBreaks: true))
            let text = buffer.flush()
            caption = InlineText(markdown: text.map(\.markdown).joined(separator: " "), plain: text.map(\.plain).joined(separator: " "))
        }
        guard let caption, !caption.plain.isEmpty else { return MarkdownBlock(markdown: image.markdown, plain: image.plain) }
        return MarkdownBlock(markdown: image.markdown + "\n" + caption.markdown, plain: caption.plain)
    }

    /// An `<img>` as Markdown; its alt text is its plain text.
    func image(_ node: HTMLNode) -> InlineText? {
        if node.attributes["width"] == "1" || node.attributes["height"] == "1" { return nil }
        let candidates = [node.attributes["src"], node.attributes["data-src"], node.attributes["data-original"]]
        guard let url = candidates.lazy.compactMap({ $0.flatMap(self.linkTarget) }).first(where: { $0.lowercased().hasPrefix("http") }) else {
            return nil
        }
        let alt = collapse(node.attributes["alt"] ?? "").trimmingCharacters(in: .whitespaces)
        let escaped = MarkdownEscaper.inline(alt).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        return InlineText(markdown: "![\(escaped)](\(url))", plain: alt)
    }
}
