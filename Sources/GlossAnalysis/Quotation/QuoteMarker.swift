import GlossContent
import GlossMarkdown

/// Extracts quotations and leaves an anchor at each, so entity pages can link back to them.
enum QuoteMarker {
    /// The quotes, and the people the article names with a role.
    static func mark(_ document: MarkdownDocument, blocks: [TextBlock], matches: [[EntityMatch]], profiles: [EntityProfile],
                     nodes: BodyNodes) -> (quotes: [Quote], titles: [RoleTitle]) {
        let paragraphs = blocks.filter { $0.kind == .paragraph }
        let extracted = QuoteExtractor.extract(paragraphs.map(\.text), mentions: paragraphs.map { matches[$0.index] },
                                               profiles: profiles)
        var quotes: [Quote] = []
        for (number, quote) in extracted.quotes.enumerated() {
            let anchor = "quote-\(number + 1)"
            let block = paragraphs[quote.paragraph].index
            quotes.append(Quote(text: quote.text, speaker: quote.speaker.map(EntityID.init), role: quote.role,
                                paragraph: quote.paragraph + 1, anchor: anchor))
            document.insertInline(nodes.placeholder(.quoteAnchor(anchor)),
                                  at: openingMark(before: quote.range.lowerBound, in: paragraphs[quote.paragraph].text), inBlock: block)
        }
        return (quotes, extracted.titles)
    }

    /// Steps back over the opening quotation mark, so the anchor lands before it.
    static func openingMark(before offset: Int, in text: String) -> Int {
        let utf8 = Array(text.utf8[..<text.utf8.index(text.utf8.startIndex, offsetBy: min(offset, text.utf8.count))].suffix(4))
        for mark in ["\u{201C}", "\"", "\u{AB}", "\u{201E}"] where utf8.count >= mark.utf8.count && utf8.suffix(mark.utf8.count).elementsEqual(mark.utf8) {
            return offset - mark.utf8.count
        }
        return offset
    }
}
