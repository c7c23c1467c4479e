import Foundation
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossBuild

/// Links between the site's own pages: written by source (`@/…`), by relative path, checked on
/// every build against the pages and ids the build wrote.
@Suite struct InternalLinkTests {
    static let site = TestSite.minimal + """

    -- content/articles/second.md --
    ---
    title: Second article
    date: 2024-05-02
    ---
    See [the first](@/articles/first.md), [its entity](@/entities/shinzo-abe.md#mentions-title),
    [by file](first.md) and [by URL](../first/ "The first").
    -- content/digests/picks.md --
    ---
    title: Picks
    date: 2024-05-02
    ---
    Start with [the second article](@/articles/second.md).
    """

    func build(_ archive: String, allowBrokenLinks: Bool = false) throws -> (files: [String: String]?, diagnostics: [String]) {
        let site = try TestSite(archive)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root, allowBrokenLinks: allowBrokenLinks))
        let files = result.files.map { Dictionary($0.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a }) }
        return (files, result.diagnostics.filter { !$0.message.contains("base_url") }.map(\.description))
    }

    @Test func sourceAndRelativeLinksAreWrittenRelativeToEachPage() throws {
        let (files, diagnostics) = try build(Self.site)
        #expect(diagnostics == [])
        let second = try #require(files?["articles/second/index.html"])
        #expect(second.contains("See <a href=\"../../articles/first/\">the first</a>, <a href=\"../../entities/shinzo-abe/#mentions-title\">its entity</a>"))
        #expect(second.contains("<a href=\"../../articles/first/\">by file</a> and <a href=\"../../articles/first/\" title=\"The first\">by URL</a>"))
        // The same introduction on the home page (the root) and on its digest page (two folders down).
        #expect(try #require(files?["index.html"]).contains("Start with <a href=\"articles/second/\">the second article</a>."))
        #expect(try #require(files?["digests/picks/index.html"]).contains("Start with <a href=\"../../articles/second/\">the second article</a>."))
    }

    @Test func brokenLinksAreErrorsWhereTheMarkdownWroteThem() throws {
        let broken = Self.site + """

        -- content/articles/third.md --
        ---
        title: Third
        date: 2024-05-03
        ---
        A [lost page](../nowhere/), a [lost file](@/articles/gone.md),
        a [lost anchor](@/articles/first.md#no-such-id) and [outside](../../../../etc/).
        """
        let (files, diagnostics) = try build(broken)
        #expect(files == nil)
        #expect(diagnostics == [
            "content/articles/third.md:5:3: error: broken link on articles/third/index.html: `../../articles/nowhere/` leads to no page (articles/nowhere/ is not in the site)",
            "content/articles/third.md:5:31: error: link to `content/articles/gone.md`, which does not exist",
            "content/articles/third.md:6:3: error: broken link on articles/third/index.html: `../../articles/first/#no-such-id`: articles/first/index.html has no element with id `no-such-id`",
            "content/articles/third.md:6:53: error: broken link on articles/third/index.html: `../../../../etc/` climbs out of the site",
        ])
        let (allowed, warnings) = try build(broken, allowBrokenLinks: true)
        #expect(allowed != nil)
        #expect(warnings.count == 4 && warnings.allSatisfy { $0.contains(": warning: ") })
        // An unknown source keeps its text, unlinked.
        #expect(try #require(allowed?["articles/third/index.html"]).contains("a lost file,"))
    }

    @Test func aTemplatesBrokenLinkNamesTheTemplate() throws {
        let (files, diagnostics) = try build(TestSite.minimal + """

        -- Templates/partials/footer.mustache --
        <footer><a href="{{page.root}}about/">About</a></footer>
        """)
        #expect(files == nil)
        // One report for the one mistake, though every page carries it.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("Templates/404.mustache:1:1: error: broken link on ") == true)
        #expect(diagnostics.first?.contains("other pages (templates: 404, annotations, archive, article, digest, entities, entity, graph, index, search, tag, tags)") == true)
        #expect(diagnostics.first?.contains("about/` leads to no page (about/ is not in the site)") == true)
    }

    /// Pages are checked before the search index is made (so what the check read of them is
    /// freed first); a link to one of its files is still found, with or without a cache.
    @Test func aLinkToTheSearchIndexIsFoundThoughItIsMadeAfterThePagesAreChecked() throws {
        let site = try TestSite(TestSite.minimal + """

            -- Templates/partials/footer.mustache --
            <footer><a href="{{page.root}}search/manifest.js">Index</a> <a href="{{page.root}}search/docs/999.js">None</a></footer>
            """)
        defer { site.remove() }
        let cache = BuildCache()
        for cache in [nil, cache, cache] {
            let diagnostics = SiteBuilder.build(BuildOptions(source: site.root), cache: cache).diagnostics
                .filter { !$0.message.contains("base_url") }.map(\.description)
            #expect(diagnostics.count == 1, "\(diagnostics)")
            #expect(diagnostics.first?.contains("search/docs/999.js` leads to no page (search/docs/999.js is not in the site)") == true)
        }
    }

    /// A preview's rebuild checks only the pages it rendered again: a link broken by an edit,
    /// and one broken by a page that went away, are still found, and a fix clears them.
    @Test func aCachedRebuildFindsTheLinksAnEditBreaksAndForgetsThemWhenFixed() throws {
        let site = try TestSite(Self.site + """

            -- content/articles/third.md --
            ---
            title: Third
            date: 2024-05-03
            ---
            Read [the first by its URL](../first/).
            """)
        defer { site.remove() }
        let cache = BuildCache()
        func rebuild(_ changed: String) -> [String] {
            cache.noteChanges([changed])
            return SiteBuilder.build(BuildOptions(source: site.root), cache: cache).diagnostics
                .filter { !$0.message.contains("base_url") }.map(\.description)
        }
        #expect(rebuild("content/articles/second.md") == [])
        try site.write("content/articles/second.md", """
            ---
            title: Second article
            date: 2024-05-02
            ---
            See [the first](@/articles/first.md#no-such-id).
            """)
        #expect(rebuild("content/articles/second.md") == [
            "content/articles/second.md:5:5: error: broken link on articles/second/index.html: `../../articles/first/#no-such-id`: articles/first/index.html has no element with id `no-such-id`",
        ])
        try site.write("content/articles/second.md", """
            ---
            title: Second article
            date: 2024-05-02
            ---
            See [the first](@/articles/first.md).
            """)
        #expect(rebuild("content/articles/second.md") == [])
        // The third article is not rendered again, but the page its link leads to went away.
        let first = try #require(site.read("content/articles/first.md"))
        try FileManager.default.removeItem(atPath: site.root + "/content/articles/first.md")
        let gone = rebuild("content/articles/first.md")
        #expect(gone.contains { $0.hasPrefix("content/articles/third.md:5:") && $0.contains("leads to no page") }, "\(gone)")
        // Back again: the second article's `@/` link, kept unchanged, finds it.
        try site.write("content/articles/first.md", first)
        #expect(rebuild("content/articles/first.md") == [])
        let cached = SiteBuilder.build(BuildOptions(source: site.root), cache: cache).files?.map(\.bytes)
        #expect(cached == SiteBuilder.build(BuildOptions(source: site.root)).files?.map(\.bytes))
    }
}
