import GlossTestSupport
import Testing
@testable import GlossContent

@Suite struct SiteLoaderTests {
    func load(_ archive: String, drafts: Bool = false) throws -> (SiteContent?, [String]) {
        let site = try TestSite(archive)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root, includeDrafts: drafts)
        return (content, diagnostics.map(\.description))
    }

    @Test func loadsAValidSite() throws {
        let (content, diagnostics) = try load(TestSite.minimal)
        #expect(diagnostics.isEmpty)
        #expect(content?.config.title == "Test Digest")
        #expect(content?.config.language == "en")
        #expect(content?.articles.map(\.slug) == ["first"])
        #expect(content?.articles.first?.bodyLine == 6)
        #expect(content?.entities.map(\.slug) == ["donald-trump", "shinzo-abe"])
        #expect(content?.entities.last?.aliases == [Entity.Alias(text: "Abe")])
    }

    @Test func reportsEveryBadInputInOneRun() throws {
        var archive = TestSite.minimal + """

        -- content/articles/broken-yaml.md --
        ---
        title: "unterminated
        date: 2024-01-01
        ---
        Body.
        -- content/articles/no-title.md --
        ---
        date: 2024-01-01
        ---
        Body.
        -- content/articles/typo.md --
        ---
        title: Typo
        date: 2024-01-01
        tgas: [x]
        ---
        Body.
        -- content/articles/bad-date.md --
        ---
        title: Bad date
        date: 2024-02-30
        ---
        Body.
        -- content/articles/Bad_Slug.md --
        ---
        title: Bad slug
        date: 2024-01-01
        ---
        Body.
        -- content/articles/2023/first.md --
        ---
        title: Duplicate
        date: 2023-01-01
        ---
        Body.
        -- content/annotations/missing-article/n.md --
        ---
        quote: some words
        ---
        A note.
        """
        archive += "\n"
        let site = try TestSite(archive)
        defer { site.remove() }
        try site.write("content/articles/latin1.md", bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\ndate: 2024-01-01\n---\n".utf8))
        let (_, found) = SiteLoader.load(from: site.root)
        let lines = found.map(\.description)
        let expected = [
            "content/annotations/missing-article/n.md:2:1: error: annotation refers to article `missing-article`, which does not exist",
            "content/articles/2023/first.md:1:1: error: duplicate article `first`: also defined in content/articles/first.md",
            "content/articles/Bad_Slug.md:1:1: error: invalid file name `Bad_Slug`",
            "content/articles/bad-date.md:3:7: error: `date`: invalid date \"2024-02-30\"",
            "content/articles/broken-yaml.md:",
            "content/articles/first.md:1:1: error: duplicate article `first`: also defined in content/articles/2023/first.md",
            "content/articles/latin1.md:2:11: error: file is not valid UTF-8",
            "content/articles/no-title.md:1:1: error: missing required field `title`",
            "content/articles/typo.md:4:1: warning: unknown field `tgas` (did you mean `tags`?)",
        ]
        for prefix in expected {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nin:\n\(lines.joined(separator: "\n"))")
        }
        let yaml = lines.first { $0.hasPrefix("content/articles/broken-yaml.md:") }
        #expect(yaml?.contains("malformed YAML") == true)
        #expect(found.errorCount == 8)
    }

    @Test func anEntityMaySayItsPronoun() throws {
        let person = "\n-- content/entities/jane-doe.md --\n---\nname: Jane Doe\nkind: person\npronoun: she\n---\n"
        let (content, diagnostics) = try load(TestSite.minimal + person)
        #expect(diagnostics.isEmpty)
        #expect(content?.entities.first { $0.slug == "jane-doe" }?.pronoun == "she")
        let (_, wrong) = try load(TestSite.minimal + person.replacingOccurrences(of: "pronoun: she", with: "pronoun: her"))
        #expect(wrong.contains { $0.hasPrefix("content/entities/jane-doe.md:") && $0.contains("is not one of he, she, they") }, "\(wrong)")
    }

    @Test func aBrokenArticleDoesNotMakeItsNotesOrphans() throws {
        let (_, diagnostics) = try load(TestSite.minimal.replacingOccurrences(of: "date: 2024-05-01", with: "date: [")
            + "\n-- content/annotations/first/a.md --\n---\nquote: met\n---\nA note.\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/articles/first.md:") == true)
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let archive = TestSite.minimal + """

        -- content/articles/draft.md --
        ---
        title: Draft
        date: 2024-06-01
        draft: true
        ---
        Not yet.
        -- content/annotations/draft/n.md --
        ---
        quote: Not yet
        ---
        A note on a draft is no error.
        """
        let (without, diagnostics) = try load(archive)
        #expect(diagnostics.isEmpty)
        #expect(without?.articles.map(\.slug) == ["first"])
        #expect(without?.annotations.isEmpty == true)
        let (with, _) = try load(archive, drafts: true)
        #expect(with?.articles.map(\.slug) == ["draft", "first"])
        #expect(with?.annotations.map(\.id) == ["draft--n"])
    }

    @Test func annotationsTakeTheirArticleFromTheFolderOrAField() throws {
        let archive = TestSite.minimal + """

        -- content/annotations/first/context.md --
        ---
        quote: met Donald Trump
        kind: fact-check
        occurrence: 1
        ---
        Checked.
        -- content/annotations/loose.md --
        ---
        article: first
        quote: New York
        ---
        Elsewhere.
        """
        let (content, diagnostics) = try load(archive)
        #expect(diagnostics.isEmpty)
        #expect(content?.annotations.map(\.id) == ["first--context", "first--loose"])
        #expect(content?.annotations.first?.kind == .factCheck)
        #expect(content?.annotations.first?.quoteLine == 2)
    }

    @Test func configErrorsPointIntoGlossYml() throws {
        let (content, diagnostics) = try load("""
        -- gloss.yml --
        title: T
        base_url: example.org
        markdown:
          unsafe: true
          unsafee: 1
        -- content/articles/a.md --
        ---
        title: A
        date: 2024-01-01
        ---
        """)
        #expect(content == nil)
        #expect(diagnostics.contains { $0.hasPrefix("gloss.yml:2:11: error: `base_url` must be an absolute") })
        #expect(diagnostics.contains { $0.hasPrefix("gloss.yml:5:3: warning: unknown field `markdown.unsafee`") })
    }

    @Test func aMissingGlossYmlIsAClearError() throws {
        let (content, diagnostics) = try load("-- content/articles/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\n")
        #expect(content == nil)
        #expect(diagnostics.first?.hasPrefix("gloss.yml:1:1: error: no gloss.yml") == true)
    }
}

@Suite struct ContentDateTests {
    @Test func parsesDatesAndDateTimes() {
        #expect(ContentDate("2018-09-23")?.timestamp == 1_537_660_800)
        #expect(ContentDate("2018-09-23T18:30:00Z")?.rfc3339 == "2018-09-23T18:30:00Z")
        #expect(ContentDate("2018-09-23T18:30:00+09:00")?.rfc3339 == "2018-09-23T09:30:00Z")
        #expect(ContentDate("2018-09-23T00:30-01:00")?.rfc3339 == "2018-09-23T01:30:00Z")
        #expect(ContentDate("2018-09-23")?.display == "23 September 2018")
        #expect(ContentDate("2024-02-29") != nil)
        for bad in ["2023-02-29", "2018-13-01", "18-09-23", "2018-09-23T25:00", "yesterday", "", "2018-09-23Tx"] {
            #expect(ContentDate(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct SlugTests {
    @Test func validatesAndMakesSlugs() {
        #expect(Slug.isValid("abe-trump-2018"))
        for bad in ["", "-a", "A", "a_b", "..", "a/b", "é"] { #expect(!Slug.isValid(bad), "\(bad)") }
        #expect(Slug.make(from: "United States") == "united-states")
        #expect(Slug.make(from: "Zürich & Genève!") == "zurich-geneve")
        // Letters with no ASCII base are transliterated, in any script.
        #expect(Slug.make(from: "北京") == "bei-jing")
        #expect(Slug.make(from: "Москва") == "moskva")
        #expect(Slug.make(from: "Αθήνα") == "athena")
        #expect(Slug.make(from: "ผล DNA ยืนยัน") == "phl-dna-yunyan")
        #expect(Slug.make(from: "București") == "bucuresti")
        #expect(Slug.make(from: "Ольга") == "olga")
        #expect(Slug.make(from: "—! 👍") == "")
        #expect(Slug.make(from: "Zürich's talks") == "zurichs-talks")
    }
}
