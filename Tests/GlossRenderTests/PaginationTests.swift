import Foundation
import GlossAnalysis
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossRender

/// Long lists come in pages at stable addresses, so no page grows with the archive.
@Suite struct PaginationTests {
    /// 120 articles on one tag, each mentioning one entity and carrying a note.
    static func site(articles: Int = 120) -> String {
        var archive = "-- gloss.yml --\ntitle: T\n-- content/entities/abe.md --\n---\nname: Shinzo Abe\n---\n"
        for index in 0..<articles {
            let day = String(format: "%02d", index % 28 + 1), month = String(format: "%02d", index / 28 % 12 + 1)
            archive += "-- content/articles/a\(index).md --\n---\ntitle: Article \(index)\ndate: 2020-\(month)-\(day)\ntags: [trade]\n---\n"
                + "Shinzo Abe spoke on day \(index).\n"
                + "-- content/annotations/a\(index)/n.md --\n---\nquote: spoke on day \(index)\n---\nA note.\n"
        }
        return archive
    }

    func render(_ archive: String) throws -> [String: String] {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = SiteAnalyser.analyse(try #require(content, "\(diagnostics)"))
        let theme = try #require(Theme.load(siteTemplates: [:]).theme)
        let result = SiteRenderer(site: analysed, theme: theme).render()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return Dictionary(result.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
    }

    func count(_ text: String?, _ marker: String) -> Int { (text?.components(separatedBy: marker).count ?? 1) - 1 }

    @Test func aLongTagIsCutIntoNumberedPages() throws {
        let files = try render(Self.site())
        #expect(count(files["tags/trade/index.html"], "<li class=\"article-item\">") == Pagination.cards)
        #expect(count(files["tags/trade/page/2/index.html"], "<li class=\"article-item\">") == Pagination.cards)
        #expect(count(files["tags/trade/page/3/index.html"], "<li class=\"article-item\">") == 20)
        #expect(files["tags/trade/page/4/index.html"] == nil && files["tags/trade/page/1/index.html"] == nil)
        let second = try #require(files["tags/trade/page/2/index.html"])
        #expect(second.contains("<title>Tagged “trade”, page 2 · T</title>"))
        #expect(second.contains("<a rel=\"prev\" href=\"../../../../tags/trade/\">← Previous</a>"))
        #expect(second.contains("<li><span aria-current=\"page\">2</span></li>"))
        #expect(second.contains("<a rel=\"next\" href=\"../../../../tags/trade/page/3/\">Next →</a>"))
        // Every article is on exactly one page of the tag.
        let all = (1...3).map { files[$0 == 1 ? "tags/trade/index.html" : "tags/trade/page/\($0)/index.html"] ?? "" }.joined()
        for index in 0..<120 { #expect(count(all, ">Article \(index)</a>") == 1, "article \(index)") }
    }

    @Test func anEntityWithManyMentionsListsTheRestOnItsOwnPages() throws {
        let files = try render(Self.site())
        let entity = try #require(files["entities/abe/index.html"])
        #expect(count(entity, "<p class=\"snippet\">") == EntityPageKind.shown.mentions)
        #expect(entity.contains("<a href=\"mentions/\">All 120 mentions →</a>"))
        #expect(count(files["entities/abe/mentions/index.html"], "<p class=\"snippet\">") == EntityListPageKind.pageSize)
        #expect(count(files["entities/abe/mentions/page/2/index.html"], "<p class=\"snippet\">") == 20)
        #expect(files["entities/abe/mentions/index.html"]?.contains("Articles that mention Shinzo Abe (120)") == true)
    }

    @Test func aShortListHasNoPager() throws {
        let files = try render(Self.site(articles: 3))
        #expect(files["tags/trade/index.html"]?.contains("pager-numbers") == false)
        #expect(files["entities/abe/index.html"]?.contains("All ") == false)
        #expect(files.keys.allSatisfy { !$0.contains("/page/") && !$0.contains("/mentions/") })
    }

    @Test func pagerLinksNumbersAroundTheCurrentPageWithGaps() throws {
        let first = Route.tag("x")
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let analysed = SiteAnalyser.analyse(try #require(SiteLoader.load(from: site.root).content))
        let shared = SharedPageContext(site: analysed, theme: try #require(Theme.load(siteTemplates: [:]).theme), cards: ArticleCards())
        let pager = try #require(Pager("X", current: 6, count: 12, first: first, on: shared.page(first.page(6))))
        #expect(pager.links.map { $0.isGap ? "…" : String($0.number) } == ["1", "…", "4", "5", "6", "7", "8", "…", "12"])
        #expect(Pager("X", current: 1, count: 1, first: first, on: shared.page(first)) == nil)
    }
}
