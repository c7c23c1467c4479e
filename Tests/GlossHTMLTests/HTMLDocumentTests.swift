import Testing
@testable import GlossHTML

@Suite struct HTMLDocumentTests {
    func body(_ html: String) -> (HTMLDocument, HTMLDocument.NodeID) {
        let document = HTMLDocument.parse(html)
        return (document, document.body ?? document.root)
    }

    /// A compact view of a subtree: `p(text)` for elements, text as is, comments as `<!--x-->`.
    func outline(_ document: HTMLDocument, _ id: HTMLDocument.NodeID) -> String {
        document[id].children.map { child in
            let node = document[child]
            switch node.kind {
            case .text: return node.text
            case .comment: return "<!--\(node.text)-->"
            default: return "\(node.name)(\(outline(document, child)))"
            }
        }.joined()
    }

    @Test func malformedMarkupIsRepairedAsBrowsersDo() {
        let (document, body) = self.body("<p>One<p>Two<div>Three</span></div><b>bold<i>both</b>italic</i>")
        #expect(outline(document, body) == "p(One)p(Two)div(Three)b(bold,i(both))i(italic)".replacingOccurrences(of: ",", with: ""))
        let (table, tableBody) = self.body("<table><tr><td>cell<td>next</table>after")
        #expect(outline(table, tableBody) == "table(tbody(tr(td(cell)td(next))))after")
    }

    @Test func entitiesAreDecodedInTextAndAttributes() {
        let (document, body) = self.body("<p title=\"AT&amp;T &quot;x&quot;\">caf&eacute; &mdash; &#8220;q&#x201D; &zzz; &amp</p>")
        let p = document[body].children[0]
        #expect(document.textContent(p) == "caf\u{E9} \u{2014} \u{201C}q\u{201D} &zzz; &")
        #expect(document.attribute("title", of: p) == "AT&T \"x\"")
    }

    @Test func templatesCommentsAndNoscript() {
        let (document, body) = self.body("<p>a<!-- note -->b</p><template><p>hidden</p></template><noscript><img src=x.jpg></noscript>")
        #expect(outline(document, body) == "p(a<!-- note -->b)template(p(hidden))noscript(img())")
        #expect(document.textContent(body) == "ab")
    }

    @Test func headElementsAndUnknownTagsKeepTheirNames() {
        let document = HTMLDocument.parse("<title>T</title><meta property=og:title content=X><my-widget Data-X=1>w</my-widget><svg><foreignObject/></svg>")
        let meta = document.elements("meta")
        #expect(meta.count == 1 && document.attribute("property", of: meta[0]) == "og:title")
        #expect(document.first("my-widget").map { document.attribute("data-x", of: $0) } == "1")
        #expect(document.first("foreignobject") != nil)
        #expect(document.head.map { document.textContent($0) } == "T")
    }

    @Test func deepNestingIsFlattenedNotLost() {
        let depth = 12_000  // past GumboTree.deepTree, so the big-stack path runs
        let document = HTMLDocument.parse(String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth))
        #expect(document.textContent(document.root) == "deep")
        var deepest = 0
        for id in document.nodes.indices { deepest = max(deepest, document.ancestors(of: id).count) }
        #expect(deepest <= HTMLDocument.maxDepth + 1)
    }

    /// `elements(_:)` over the whole page reads the nodes in id order: that must be document order,
    /// also where the parser moves nodes (a table's stray text), merges text or flattens nesting.
    @Test func idsAreInDocumentOrder() {
        let pages = ["<table><tr>stray<td>cell</td>more</tr></table><p>after</p>",
                     "<p>a<!--c-->b<template><i>t</i></template><b>x<p>y</b>z",
                     String(repeating: "<div><span>s</span>", count: 400) + "deep" + String(repeating: "</div>", count: 400) + "<p>end</p>"]
        for page in pages {
            let document = HTMLDocument.parse(page)
            #expect(document.descendants(of: document.root) == Array(document.nodes.indices.dropFirst()))
            #expect(document.elements("p") == document.descendants(of: document.root).filter { document.isElement($0, "p") })
        }
        let fragment = HTMLDocument.parseFragment("<td>x</td><p>one<p>two")
        #expect(fragment.descendants(of: fragment.root) == Array(fragment.nodes.indices.dropFirst()))
    }

    @Test func fragmentsParseAsBodyContent() {
        let document = HTMLDocument.parseFragment("<title>not head</title><p>One</p>two")
        #expect(document.html.map { outline(document, $0) } == "title(not head)p(One)two")
    }

    @Test func codeIsLeftOutButJSONDataIsKept() {
        let document = HTMLDocument.parse("<script>var a = '<p>x</p>';</script><style>p{}</style><script type='application/ld+json'>{\"a\":1}</script>")
        let scripts = document.elements("script")
        #expect(scripts.count == 2 && document.textContent(scripts[0]).isEmpty && document.textContent(scripts[1]) == "{\"a\":1}")
        #expect(document.first("style").map { document.textContent($0) } == "")
    }

    @Test func emptyAndBinaryInputGiveATree() {
        #expect(HTMLDocument.parse("").body != nil)
        #expect(HTMLDocument.parse(bytes: [0, 0xFF, 0xFE, 0x00, 0x3C]).nodes.count >= 1)
    }
}
