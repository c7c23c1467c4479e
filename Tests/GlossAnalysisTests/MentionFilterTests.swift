import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// Which matches are mentions: names that belong to someone else, and ordinary words that equal a
/// surname, are not linked; `gloss check` lists the near-misses.
@Suite struct MentionFilterTests {
    static let registry = """
    -- gloss.yml --
    title: T
    entities:
      link: all
    -- content/entities/john-smith.md --
    ---
    name: John Smith
    kind: person
    aliases: [Smith, Mr Smith]
    ---
    -- content/entities/alice-smith-wells.md --
    ---
    name: Alice Smith-Wells
    kind: person
    aliases: [Smith-Wells]
    ---
    -- content/entities/theresa-may.md --
    ---
    name: Theresa May
    kind: person
    pronoun: she
    aliases: [May]
    ---
    -- content/entities/steve-jobs.md --
    ---
    name: Steve Jobs
    kind: person
    aliases: [Jobs]
    ---
    -- content/entities/mervyn-king.md --
    ---
    name: Mervyn King
    kind: person
    aliases: [King, Lord King]
    ---
    -- content/entities/donald-trump.md --
    ---
    name: Donald Trump
    kind: person
    aliases: [Trump]
    ---
    -- content/entities/shinzo-abe.md --
    ---
    name: Shinzo Abe
    kind: person
    aliases: [Abe]
    ---
    -- content/entities/united-states.md --
    ---
    name: United States
    kind: place
    aliases: [US]
    ---
    -- content/entities/north-korea.md --
    ---
    name: North Korea
    kind: place
    ---

    """

    static func analyse(_ body: String, config: String = "") throws -> AnalysedSite {
        let site = try TestSite(registry.replacingOccurrences(of: "entities:\n  link: all\n", with: config.isEmpty ? "entities:\n  link: all\n" : config)
            + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2020-01-06\n---\n" + body + "\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        return rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
    }

    /// The slugs linked in `body`, in order.
    static func links(_ body: String, config: String = "") throws -> [String] {
        try analyse(body, config: config).articles[0].html.components(separatedBy: "data-entity=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func namesInsideLongerNamesAreNotMentions() throws {
        for body in ["Jane Smith spoke.", "Sir Ian Smith spoke.", "Lord Smith spoke.", "Mrs Smith spoke.", "Smith Jones spoke.",
                     "The Smith-Jones report was published.", "Mr May spoke.", "Lady Jobs spoke."] {
            #expect(try Self.links(body) == [], "\(body)")
        }
        for body in ["Mr Smith spoke.", "John Smith spoke.", "Chancellor Smith spoke.", "Labour MP John Smith spoke.",
                     "Smith's plan failed.", "Smith, the chancellor, spoke.", "Shadow chancellor Smith spoke.", "John Smith MP spoke."] {
            #expect(try Self.links(body) == ["john-smith"], "\(body)")
        }
        // A longer name that is itself an alias belongs to its own entity; a peerage the entity holds is its own.
        #expect(try Self.links("Smith-Wells replied.") == ["alice-smith-wells"])
        #expect(try Self.links("Lord King replied.") == ["mervyn-king"])
        // Hyphenated compounds of names and places are still both names.
        #expect(try Self.links("The US-North Korea summit and the Trump-Abe meetings.") == ["united-states", "north-korea", "donald-trump", "shinzo-abe"])
    }

    @Test func ordinaryWordsThatEqualASurnameAreNotMentions() throws {
        #expect(try Self.links("Jobs were cut at the plant.") == [])
        #expect(try Self.links("Elections are held in May.") == [])
        #expect(try Self.links("The vote is on 3 May and Theresa May will speak in early May.") == ["theresa-may"])
        // Sentence-initial, but the grammar of a name follows it, or the person was named already.
        #expect(try Self.links("May said the talks would go on.") == ["theresa-may"])
        #expect(try Self.links("Steve Jobs spoke. Jobs left early.") == ["steve-jobs", "steve-jobs"])
        #expect(try Self.links("King Charles spoke. Mervyn King listened.") == ["mervyn-king"])
        #expect(try Self.links("The Jobs family sold the house.") == [])
    }

    @Test func aSurnameSharedWithSomeoneNamedInTheArticleNeedsTheFullName() throws {
        #expect(try Self.links("Jane Smith, a teacher, spoke first. Smith said the school was closing.") == [])
        #expect(try Self.links("Jane Smith, a teacher, spoke. John Smith replied. Smith said the school was closing.") == ["john-smith", "john-smith"])
    }

    @Test func firstMentionLinkingPicksTheFirstMentionThatLinks() throws {
        let html = try Self.analyse("Jane Smith arrived. Then John Smith spoke. Smith left.", config: "entities:\n  link: first\n").articles[0].html
        #expect(html.components(separatedBy: "data-entity=\"john-smith\"").count == 2)
        #expect(html.contains(">John Smith</a> spoke"))
        #expect(html.contains("Jane Smith arrived"))
    }

    @Test func checkReportsNearMisses() throws {
        let site = try Self.analyse("Mr Smith met his wife.\n\nJane Smith spoke.")
        #expect(EditorReport(site).nearMisses == [
            NearMissOccurrence(alias: "Smith", name: "Jane Smith", entity: "john-smith", path: "content/articles/a.md", line: 7)])
        #expect(site.articles[0].mentions.map(\.count) == [1])
    }
}
