import GlossTestSupport
import Testing
@testable import GlossContent

/// What the loader hands on is valid and unique, so later stages never check again.
@Suite struct LoadedItemsTests {
    func load(_ archive: String, drafts: Bool = false) throws -> (SiteContent?, [String]) {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root, includeDrafts: drafts)
        return (content, diagnostics.map(\.description))
    }

    static func article(_ title: String, date: String = "2024-05-01", tags: String = "[]", body: String = "Body.") -> String {
        "---\ntitle: \(title)\ndate: \(date)\ntags: \(tags)\n---\n\(body)"
    }

    @Test("every file of a duplicated slug is left out, with an error naming the others, and nothing refers to it")
    func duplicatesAreDroppedNotGuessed() throws {
        let (content, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A"))
        -- content/articles/2018/a.md --
        \(Self.article("Old A"))
        -- content/articles/b.md --
        \(Self.article("B"))
        -- content/annotations/a/n.md --
        ---
        quote: Body
        ---
        A note on an article defined twice.
        -- content/digests/d.md --
        ---
        title: D
        date: 2024-05-01
        articles: [a, b, b]
        ---
        -- content/entities/x.md --
        ---
        name: X
        ---
        -- content/entities/more/x.md --
        ---
        name: Other X
        ---
        """)
        #expect(content?.articles.map(\.slug) == ["b"])
        #expect(content?.entities.isEmpty == true)
        #expect(content?.annotations.isEmpty == true)
        #expect(content?.digests.first?.articles == ["b"])
        #expect(diagnostics.contains("content/articles/2018/a.md:1:1: error: duplicate article `a`: also defined in content/articles/a.md"))
        #expect(diagnostics.contains("content/articles/a.md:1:1: error: duplicate article `a`: also defined in content/articles/2018/a.md"))
        #expect(diagnostics.contains("content/entities/more/x.md:1:1: error: duplicate entity `x`: also defined in content/entities/x.md"))
        #expect(diagnostics.contains { $0.hasPrefix("content/digests/d.md:4:1: warning: digest lists article `b` twice") })
        // The note and the digest's `a` refer to an article that was reported: no second error.
        #expect(diagnostics.filter { $0.contains("error") }.count == 4, "\(diagnostics)")
    }

    @Test("a draft and a published article may not share a slug either")
    func draftsCountForUniqueness() throws {
        let (content, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A"))
        -- content/articles/drafts/a.md --
        ---
        title: Draft A
        date: 2024-05-01
        draft: true
        ---
        """)
        #expect(content?.articles.isEmpty == true)
        #expect(diagnostics.filter { $0.contains("duplicate article `a`") }.count == 2)
    }

    @Test("tags differing in case or normalisation are one tag, spelt as most articles spell it")
    func tagsFoldCaseAndNormalisation() throws {
        let (content, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A", tags: "[\"Café\", \"CAFÉ\", trade]"))
        -- content/articles/b.md --
        \(Self.article("B", tags: "[\"Cafe\\u0301\", Trade]"))
        -- content/articles/c.md --
        \(Self.article("C", tags: "[\"Café\"]"))
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let tags = content?.articles.flatMap(\.tags) ?? []
        // "Café" (NFC) and "Cafe\u{301}" are the same Swift string; three articles use it, one "CAFÉ".
        #expect(Set(tags) == ["Café", "trade"] || Set(tags) == ["Café", "Trade"])
        #expect(content?.articles.first { $0.slug == "a" }?.tags.count == 2)
        #expect(Set(tags.map { Slug.make(from: $0) }) == ["cafe", "trade"])
    }

    @Test("two different tags that would share a page are an error naming both")
    func tagsSharingAPageAreAnError() throws {
        let (_, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A", tags: "[\"C++\"]"))
        -- content/articles/b.md --
        \(Self.article("B", tags: "[C]"))
        """)
        #expect(diagnostics.contains { $0.hasPrefix("content/articles/a.md:1:1: error: tag `C++` and tag `C` (content/articles/b.md) would share the page tags/c/") },
                "\(diagnostics)")
    }

    @Test("a tag too long for a page name is an error")
    func longTagsAreRefused() throws {
        let (_, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A", tags: "[\(String(repeating: "x", count: 300))]"))
        """)
        #expect(diagnostics.contains { $0.contains("error: `tags`: tag \"xxxx") && $0.contains("too long for a page name (300") })
    }

    @Test("year 0000 is not a date; the first and last days of the calendar are")
    func dateRange() throws {
        let (content, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        -- content/articles/a.md --
        \(Self.article("A", date: "0000-01-01"))
        -- content/articles/b.md --
        \(Self.article("B", date: "0001-01-01"))
        -- content/articles/c.md --
        \(Self.article("C", date: "9999-12-31"))
        """)
        #expect(diagnostics.count == 1 && diagnostics[0].hasPrefix("content/articles/a.md:3:7: error: `date`: invalid date \"0000-01-01\""))
        #expect(content?.articles.map(\.slug) == ["c", "b"])
        #expect(ContentDate(days: ContentDate.daysFromCivil(year: 1, month: 1, day: 1) - 3).year == 0)
    }

    @Test("names and aliases over the registry's budget are an error, the entity left out; so is a name too long to be one")
    func registryBudget() throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T")
        defer { site.remove() }
        let alias = String(repeating: "x", count: 250)
        for entity in 0..<3 {
            let aliases = (0..<6_000).map { "\(alias)\(entity)-\($0)" }
            try site.write("content/entities/e\(entity).md", "---\nname: E\(entity)\naliases: [\(aliases.joined(separator: ", "))]\n---\n")
        }
        try site.write("content/entities/long.md", "---\nname: \(String(repeating: "y", count: 300))\n---\n")
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(content?.entities.map(\.slug) == ["e0", "e1"])
        #expect(diagnostics.map(\.description) == [
            "content/entities/e2.md:3:1: error: the registry's names and aliases would pass 4 MiB with this entity's 1534892 bytes; it is left out",
            "content/entities/long.md:2:7: error: `name`: \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…\" is too long for a name (300 bytes; at most 256)",
        ])
    }
}
