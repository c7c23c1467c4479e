import GlossTestSupport
import Testing
@testable import GlossContent

/// Only http, https, mailto and relative URLs become links, however the rest are spelt; URL
/// fields are checked at load, so later stages only ever see allowed ones.
@Suite struct LinkPolicyTests {
    @Test(arguments: ["https://example.org/", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "mailto:desk@example.org",
                      "/relative", "page.html", "../up", "?q=1", "#fragment", "//example.org/", "", " https://example.org/ ",
                      "&#106;avascript:alert(1)", "./javascript:alert(1)", "a/b:c"])
    func allowed(_ url: String) {
        #expect(LinkPolicy.allows(url))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                      "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "javascript\u{0}:alert(1)", "vbscript:msgbox(1)",
                      "VBScript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:image/png;base64,AAAA",
                      "file:///etc/passwd", "ftp://example.org/", "jar:http://x!/", "x-custom:thing", "https://ok\u{7F}"])
    func refused(_ url: String) {
        #expect(!LinkPolicy.allows(url))
    }

    @Test("front-matter URLs are checked at load: refused ones are a warning at the value and left out")
    func urlFieldsAreCheckedAtLoad() throws {
        let site = try TestSite("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        ---
        title: A
        date: 2024-05-01
        source: Feed
        url: "java\\tscript:alert(1)"
        ---
        Body.
        -- content/entities/e.md --
        ---
        name: E
        links:
          - title: Good
            url: https://example.org/
          - title: Bad
            url:   JAVASCRIPT:alert(document.cookie)
        ---
        """)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(diagnostics.map(\.description) == [
            "content/articles/a.md:5:6: warning: `url` `java\\u{9}script:alert(1)` is not an http, https, mailto or relative URL; it is not written as a link",
            "content/entities/e.md:7:12: warning: `links[1].url` `JAVASCRIPT:alert(document.cookie)` is not an http, https, mailto or relative URL; it is not written as a link",
        ])
        #expect(content?.articles.first?.url == nil)
        #expect(content?.entities.first?.links.map(\.title) == ["Good"])
    }

    @Test(arguments: ["javascript:alert(1)", "https://", "https:///x", "https://exa mple.org/", "https://example.org/\"><script>", "ftp://example.org/"])
    func baseURLMustBeAbsoluteHTTP(_ url: String) throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T\nbase_url: \(YAMLText.quoted(url))\n-- content/articles/a.md --\n---\ntitle: A\ndate: 2024-05-01\n---\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(content == nil)
        #expect(diagnostics.map(\.description).contains { $0.hasPrefix("gloss.yml:2:11: error: `base_url` must be an absolute http(s) URL") })
    }
}
