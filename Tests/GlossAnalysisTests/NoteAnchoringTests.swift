import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// Notes through the analyse stage: where they anchor, how they are marked, and what editors are told.
@Suite struct NoteAnchoringTests {
    static let article = """
    -- gloss.yml --
    title: T
    -- content/entities/trump.md --
    ---
    name: Trump Tower
    ---
    -- content/articles/a.md --
    ---
    title: A
    date: 2018-09-23
    ---
    Abe stopped by the *Trump Tower* in New York, where he sat down for [dinner](https://x.org) with the US President.

    The talks went well. The talks went well.

    Japan had the third-largest trade surplus with the US after China and Mexico.

    """

    func analyse(_ notes: String, allowOrphans: Bool = false) throws -> AnalysedSite {
        let site = try TestSite(Self.article + notes)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        return rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)"), options: AnalysisOptions(allowOrphans: allowOrphans)))
    }

    static func note(_ name: String, _ frontMatter: String, body: String = "A note.") -> String {
        "-- content/annotations/a/\(name).md --\n---\n\(frontMatter)\n---\n\(body)\n"
    }

    /// The text inside every mark of one note, joined, counting nested marks (as a browser would).
    func marked(_ html: String, _ id: String) -> String {
        var result = "", depth = 0, rest = Substring(html)
        while let tag = rest.firstIndex(of: "<") {
            if depth > 0 { result += rest[..<tag] }
            let end = rest[tag...].firstIndex(of: ">")!
            let name = rest[tag...end]
            if depth > 0, name.hasPrefix("<mark") { depth += 1 }
            if depth > 0, name == "</mark>" { depth -= 1 }
            if depth == 0, name.hasPrefix("<mark"), name.contains("data-annotation=\"\(id)\"") { depth = 1 }
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    @Test func aQuoteSpanningEmphasisAndLinksIsMarkedInValidPieces() throws {
        let site = try analyse(Self.note("dinner", "quote: \"stopped by the Trump Tower in New York, where he sat down for dinner\"\nkind: correction"))
        #expect(site.diagnostics.isEmpty)
        let html = site.articles[0].html
        #expect(marked(html, "a--dinner") == "stopped by the Trump Tower in New York, where he sat down for dinner")
        #expect(html.contains("<em><a class=\"entity\" data-entity=\"trump\" href=\"../../entities/trump/\"><mark class=\"annotation kind-correction\" data-annotation=\"a--dinner\">Trump Tower</mark></a></em>"))
        #expect(html.contains("<a href=\"https://x.org\"><mark class=\"annotation kind-correction\" data-annotation=\"a--dinner\">dinner</mark></a><a class=\"note-ref\""))
        #expect(html.contains("<aside class=\"sidenote kind-correction\" id=\"note-a--dinner\""))
    }

    @Test func curlyQuotesDashesAndSpacesAreNormalised() throws {
        let site = try analyse(Self.note("n", "quote: \"Japan had  the third–largest\\ntrade surplus\""))
        #expect(site.diagnostics.isEmpty)
        #expect(marked(site.articles[0].html, "a--n") == "Japan had the third-largest trade surplus")
    }

    @Test func repeatedPassagesNeedPrefixSuffixOrOccurrence() throws {
        let ambiguous = try analyse(Self.note("twice", "quote: The talks went well"))
        let error = try #require(ambiguous.diagnostics.first)
        #expect(error.description.hasPrefix("content/annotations/a/twice.md:2:1: error: quote occurs 2 times; add `prefix:`/`suffix:`"))
        #expect(error.message.contains("1. ") && error.message.contains("2. "))

        let chosen = try analyse(Self.note("second", "quote: The talks went well\noccurrence: 2")
            + Self.note("first", "quote: The talks went well\nsuffix: \". The talks\""))
        #expect(chosen.diagnostics.isEmpty)
        let notes = chosen.articles[0].notes
        #expect(notes.map(\.annotation.name) == ["first", "second"])
        #expect(notes[0].start < notes[1].start)
    }

    @Test func anEditedArticleAnchorsApproximatelyWithAWarning() throws {
        let site = try analyse(Self.note("edited", "quote: Japan had the fourth-largest trade surplus with the US"))
        let warning = try #require(site.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix("content/annotations/a/edited.md:2:1: warning: quote not found exactly"))
        #expect(warning.message.contains("found: Japan had the third-largest trade surplus with the US"))
        #expect(site.articles[0].notes.count == 1)
    }

    @Test func anOrphanIsAnErrorOrListedWhenAllowed() throws {
        let notes = Self.note("lost", "quote: Lighthizer met Motegi on Tuesday in Washington")
        let strict = try analyse(notes)
        let error = try #require(strict.diagnostics.first)
        #expect(error.description.hasPrefix("content/annotations/a/lost.md:2:1: error: quote not found in article `a`; did you mean"))
        let lenient = try analyse(notes, allowOrphans: true)
        #expect(lenient.diagnostics.map(\.severity) == [.warning])
        #expect(lenient.articles[0].orphans.map(\.annotation.id) == ["a--lost"])
    }

    @Test func overlappingAndNestedNotesBothWork() throws {
        let site = try analyse(Self.note("outer", "quote: trade surplus with the US after China")
            + Self.note("inner", "quote: with the US after"))
        #expect(site.diagnostics.isEmpty)
        let html = site.articles[0].html
        #expect(marked(html, "a--outer") == "trade surplus with the US after China")
        #expect(marked(html, "a--inner") == "with the US after")
        #expect(site.articles[0].notes.map(\.number) == [1, 2])
    }
}
