import Foundation
import GlossHTML

/// One Markdown block converted from HTML, with its text as a reader sees it (for the rules).
struct MarkdownBlock: Sendable, Equatable {
    var markdown: String
    var plain: String
    /// A story image (`![alt](url "caption")`): no text of its own, never judged by text rules.
    var isImage = false
    /// A picture saved with the page, copied beside the article under the name the image uses.
    var picture: SavedPageFiles.Picture?
    /// Line of the page where the block starts (0 when unknown).
    var line = 0
}

/// Converts feed and page HTML to Markdown conservatively: paragraphs, line breaks, links,
/// emphasis, block quotes, lists, headings and images; scripts, styles, forms and whatever the
/// extractor marked as page furniture go; any other tag gives its text.
struct HTMLToMarkdown {
    /// Resolves relative links (a feed entry's own link, a page's canonical URL).
    var baseURL: URL?
    /// A saved page's own files: story pictures among them are copied, not linked.
    var savedFiles: SavedPageFiles?

    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
                                       "head", "select", "button", "title", "textarea", "noembed", "noframes", "xmp", "input", "video",
                                       "audio", "source", "track", "map", "dialog", "meta", "link", "rt", "rp"]
    static let blockElements: Set<String> = ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
                                             "figcaption", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "li", "blockquote",
                                             "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "dl", "dt", "dd", "address", "center",
                                             "form", "fieldset", "details", "summary", "body", "html", "caption", "hgroup", "picture",
                                             "video", "audio", "img", "menu", "legend"]

    /// A feed entry's or batch row's HTML, all of it.
    func blocks(_ html: String) -> [MarkdownBlock] {
        let document = HTMLDocument.parseFragment(html)
        return Conversion(converter: self, document: document, dropped: nil).blocks(of: [document.root])
    }

    /// The chosen nodes of a page, leaving out every node `dropped` marks.
    func blocks(of nodes: [HTMLDocument.NodeID], in document: HTMLDocument, dropped: [Bool]?) -> [MarkdownBlock] {
        Conversion(converter: self, document: document, dropped: dropped).blocks(of: nodes)
    }

    /// An http(s) or mailto URL, made absolute when it can be; nil for script, data and in-page links.
    func linkTarget(_ href: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        var absolute: String?
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
            absolute = trimmed
        } else if lower.hasPrefix("//"), let scheme = baseURL?.scheme {
            absolute = scheme + ":" + trimmed
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

    static func collapse(_ text: String) -> String {
        // On UTF-8 bytes: the spaces are ASCII, and no byte of a longer character is one of them.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                space = true
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        if space { out.append(0x20) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One conversion: the document, what is dropped, and the recursive walk (bounded by
/// `HTMLDocument.maxDepth`).
private struct Conversion {
    typealias NodeID = HTMLDocument.NodeID
    let converter: HTMLToMarkdown
    let document: HTMLDocument
    let dropped: [Bool]?

    func isDropped(_ id: NodeID) -> Bool { dropped.map { id < $0.count && $0[id] } ?? false }

    func blocks(of ids: [NodeID]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for id in ids {
            let node = document[id]
            if node.kind == .element, HTMLToMarkdown.blockElements.contains(node.name) { result += block(id) } else { result += children(of: id) }
        }
        return result
    }

    /// The blocks made by a node's children: runs of inline content become paragraphs.
    func children(of id: NodeID) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var inline = InlineBuffer()
        var line = 0
        for child in document[id].children where !isDropped(child) {
            let kind = document[child].kind, name = document[child].name
            if kind == .element, HTMLToMarkdown.blockElements.contains(name) || document.isReadNoscript(child) {
                result += inline.flush(line: line)
                line = 0
                result += block(child)
            } else if kind == .element, name == "br" {
                inline.lineBreak()
            } else if kind == .element, let img = linkedImage(child) {
                result += inline.flush(line: line)
                line = 0
                result += block(img)
            } else if kind == .text || (kind == .element && !HTMLToMarkdown.skipped.contains(name)) {
                if line == 0 { line = document[child].line }
                inline.append(self.inline(child))
            }
        }
        return result + inline.flush(line: line)
    }

    /// `<a href="big.jpg"><img …></a>`, `<span><img …></span>`: an inline element holding only an image.
    func linkedImage(_ id: NodeID) -> NodeID? {
        guard !document[id].children.isEmpty, !HTMLToMarkdown.skipped.contains(document[id].name) else { return nil }
        var img: NodeID?
        var stack = document[id].children
        while let next = stack.popLast() {  // stops at the first word of text
            switch document[next].kind {
            case .text: if !document.isBlankText(next) { return nil }
            case .element:
                if document[next].name == "img" { img = img ?? next } else { stack.append(contentsOf: document[next].children) }
            default: continue
            }
        }
        guard let img, !isDropped(img) else { return nil }
        return img
    }

    func block(_ id: NodeID) -> [MarkdownBlock] {
        let node = document[id]
        guard !isDropped(id) else { return [] }
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(node.name.dropFirst())) ?? 2
            let content = inlineFlattened(id)
            guard !content.plain.isEmpty else { return [] }
            return [MarkdownBlock(markdown: String(repeating: "#", count: level) + " " + content.markdown, plain: content.plain, line: node.line)]
        case "blockquote":
            let inner = children(of: id).filter { !$0.isImage }
            guard !inner.isEmpty else { return [] }
            let markdown = inner.map { block in block.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") }
            return [MarkdownBlock(markdown: markdown.joined(separator: "\n>\n"), plain: inner.map(\.plain).joined(separator: " "), line: node.line)]
        case "ul", "ol":
            return list(id, ordered: node.name == "ol")
        case "hr":
            return []
        case "img":
            return image(id, caption: nil).map { [$0] } ?? []
        case "figure":
            return figure(id)
        default:
            return children(of: id)
        }
    }

    /// An image with its caption as the title.
    func figure(_ id: NodeID) -> [MarkdownBlock] {
        let all = document.descendants(of: id).filter { !isDropped($0) }
        let caption = all.first { document.isElement($0, "figcaption") }.map { TextNormaliser.singleLine(document.textContent($0)) }
        if let img = all.first(where: { document.isElement($0, "img") }) {
            return image(img, caption: caption).map { [$0] } ?? []
        }
        // Without a picture (a lazy image the page's script would have filled in): nothing, unless
        // the figure holds real text (a quotation, a table) rather than labels like "Image".
        let text = document[id].children.filter { !document.isElement($0, "figcaption") }.flatMap { blocks(of: [$0]) }
        return text.reduce(0) { $0 + $1.plain.count } >= 100 ? text : []
    }

    func image(_ id: NodeID, caption: String?) -> MarkdownBlock? {
        guard let source = StoryImage.source(of: id, in: document) else { return nil }
        let saved = converter.savedFiles?.picture(for: source)
        guard let url = saved?.name ?? converter.linkTarget(source), !url.hasPrefix("mailto:") else { return nil }
        let alt = TextNormaliser.normalise(document.attribute("alt", of: id) ?? "")
        var title = ""
        if let caption, !caption.isEmpty {
            title = " \"" + caption.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let label = alt.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        return MarkdownBlock(markdown: "![\(label)](\(url)\(title))", plain: "", isImage: true, picture: saved, line: document[id].line)
    }

    func list(_ id: NodeID, ordered: Bool) -> [MarkdownBlock] {
        var number = Int(document.attribute("start", of: id) ?? "") ?? 1
        if number < 0 || number > 999_999_999 { number = 1 }
        var items: [String] = []
        var plain: [String] = []
        for child in document[id].children where !isDropped(child) {
            let node = document[child]
            let content = (node.kind == .element && node.name == "li" ? children(of: child) : blocks(of: [child])).filter { !$0.isImage }
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
        return [MarkdownBlock(markdown: items.joined(separator: "\n"), plain: plain.joined(separator: " "), line: document[id].line)]
    }

    /// Inline content of a node, with any blocks inside it run together.
    func inlineFlattened(_ id: NodeID) -> InlineText {
        var buffer = InlineBuffer()
        buffer.append(inline(id, flattenBreaks: true))
        let block = buffer.flush(line: 0)
        return InlineText(markdown: block.map(\.markdown).joined(separator: " "), plain: block.map(\.plain).joined(separator: " "))
    }

    func inline(_ id: NodeID, inLink: Bool = false, flattenBreaks: Bool = false) -> InlineText {
        let node = document[id]
        // Text is dropped too (the headline's words inside the story's header).
        guard !isDropped(id) else { return InlineText(markdown: "", plain: "") }
        switch node.kind {
        case .text:
            let text = HTMLToMarkdown.collapse(node.text)
            var markdown = MarkdownEscaper.inline(text)
            if inLink { markdown = markdown.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]") }
            return InlineText(markdown: markdown, plain: text)
        case .element:
            break
        default:
            return InlineText(markdown: "", plain: "")
        }
        if node.name == "br" { return flattenBreaks ? InlineText(markdown: " ", plain: " ") : InlineText(markdown: "\n", plain: "\n") }
        if HTMLToMarkdown.skipped.contains(node.name) || node.name == "img" { return InlineText(markdown: "", plain: "") }
        var inner = InlineText(markdown: "", plain: "")
        for child in node.children {
            var part = inline(child, inLink: inLink || node.name == "a", flattenBreaks: flattenBreaks)
            if document[child].kind == .element, HTMLToMarkdown.blockElements.contains(document[child].name) {
                part = InlineText(markdown: " " + part.markdown + " ", plain: " " + part.plain + " ")
            }
            inner.markdown += part.markdown
            inner.plain += part.plain
        }
        switch node.name {
        case "em", "i", "cite", "dfn": return inner.wrapped(in: "*")
        case "strong", "b": return inner.wrapped(in: "**")
        case "td", "th": return InlineText(markdown: inner.markdown + " ", plain: inner.plain + " ")
        case "a":
            guard !inLink, let href = document.attribute("href", of: id), let url = converter.linkTarget(href) else { return inner }
            let label = inner.markdown.trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty, !label.contains("\n") else { return inner }
            let leading = inner.markdown.hasPrefix(" ") ? " " : "", trailing = inner.markdown.hasSuffix(" ") ? " " : ""
            return InlineText(markdown: "\(leading)[\(label)](\(url))\(trailing)", plain: inner.plain)
        default:
            return inner
        }
    }
}
