import Foundation
import Testing
@testable import GlossMarkdown

/// Fixed markup for placeholders, so these tests read as HTML: what the render stage's partials
/// would make of them. A block's markup takes the place of the block (its content is cmark's
/// line break), as the sidenote partial does.
struct InlineMarkup: Hashable {
    var open: String
    var close: String
    var isBlock = false
}

final class MarkupTable: @unchecked Sendable {
    static let shared = MarkupTable()
    private let lock = NSLock()
    private var table: [ObjectIdentifier: [InlineMarkup]] = [:]

    func add(_ markup: InlineMarkup, for document: MarkdownDocument) -> Int {
        lock.withLock {
            table[ObjectIdentifier(document), default: []].append(markup)
            return table[ObjectIdentifier(document)]!.count - 1
        }
    }

    func markups(for document: MarkdownDocument) -> [InlineMarkup] { lock.withLock { table[ObjectIdentifier(document)] ?? [] } }
}

extension MarkdownDocument {
    @discardableResult
    func wrap(_ range: Range<Int>, inBlock index: Int, with markup: InlineMarkup) -> Int {
        wrap(range, inBlock: index, with: Placeholder(MarkupTable.shared.add(markup, for: self), isLink: markup.open.hasPrefix("<a ")))
    }

    func insertHTMLBlock(_ html: String, afterBlock index: Int) {
        insertBlock(Placeholder(MarkupTable.shared.add(InlineMarkup(open: html, close: "", isBlock: true), for: self)), afterBlock: index)
    }

    func renderHTML() -> String {
        let markups = MarkupTable.shared.markups(for: self)
        return render().resolve { number, content in
            let markup = markups[number]
            return markup.open + (markup.isBlock ? "" : content) + markup.close
        }
    }
}

@Suite struct MarkdownDocumentTests {
    @Test func rendersWithSmartPunctuation() {
        let html = MarkdownDocument("\"Trump's\" -- deal").renderHTML()
        #expect(html == "<p>“Trump’s” – deal</p>\n")
    }

    @Test func safeModeSuppressesRawHTMLAndJavascriptURLs() {
        let doc = MarkdownDocument("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>hi</b>")
        let html = doc.renderHTML()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeModeKeepsRawHTMLWhenASiteOptsIn() {
        let doc = MarkdownDocument("<b>hi</b>", options: MarkdownOptions(allowUnsafeHTML: true))
        #expect(doc.renderHTML().contains("<b>hi</b>"))
    }

    @Test func textBlocksJoinInlinesAndSkipImages() {
        let doc = MarkdownDocument("# Head *line*\n\nSome *emphasis* and `code`\nwith [a link](https://x.org) ![alt text](i.png).")
        let blocks = doc.textBlocks()
        #expect(blocks.map(\.text) == ["Head line", "Some emphasis and code with a link ."])
        #expect(blocks[0].kind == .heading && blocks[0].linkableRanges.isEmpty)
        #expect(blocks[1].line == 3)
        let text = blocks[1].text
        let codeStart = text.utf8.count - " with a link .".utf8.count - "code".utf8.count
        #expect(!blocks[1].isProse(codeStart..<codeStart + 4))
        let linkStart = text.utf8.count - "a link .".utf8.count
        #expect(!blocks[1].isLinkable(linkStart..<linkStart + 6))
        #expect(blocks[1].isLinkable(0..<4))
    }

    @Test func wrapsAcrossEmphasisAsSeparateWellFormedPieces() {
        let doc = MarkdownDocument("one *two three* four")
        let pieces = doc.wrap(4..<16, inBlock: 0, with: InlineMarkup(open: "<mark>", close: "</mark>"))
        #expect(pieces == 2)
        #expect(doc.renderHTML() == "<p>one <em><mark>two three</mark></em><mark> fo</mark>ur</p>\n")
        #expect(doc.textBlocks()[0].text == "one two three four")
    }

    @Test func wrapsSplitTextNodesAndNestsLaterWraps() {
        let doc = MarkdownDocument("Shinzo Abe met Trump.")
        doc.wrap(0..<10, inBlock: 0, with: InlineMarkup(open: "<a class=\"entity\">", close: "</a>"))
        doc.wrap(7..<20, inBlock: 0, with: InlineMarkup(open: "<mark>", close: "</mark>"))
        #expect(doc.renderHTML() == "<p><a class=\"entity\">Shinzo <mark>Abe</mark></a><mark> met Trump</mark>.</p>\n")
        // Wrapped text is no longer linkable: no link inside a link.
        #expect(!doc.textBlocks()[0].isLinkable(0..<10))
    }

    @Test func insertsHTMLBlocksAfterAParagraph() {
        let doc = MarkdownDocument("first\n\nsecond")
        doc.insertHTMLBlock("<aside>note</aside>", afterBlock: 0)
        #expect(doc.renderHTML() == "<p>first</p>\n<aside>note</aside>\n<p>second</p>\n")
        #expect(doc.textBlocks().count == 2)
    }

    @Test func placeholdersResolveInnermostFirstAndMarkerBytesInTextAreReplaced() {
        let doc = MarkdownDocument("a \u{1}1\u{2} b")
        #expect(doc.textBlocks()[0].text == "a \u{FFFD}1\u{FFFD} b")
        doc.wrap(0..<1, inBlock: 0, with: Placeholder(0))
        #expect(doc.render().resolve { "[\($0):\($1)]" } == "<p>[0:a] \u{FFFD}1\u{FFFD} b</p>\n")
        #expect(doc.render().resolve { _, content in content } == "<p>a \u{FFFD}1\u{FFFD} b</p>\n")
    }

    @Test func survivesHostileInput() {
        for input in ["", "\u{0}", String(repeating: "[", count: 10_000), String(repeating: "> ", count: 5_000) + "x", "\u{FFFF}\u{1F600}é\u{301}"] {
            let doc = MarkdownDocument(input)
            _ = doc.renderHTML()
            for block in doc.textBlocks() {
                doc.wrap(0..<block.text.utf8.count, inBlock: block.index, with: InlineMarkup(open: "<mark>", close: "</mark>"))
            }
            _ = doc.renderHTML()
        }
    }
}
