import Foundation
import GlossAnalysis
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossRender

/// The render stage on small inline sites: feeds, graph, timeline, template contexts, caching.
@Suite struct RenderTests {
    static let site = TestSite.minimal.replacingOccurrences(of: "title: Test Digest\n", with: "title: Test Digest\nbase_url: https://example.org/d\n")
        + "\n-- content/articles/second.md --\n---\ntitle: Second & <last>\ndate: 2024-06-02\n---\nDonald Trump spoke; Shinzo Abe listened.\n"

    func render(_ archive: String = RenderTests.site, cache: RenderCache? = nil) throws -> (files: [String: String], rendered: Int) {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = SiteAnalyser.analyse(try #require(content, "\(diagnostics)"))
        let theme = try #require(Theme.load(siteTemplates: [:]).theme)
        let result = SiteRenderer(site: analysed, theme: theme, cache: cache).render()
        #expect(result.diagnostics.isEmpty)
        return (Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }), result.pagesRendered)
    }

    @Test func feedsUseAbsoluteURLsFromBaseURLAndEscapeText() throws {
        let files = try render().files
        let atom = try #require(files["feed.xml"])
        #expect(atom.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/d/articles/second/\"/>"))
        #expect(atom.contains("<title>Second &amp; &lt;last&gt;</title>"))
        #expect(try XMLDocumentCheck.isWellFormed(atom))
        let json = try #require(files["feed.json"])
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect((feed["items"] as? [[String: Any]])?.first?["url"] as? String == "https://example.org/d/articles/second/")
        #expect(files["sitemap.xml"]?.contains("<loc>https://example.org/d/entities/shinzo-abe/</loc>") == true)
        #expect(files["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/d/sitemap.xml\n")
    }

    @Test func theGraphIsTheSameOnEveryBuildAndLinksEveryNode() throws {
        let first = try #require(try render().files["graph/index.html"])
        let second = try #require(try render().files["graph/index.html"])
        #expect(first == second)
        #expect(first.contains("<a href=\"../entities/shinzo-abe/\" class=\"graph-node kind-person\">"))
        #expect(first.contains("<g class=\"graph-edges\"><line "))
        #expect(first.contains("<li><span class=\"swatch kind-person\" aria-hidden=\"true\"></span>Persons</li>"))
    }

    @Test func anEntityPageHasItsNeighbourhoodTimelineAndSeparatedAliases() throws {
        let archive = Self.site.replacingOccurrences(of: "aliases: [Abe]", with: "aliases: [Abe, PM Abe]\nroles: [{role: prime minister, from: 2012-12-26, to: 2020-09-16}, LDP leader]")
            .replacingOccurrences(of: "Prime Minister of Japan.", with: "Abe was Prime Minister of Japan; he met Trump.")
        let page = try #require(try render(archive).files["entities/shinzo-abe/index.html"])
        #expect(page.contains("<p class=\"aliases\">Also: <span>Abe</span>, <span>PM Abe</span></p>"))
        #expect(page.contains("<ul class=\"roles\"><li>Prime minister, 26 December 2012 – 16 September 2020</li><li>LDP leader</li></ul>"))
        // Its own name is not a link to the page itself; other entities are linked.
        #expect(page.contains("<p>Abe was Prime Minister of Japan; he met <a class=\"entity\" data-entity=\"donald-trump\" href=\"../../entities/donald-trump/\">Trump</a>.</p>"))
        #expect(page.contains("id=\"neighbourhood-graph\""))
        #expect(page.contains("<a href=\"../../entities/shinzo-abe/\" class=\"graph-node kind-person is-focus\" aria-current=\"page\">"))
        #expect(page.contains("<a href=\"../../entities/donald-trump/\" class=\"graph-node kind-person\">"))
        #expect(page.contains("<figcaption>Mentions of Shinzo Abe per week</figcaption>"))
    }

    @Test func templateContextsKeepNilFieldsPresentAndEmpty() {
        struct Inner: Hashable, Encodable { var name: String?; var tags: [String] }
        let flat = TemplateContext.fields(of: Inner(name: nil, tags: ["a"]))
        #expect(flat.map(\.0) == ["name", "tags"])
        #expect(flat[0].1 is TemplateNull)
        #expect((flat[1].1 as? [Any])?.first as? String == "a")
    }

    /// A large export is written an element at a time into the document around it: byte for byte
    /// what encoding the whole document gives, for no, one or many elements, and nested ones.
    @Test func anExportWrittenAnElementAtATimeIsTheWholeEncoding() throws {
        struct Item: Encodable { var id: String; var tags: [String]; var note: String? }
        struct Page: Encodable { var items: [Item]; var kind = "page" }
        struct Document: Encodable { var context = "x"; var first: Page; var total: Int }
        // Some elements hold an empty array, which the encoder writes with an empty line; the
        // sentinel and the first element do not, or the splice would not be found and the file
        // encoded whole instead.
        let sentinel = Item(id: "\u{1}sentinel\u{1}", tags: ["s"], note: nil)
        for count in [0, 1, 3, 40] {
            let items = (0..<count).map { Item(id: "note-\($0)", tags: $0 % 2 == 1 ? [] : ["a", "b\n\"c\""], note: $0 % 3 == 0 ? nil : "line\nbreak") }
            let whole = DataExport.json(Document(first: Page(items: items), total: count))
            let spliced = DataExport.json({ Document(first: Page(items: $0), total: count) }, sentinel: sentinel, elements: items)
            #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: whole, as: UTF8.self), "\(count) elements")
            var array: [UInt8] = []
            DataExport.jsonArray(items) { array += $0 }
            #expect(String(decoding: array, as: UTF8.self) == String(decoding: DataExport.json(items), as: UTF8.self), "an array of \(count)")
        }
    }

    /// Strings and integers declare swift-mustache's protocols themselves (fewer runtime casts);
    /// they must render, open sections and pass names on exactly as its defaults did.
    @Test func stringsAndIntegersRenderAsSwiftMustacheDefaultsDo() throws {
        let template = "{{s}}|{{n}}|{{{s}}}|{{#s}}[{{s}} {{t}} {{.}} {{missing}}{{s.x}}]{{/s}}|{{#n}}({{n}} {{.}} {{t}}){{/n}}|{{^s}}no{{/s}}|{{uppercased(s)}}"
        let theme = try #require(Theme.load(siteTemplates: ["probe.mustache": Array(template.utf8)]).theme)
        let html = theme.render(fields: ["s": "a<b", "n": 0, "t": "T"], template: "probe")
        #expect(html == "a&lt;b|0|a<b|[a&lt;b T a&lt;b ]|(0 0 T)||A&lt;B")
    }

    @Test func aRenderCacheReRendersOnlyPagesWhoseModelChanged() throws {
        let cache = RenderCache()
        let first = try render(cache: cache)
        #expect(first.rendered == first.files.keys.filter { $0.hasSuffix(".html") }.count)
        let again = try render(cache: cache)
        #expect(again.rendered == 0)
        #expect(again.files == first.files)
        let edited = try render(Self.site.replacingOccurrences(of: "Shinzo Abe listened.", with: "Shinzo Abe left."), cache: cache)
        // The edited article and the pages that show its text or summary; not the rest.
        #expect(edited.rendered > 0 && edited.rendered < first.rendered)
        #expect(edited.files["articles/second/index.html"]?.contains("Shinzo Abe</a> left.") == true)
        let fresh = try render(Self.site.replacingOccurrences(of: "Shinzo Abe listened.", with: "Shinzo Abe left."))
        #expect(edited.files == fresh.files)
    }
}

/// Well-formedness through Foundation's XML parser (FoundationXML on Linux).
enum XMLDocumentCheck {
    static func isWellFormed(_ xml: String) throws -> Bool {
        #if canImport(FoundationXML)
        let parser = FoundationXML.XMLParser(data: Data(xml.utf8))
        #else
        let parser = XMLParser(data: Data(xml.utf8))
        #endif
        return parser.parse()
    }
}
#if canImport(FoundationXML)
import FoundationXML
#endif
