import Foundation
import Testing
@testable import GlossImport

@Suite struct HTMLToMarkdownTests {
    func markdown(_ html: String, base: String? = nil) -> [String] {
        HTMLToMarkdown(baseURL: base.flatMap { URL(string: $0) }).blocks(html).map(\.markdown)
    }

    @Test func paragraphsBreaksAndEmphasis() {
        #expect(markdown("<p>One <em>two</em> <strong>three</strong></p><p>Four<br>five</p>") == ["One *two* **three**", "Four\\\nfive"])
        #expect(markdown("First<br><br>Second<br/><br />Third") == ["First", "Second", "Third"])
        #expect(markdown("<p><b> bold </b>text</p>") == ["**bold** text"])
        #expect(markdown("<p><i></i>empty</p>") == ["empty"])
    }

    @Test func links() {
        #expect(markdown("<p>See <a href=\"https://example.org/a b\">the (story)</a>.</p>") == ["See [the (story)](https://example.org/a%20b)."])
        #expect(markdown("<p><a href=\"/news/1\">relative</a></p>", base: "https://example.org/feed/item") == ["[relative](https://example.org/news/1)"])
        #expect(markdown("<p><a href=\"/news/1\">relative</a> <a href=\"javascript:alert(1)\">script</a> <a href=\"#top\">top</a></p>") == ["relative script top"])
        #expect(markdown("<p><a href=\"https://x.org\">[1]</a></p>") == ["[\\[1\\]](https://x.org)"])
    }

    @Test func blockQuotesListsAndHeadings() {
        #expect(markdown("<blockquote><p>Quoted</p><p>Again</p></blockquote>") == ["> Quoted\n>\n> Again"])
        #expect(markdown("<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>") == ["- One\n- Two\n\n  - Nested"])
        #expect(markdown("<ol start=3><li>Three<li>Four</ol>") == ["3. Three\n4. Four"])
        #expect(markdown("<h2>Sub <em>head</em></h2><p>Text</p>") == ["## Sub *head*", "Text"])
    }

    @Test func scriptsAndStylesGoUnknownTagsGiveTheirText() {
        #expect(markdown("<p>A<script>alert('x')</script>B<style>p{}</style></p><custom-tag>Custom <span>text</span></custom-tag>") == ["AB", "Custom text"])
        #expect(markdown("<table><tr><td>Cell 1</td><td>Cell 2</td></tr><tr><td>Cell 3</td></tr></table>") == ["Cell 1 Cell 2", "Cell 3"])
        #expect(markdown("<p>a<!-- comment -->b<![CDATA[c]]></p>") == ["ab"])  // CDATA outside SVG/MathML is a comment, as in browsers
    }

    @Test func entitiesAreDecodedAndMarkdownSpecialsEscaped() {
        #expect(markdown("<p>AT&amp;T &mdash; &#8220;caf&eacute;&#x201D; &unknown; 5&nbsp;km</p>") == ["AT&T \u{2014} \u{201C}caf\u{E9}\u{201D} \\&unknown; 5 km"])
        #expect(markdown("<p>2018. A year</p><p>* not a list</p><p>&lt;b&gt; and a_b _c_</p>") == ["2018\\. A year", "\\* not a list", "\\<b> and a_b \\_c\\_"])
        #expect(markdown("<p># not a heading</p><p>- not a list</p>") == ["\\# not a heading", "\\- not a list"])
    }

    @Test func brokenHTMLStillGivesText() {
        #expect(markdown("<p>One<p>Two<div>Three</span></div>") == ["One", "Two", "Three"])
        #expect(markdown("<p>Unclosed <em>emphasis") == ["Unclosed *emphasis*"])
        #expect(markdown("a < b and c > d") == ["a < b and c > d"])
        #expect(markdown("<a href='x") == [])
        let deep = String(repeating: "<div>", count: 5000) + "deep" + String(repeating: "</div>", count: 5000)
        #expect(markdown(deep) == ["deep"])
    }

    @Test func plainTextForRulesHasNoMarkup() {
        let blocks = HTMLToMarkdown().blocks("<p><a href=\"https://x.org\">Read more</a></p><ul><li>Facebook</li><li>Twitter</li></ul>")
        #expect(blocks.map(\.plain) == ["Read more", "Facebook Twitter"])
    }
}
