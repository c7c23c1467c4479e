import Foundation
import GlossAnalysis
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossRender

/// The markup of Gloss's own nodes belongs to the theme: a site restyles an entity link or a
/// sidenote with its own partial, and the same analysed body renders right at any depth.
@Suite struct NodeMarkupTests {
    static let site = TestSite.minimal + """

    -- content/annotations/first/meeting.md --
    ---
    quote: "met Donald Trump"
    kind: context
    author: Desk
    ---
    Their first meeting, with Shinzo Abe as host.
    """

    func render(_ archive: String) throws -> [String: String] {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let loaded = try #require(content, "\(diagnostics)")
        let analysed = SiteAnalyser.analyse(loaded)
        let theme = try #require(Theme.load(siteTemplates: loaded.templates).theme)
        let result = SiteRenderer(site: analysed, theme: theme).render()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return Dictionary(result.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aSitesPartialsRestyleEntityLinksAndSidenotes() throws {
        let files = try render(Self.site + """

        -- Templates/partials/entity-link.mustache --
        <a class="who {{kind}}" href="{{url}}" title="{{name}}">{{{content}}}</a>
        -- Templates/partials/sidenote.mustache --
        <details class="margin-note" id="note-{{id}}"><summary>{{number}}. {{kindLabel}} by {{author}}</summary>{{{bodyHTML}}}</details>
        """)
        let article = try #require(files["articles/first/index.html"])
        #expect(article.contains("<a class=\"who person\" href=\"../../entities/shinzo-abe/\" title=\"Shinzo Abe\">Shinzo Abe</a> <mark class=\"annotation kind-context\" data-annotation=\"first--meeting\">met "))
        #expect(article.contains("<details class=\"margin-note\" id=\"note-first--meeting\"><summary>1. Context by Desk</summary><p>Their first meeting, with <a class=\"who person\""))
        // Marks and note references keep the built-in markup.
        #expect(article.contains("<mark class=\"annotation kind-context\" data-annotation=\"first--meeting\">"))
        #expect(!article.contains("<aside class=\"sidenote"))
    }

    @Test func oneAnalysedBodyLinksRightFromEveryDepth() throws {
        let files = try render(Self.site + """

        -- content/digests/picks.md --
        ---
        title: Picks
        date: 2024-05-01
        ---
        Why Shinzo Abe matters.
        """)
        #expect(try #require(files["index.html"]).contains("Why <a class=\"entity\" data-entity=\"shinzo-abe\" href=\"entities/shinzo-abe/\">Shinzo Abe</a> matters."))
        #expect(try #require(files["digests/picks/index.html"]).contains("href=\"../../entities/shinzo-abe/\">Shinzo Abe</a> matters."))
    }
}
