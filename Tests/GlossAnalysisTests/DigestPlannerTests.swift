import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

@Suite struct DigestPlannerTests {
    func analyse(_ archive: String) throws -> (AnalysedSite, [Diagnostic]) {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
        return (analysed, diagnostics + analysed.diagnostics)
    }

    static func article(_ slug: String, _ date: String, _ body: String = "Text.") -> String {
        "-- content/articles/\(slug).md --\n---\ntitle: \(slug)\ndate: \(date)\n---\n\(body)\n"
    }

    @Test func groupsArticlesByISOWeekNewestFirst() throws {
        let (site, diagnostics) = try analyse("-- gloss.yml --\ntitle: T\n"
            + Self.article("sun", "2018-09-23") + Self.article("mon", "2018-09-24") + Self.article("wed", "2018-09-26")
            + Self.article("new-year", "2021-01-03"))
        #expect(diagnostics.isEmpty)
        #expect(site.digests.map(\.slug) == ["2020-w53", "2018-w39", "2018-w38"])
        #expect(site.digests.map(\.title) == ["Week of 28 December 2020", "Week of 24 September 2018", "Week of 17 September 2018"])
        let slugs = site.articles.map(\.article.slug)
        #expect(site.digests[1].articles.map { slugs[$0.index] } == ["wed", "mon"])
        #expect(site.index.articles[ArticleID(slugs.firstIndex(of: "sun")!)].digest == 2)
    }

    @Test func anEditorsDigestReplacesItsPeriodAndKeepsTheEditorsOrder() throws {
        let (site, diagnostics) = try analyse("-- gloss.yml --\ntitle: T\ndigest:\n  period: month\n"
            + Self.article("a", "2018-09-02") + Self.article("b", "2018-09-20") + Self.article("c", "2018-10-01")
            + "-- content/digests/september.md --\n---\ntitle: September in review\ndate: 2018-09-30\narticles: [b, a]\n---\nOur *picks*.\n")
        #expect(diagnostics.isEmpty)
        #expect(site.digests.map(\.slug) == ["2018-10", "september"])
        #expect(site.digests[1].isEditorial)
        let slugs = site.articles.map(\.article.slug)
        #expect(site.digests[1].articles.map { slugs[$0.index] } == ["b", "a"])
        #expect(site.digests[1].introHTML == "<p>Our <em>picks</em>.</p>\n")
    }

    @Test func aDigestNamingAMissingArticleIsAnError() throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T\n" + Self.article("a", "2018-09-02")
            + "-- content/digests/d.md --\n---\ntitle: D\ndate: 2018-09-30\narticles: [a, nope]\n---\n")
        defer { site.remove() }
        let (_, diagnostics) = SiteLoader.load(from: site.root)
        #expect(diagnostics.map(\.description) == ["content/digests/d.md:4:1: error: digest lists article `nope`, which does not exist"])
    }

    @Test func relatedArticlesAreRankedBySharedEntities() throws {
        let (site, _) = try analyse("-- gloss.yml --\ntitle: T\n"
            + "-- content/entities/a.md --\n---\nname: Alpha\n---\n-- content/entities/b.md --\n---\nname: Beta\n---\n"
            + "-- content/entities/c.md --\n---\nname: Gamma\n---\n"
            + Self.article("one", "2018-01-01", "Alpha, Beta and Gamma.") + Self.article("two", "2018-01-02", "Alpha and Beta.")
            + Self.article("three", "2018-01-03", "Gamma only.") + Self.article("four", "2018-01-04", "Nobody."))
        let index = site.index
        let slugs = site.articles.map(\.article.slug)
        let one = ArticleID(slugs.firstIndex(of: "one")!)
        #expect(index.articles[one].related.map { slugs[$0.article.index] } == ["two", "three"])
        #expect(index.articles[one].related.map(\.shared) == [2, 1])
        #expect(index.articles[ArticleID(slugs.firstIndex(of: "four")!)].related.isEmpty)
    }
}
