import GlossAnalysis

/// The entity links a reader sees in an analysed article: its paragraphs as plain text, each with
/// the links inside it. Reads the article's body as analysed (`<p>` blocks, and its entity-link
/// nodes written as `<a class="entity" data-entity="SLUG">name</a>`), so the accuracy figures
/// judge the links that are published rather than an internal list of matches.
struct RenderedLinks {
    /// The body's HTML with entity links written out and every other node reduced to what it wraps.
    static func html(_ body: AnalysedBody, slugs: [String]) -> String {
        body.html.resolve { number, content in
            guard number < body.nodes.count, case .entityLink(let entity) = body.nodes[number], entity.index < slugs.count else {
                return content
            }
            return "<a class=\"entity\" data-entity=\"\(slugs[entity.index])\">\(content)</a>"
        }
    }

    struct Link {
        var entity: String
        /// Range in `Paragraph.text`, in Characters.
        var range: Range<Int>
    }

    struct Paragraph {
        var text: [Character] = []
        var links: [Link] = []
    }

    var paragraphs: [Paragraph] = []

    init(html: String) {
        var paragraph: Paragraph?
        var openLink: (entity: String, start: Int)?
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close]
                if tag == "p" || tag.hasPrefix("p ") {
                    paragraph = Paragraph()
                } else if tag == "/p", let done = paragraph {
                    paragraphs.append(done)
                    paragraph = nil
                } else if tag.hasPrefix("a class=\"entity\""), let slug = Self.attribute("data-entity", in: tag) {
                    openLink = (slug, paragraph?.text.count ?? 0)
                } else if tag == "/a", let link = openLink {
                    let end = paragraph?.text.count ?? 0
                    paragraph?.links.append(Link(entity: link.entity, range: link.start..<end))
                    openLink = nil
                }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let name = html[html.index(after: index)..<semicolon]
                if let decoded = Self.entities[String(name)] {
                    paragraph?.text.append(decoded)
                    index = html.index(after: semicolon)
                    continue
                }
            }
            paragraph?.text.append(character)
            index = html.index(after: index)
        }
    }

    static let entities: [String: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "#x27": "'"]

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The entity linked on the `occurrence`-th whole-word occurrence of `surface` (from 1), or nil.
    /// Text and name are compared with curly and straight apostrophes alike.
    static func link(in paragraph: Paragraph, surface: String, occurrence: Int) -> String? {
        let needle = Array(AccuracyLabels.folded(surface))
        let text = paragraph.text.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 }
        guard !needle.isEmpty, text.count >= needle.count else { return nil }
        var seen = 0
        for start in 0...(text.count - needle.count) where Array(text[start..<(start + needle.count)]) == needle {
            let end = start + needle.count
            if start > 0, isWord(text[start - 1]) { continue }
            if end < text.count, isWord(text[end]) { continue }
            seen += 1
            if seen == occurrence {
                return paragraph.links.first { $0.range == start..<end }?.entity
            }
        }
        return nil
    }

    static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
