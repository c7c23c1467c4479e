import GlossContent
import Testing
@testable import GlossMarkdown

/// Links and images to anything but http, https, mailto or relative URLs leave the cmark tree:
/// their text stays, as plain text, and each is reported where it was written.
@Suite struct LinkPolicyPassTests {
    @Test func refusedLinksBecomeTheirText() {
        let doc = MarkdownDocument("""
        A [click *here*](javascript:alert(1)) and [ok](https://example.org/) and <javascript:alert(2)>,
        ![pic of Abe](data:image/png;base64,AAAA) ![fine](img.png) [ref][r] [tab](java&#x09;script:x) <mailto:desk@example.org>

        [r]: VBScript:msgbox(1)
        """)
        let html = doc.renderHTML()
        #expect(html == """
        <p>A click <em>here</em> and <a href="https://example.org/">ok</a> and javascript:alert(2),
        pic of Abe <img src="img.png" alt="fine" /> ref tab <a href="mailto:desk@example.org">mailto:desk@example.org</a></p>\n
        """)
        #expect(doc.refusedLinks.map(\.url) == ["javascript:alert(1)", "javascript:alert(2)", "data:image/png;base64,AAAA",
                                               "VBScript:msgbox(1)", "java\tscript:x"])
        #expect(doc.refusedLinks.map(\.isImage) == [false, false, true, false, false])
        #expect(doc.refusedLinks.map(\.line) == [1, 1, 2, 2, 2])
        #expect(doc.refusedLinks[0].column == 3)
        // The text is plain text now: later stages may link entities in it.
        #expect(doc.textBlocks()[0].text.contains("pic of Abe"))
        let warnings = doc.refusedLinkWarnings(path: "content/articles/a.md", firstLine: 5).map(\.description)
        #expect(warnings.first == "content/articles/a.md:5:3: warning: link `javascript:alert(1)` is not an http, https, mailto or relative URL; it is not written as a link")
    }

    @Test func nestedRefusalsAndSitesThatOptIn() {
        let nested = MarkdownDocument("![a [b](javascript:x) c](data:text/html,x)")
        #expect(nested.renderHTML() == "<p>a b c</p>\n")
        #expect(nested.refusedLinks.count == 2)
        let unsafe = MarkdownDocument("[x](javascript:alert(1))", options: MarkdownOptions(allowUnsafeHTML: true))
        #expect(unsafe.refusedLinks.isEmpty && unsafe.renderHTML().contains("href=\"javascript:alert(1)\""))
    }
}

/// The leaves an edited block keeps are always what a fresh walk of it finds, whatever the
/// order of edits.
@Suite struct LeafCursorTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func cachedLeavesMatchAFreshWalk(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let doc = MarkdownDocument("Shinzo *Abe met* Donald `Trump` in [New York](https://x.org) on\nSunday, **\"we will\"** talk ~~about~~ trade.")
        let length = doc.textBlocks()[0].text.utf8.count
        for step in 0..<60 {
            let a = Int(random.next() % UInt64(length + 1)), b = Int(random.next() % UInt64(length + 1))
            if step % 2 == 0 {
                doc.wrap(min(a, b)..<max(a, b), inBlock: 0, with: InlineMarkup(open: "<mark>", close: "</mark>"))
            } else {
                doc.insertInline(Placeholder(1_000 + step), at: a, inBlock: 0)
            }
            var scratch: [UInt8] = []
            let fresh = doc.inlineLeaves(of: doc.blockNodes[0], appendingTextTo: &scratch)
            let kept = doc.takeLeaves(0)
            doc.editedLeaves[0] = kept
            #expect(kept.leaves.map { "\($0.node) \($0.kind) \($0.range) \($0.linkable)" } == fresh.map { "\($0.node) \($0.kind) \($0.range) \($0.linkable)" },
                    "step \(step)")
            #expect(String(decoding: scratch, as: UTF8.self) == doc.textBlocks()[0].text)
        }
        #expect(doc.textBlocks()[0].text == "Shinzo Abe met Donald Trump in New York on Sunday, “we will” talk ~~about~~ trade.")
    }
}
