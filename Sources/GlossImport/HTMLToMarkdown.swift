import Foundation

/// One Markdown block converted from HTML, with its text as a reader sees it (for the rules).
struct MarkdownBlock: Sendable, Equatable {
    var markdown: String
    var plain: String
}

/// Converts feed and page HTML to Markdown conservatively: paragraphs, line breaks, links,
/// emphasis, block quotes, lists, headings and story pictures (`HTMLImages`); scripts and styles go; any other tag gives its text.
struct HTMLToMarkdown {
    /// Resolves relative links (a feed entry's own link); without it relative links become text.
    var baseURL: URL?

    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
                                       "head", "select", "button", "title", "textarea", "noembed", "noframes", "xmp"]
    static let blockElements: Set<String> = ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
                                             "figcaption", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "li", "blockquote",
                                             "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "dl", "dt", "dd", "address", "center",
                                             "form", "fieldset", "details", "summary", "body", "html", "caption", "hgroup", "picture", "video", "audio"]

    func blocks(_ html: String) -> [MarkdownBlock] {
        blocks(of: HTMLParser.parse(html))
    }

    func blocks(of node: HTMLNode) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var inline = InlineBuffer()
        for child in node.children {
            if child.name == "#text" || !Self.blockElements.contains(child.name) {
                if child.name == "br" { inline.lineBreak() } else if !Self.skipped.contains(child.name) { inline.append(self.inline(child)) }
            } else {
                result += inline.flush()
                result += block(child)
            }
        }
        return result + inline.flush()
    }

    private func block(_ node: HTMLNode) -> [MarkdownBlock] {
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(node.name.dropFirst())) ?? 2
            let content = inlineFlattened(node)
            guard !content.plain.isEmpty else { return [] }
            return [MarkdownBlock(markdown: String(repeating: "#", count: level) + " " + content.markdown, plain: content.plain)]
        case "blockquote":
            let inner = blocks(of: node)
            guard !inner.isEmpty else { return [] }
            let markdown = inner.map { block in block.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") }
            return [MarkdownBlock(markdown: markdown.joined(separator: "\n>\n"), plain: inner.map(\.plain).joined(separator: " "))]
        case "ul", "ol":
            return list(node, ordered: node.name == "ol")
        case "hr":
            return []
        case "figure":
            return figure(node).map { [$0] } ?? blocks(of: node)
        default:
            return blocks(of: node)
        }
    }

    private func list(_ node: HTMLNode, ordered: Bool) -> [MarkdownBlock] {
        var number = Int(node.attributes["start"] ?? "") ?? 1
        if number < 0 || number > 999_999_999 { number = 1 }
        var items: [String] = []
        var plain: [String] = []
        for child in node.children {
            let content = child.name == "li" ? blocks(of: child) : (child.name == "#text" ? blocks(of: wrap(child)) : block(child))
            guard !content.isEmpty else { continue }
            let marker = ordered ? "\(number). " : "- "
            let indent = String(repeating: " ", count: marker.count)
            var lines: [String] = []
            for (index, block) in content.enumerated() {
                if index > 0 { lines.append("") }
                lines += block.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            items.append(lines.enumerated().map { $0.offset == 0 ? marker + $0.element : ($0.element.isEmpty ? "" : indent + $0.element) }.joined(separator: "\n"))
            plain.append(content.map(\.plain).joined(separator: " "))
            number += 1
        }
        guard !items.isEmpty else { return [] }
        return [MarkdownBlock(markdown: items.joined(separator: "\n"), plain: plain.joined(separator: " "))]
    }

    private func wrap(_ node: HTMLNode) -> HTMLNode {
        let wrapper = HTMLNode(name: "div")
        wrapper.children = [node]
        return wrapper
    }

    /// Inline content of a node, with any blocks inside it run together.
    private func inlineFlattened(_ node: HTMLNode) -> InlineText {
        var buffer = InlineBuffer()
        buffer.append(inline(node, flattenBreaks: true))
        let block = buffer.flush()
        return InlineText(markdown: block.map(\.markdown).joined(separator: " "), plain: block.map(\.plain).joined(separator: " "))
    }

    func inline(_ node: HTMLNode, inLink: Bool = false, flattenBreaks: Bool = false) -> InlineText {
        switch node.name {
        case "#text":
            let text = collapse(node.text)
            var markdown = MarkdownEscaper.inline(text)
            if inLink { markdown = markdown.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]") }
            return InlineText(markdown: markdown, plain: text)
        case "br":
            return flattenBreaks ? InlineText(markdown: " ", plain: " ") : InlineText(markdown: "\n", plain: "\n")
        case "img":
            return (inLink ? nil : image(node)) ?? InlineText(markdown: "", plain: "")
        case _ where Self.skipped.contains(node.name):
            return InlineText(markdown: "", plain: "")
        default:
            break
        }
        var inner = InlineText(markdown: "", plain: "")
        for child in node.children {
            var part = inline(child, inLink: inLink || node.name == "a", flattenBreaks: flattenBreaks)
            if Self.blockElements.contains(child.name) { part = InlineText(markdown: " " + part.markdown + " ", plain: " " + part.plain + " ") }
            inner.markdown += part.markdown
            inner.plain += part.plain
        }
        switch node.name {
        case "em", "i", "cite", "dfn": return inner.wrapped(in: "*")
        case "strong", "b": return inner.wrapped(in: "**")
        case "td", "th": return InlineText(markdown: inner.markdown + " ", plain: inner.plain + " ")
        case "a":
            guard !inLink, let href = node.attributes["href"], let url = linkTarget(href) else { return inner }
            let label = inner.markdown.trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty, !label.contains("\n") else { return inner }
            let leading = inner.markdown.hasPrefix(" ") ? " " : "", trailing = inner.markdown.hasSuffix(" ") ? " " : ""
            return InlineText(markdown: "\(leading)[\(label)](\(url))\(trailing)", plain: inner.plain)
        default:
            return inner
        }
    }

    /// An http(s) or mailto URL, made absolute when it can be; nil for script, data and in-page links.
    func linkTarget(_ href: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        var absolute: String?
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
            absolute = trimmed
        } else if !lower.contains(":"), !trimmed.hasPrefix("#"), !trimmed.isEmpty, let baseURL, let resolved = URL(string: trimmed, relativeTo: baseURL) {
            absolute = resolved.absoluteString
        }
        guard let absolute else { return nil }
        var out = ""
        for scalar in absolute.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\n", "\r", "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                space = true
            } else {
                if space { out.append(" ") }
                space = false
                out.append(scalar)
            }
        }
        if space { out.append(" ") }
        return String(out)
    }
}
