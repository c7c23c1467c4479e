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
    -- content/entities/doris-day.md --
    ---
    name: Doris Day
    kind: person
    pronoun: she
    aliases: [Day, Ms Day]
    ---
    -- content/entities/labour-party.md --
    ---
    name: Labour Party
    kind: organization
    aliases: [Labour]
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
    -- content/entities/denzel-washington.md --
    ---
    name: Denzel Washington
    kind: person
    aliases: [Washington]
    ---
    -- content/entities/pedro-pierluisi.md --
    ---
    name: Pedro Pierluisi
    kind: person
    aliases: [Pierluisi]
    ---
    -- content/entities/gloria-vanderbilt.md --
    ---
    name: Gloria Vanderbilt
    kind: person
    aliases: [Vanderbilt]
    ---
    -- content/entities/supreme-court-us.md --
    ---
    name: United States Supreme Court
    kind: organization
    aliases: [Supreme Court]
    ---
    -- content/entities/supreme-court-uk.md --
    ---
    name: Supreme Court of the United Kingdom
    kind: organization
    ---
    -- content/entities/sadiq-khan.md --
    ---
    name: Sadiq Khan
    kind: person
    ambiguous_aliases: [Khan, Mr Khan]
    ---
    -- content/entities/usman-khan.md --
    ---
    name: Usman Khan
    kind: person
    ambiguous_aliases: [Khan, Mr Khan]
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
        for body in ["Mr Smith spoke.", "John Smith spoke.", "Chancellor Smith spoke.", "Shadow chancellor Smith spoke.", "John Smith MP spoke."] {
            #expect(try Self.links(body) == ["john-smith"], "\(body)")
        }
        #expect(try Self.links("Labour MP John Smith spoke.") == ["labour-party", "john-smith"])
        for body in ["Smith's plan failed.", "Smith, the chancellor, spoke."] {
            #expect(try Self.links("John Smith arrived. " + body) == ["john-smith", "john-smith"], "\(body)")
        }
        // A longer name that is itself an alias belongs to its own entity; a peerage the entity holds is its own.
        #expect(try Self.links("Alice Smith-Wells arrived. Smith-Wells replied.") == ["alice-smith-wells", "alice-smith-wells"])
        #expect(try Self.links("Lord King replied.") == ["mervyn-king"])
        // Hyphenated compounds of names and places are still both names.
        #expect(try Self.links("President Trump and Prime Minister Abe met. The US-North Korea summit and the Trump-Abe meetings.")
                == ["donald-trump", "shinzo-abe", "united-states", "north-korea", "donald-trump", "shinzo-abe"])
        // An acronym inside a code of capitals (an aircraft registered `EP-US`) names nothing; beside a place it does.
        #expect(try Self.links("The aircraft, registered EP-US, crashed. The US-UK talks went on.") == ["united-states"])
    }

    @Test func ordinaryWordsThatEqualASurnameAreNotMentions() throws {
        #expect(try Self.links("Jobs were cut at the plant.") == [])
        #expect(try Self.links("Elections are held in May.") == [])
        #expect(try Self.links("The vote is on 3 May and Theresa May will speak in early May.") == ["theresa-may"])
        // Sentence-initial, but the grammar of a name follows it, or the person was named already.
        #expect(try Self.links("May said the talks would go on. Theresa May is prime minister.") == ["theresa-may", "theresa-may"])
        #expect(try Self.links("Jobs were cut at the plant, Steve Jobs said.") == ["steve-jobs"])
        #expect(try Self.links("Steve Jobs spoke. Jobs left early.") == ["steve-jobs", "steve-jobs"])
        // A surname said twice around a linking word is an idiom or a title, even once the person is named.
        let idioms = try Self.links("Mervyn King spoke of the song \"King to King\" and of rule King by King. King left.")
        #expect(idioms == ["mervyn-king", "mervyn-king"])
        #expect(try Self.links("King Charles spoke. Mervyn King listened.") == ["mervyn-king"])
        #expect(try Self.links("The Jobs family sold the house.") == [])
        // A given name that is nearly always a man's says who "Mrs Jobs" is not.
        #expect(try Self.links("Steve Jobs spoke. Mrs Jobs replied.") == ["steve-jobs"])
        // The name of a day is neither the party nor the singer, before or after she is named.
        #expect(try Self.links("Shops shut on Labour Day and Boxing Day. Doris Day sang. Labour Day was quiet. Ms Day and Labour MPs left.")
                == ["doris-day", "doris-day", "labour-party"])
    }

    @Test func aSurnameSharedWithSomeoneNamedInTheArticleNeedsTheFullName() throws {
        #expect(try Self.links("Jane Smith, a teacher, spoke first. Smith said the school was closing.") == [])
        #expect(try Self.links("Jane Smith, a teacher, spoke. John Smith replied. Smith said the school was closing.") == ["john-smith", "john-smith"])
    }

    /// A surname two registered people share is linked where the article names just one of them in
    /// full; where it names both, or neither, it says nothing about who is meant.
    @Test func aSharedSurnameLinksTheOnePersonTheArticleNames() throws {
        #expect(try Self.links("Khan, the mayor, spoke. Sadiq Khan thanked the police. Mr Khan left.")
                == ["sadiq-khan", "sadiq-khan", "sadiq-khan"])
        #expect(try Self.links("Usman Khan attacked. Sadiq Khan thanked the police. Khan left.") == ["usman-khan", "sadiq-khan"])
        #expect(try Self.links("Khan left the building.") == [])
        // Someone else of that name is not the registered one, and blocks the surname until the
        // registered one is named in full (as for any surname).
        #expect(try Self.links("Sadiq Khan spoke. Amir Khan, a boxer, replied.") == ["sadiq-khan"])
        #expect(try Self.links("Amir Khan, a boxer, spoke. Khan left.") == [])
        let report = try Self.analyse("Usman Khan attacked. Sadiq Khan spoke. Khan left.").articles[0].ambiguous
        #expect(report.map(\.alias) == ["Khan"])
    }

    /// News names a person before using the surname alone: a surname the article never introduces is
    /// someone or something else, while a summary may use it before the story introduces the person.
    @Test func aSurnameTheArticleNeverIntroducesIsNotAMention() throws {
        #expect(try Self.links("She moved to Washington in 2010.") == [])
        #expect(try Self.links("The University of Washington published it.") == [])
        #expect(try Self.links("Smith met Abe.\n\nJohn Smith, the chancellor, and Shinzo Abe spoke.")
                == ["john-smith", "shinzo-abe", "john-smith", "shinzo-abe"])
        #expect(try Self.links("Japan's Abe arrived. President Trump left.") == ["shinzo-abe", "donald-trump"])
        // `gloss check` says where, so an editor can name the person once or see it is someone else.
        let site = try Self.analyse("She moved to Washington in 2010.\n\nWashington is rainy.")
        #expect(EditorReport(site).unintroduced == [
            UnintroducedSurname(alias: "Washington", entity: "denzel-washington", path: "content/articles/a.md", line: 5),
            UnintroducedSurname(alias: "Washington", entity: "denzel-washington", path: "content/articles/a.md", line: 7)])
        #expect(EditorReport(try Self.analyse("Denzel Washington starred. Washington won.")).unintroduced.isEmpty)
        // A nickname in quotation marks inside the full name still names the person in full.
        #expect(try Self.links("A wreath was laid for Denzel \"The Star\" Washington. Washington was 65.") == ["denzel-washington", "denzel-washington"])
        #expect(try Self.links("A wreath was laid for Denzel “The Star” Washington. Washington was 65.") == ["denzel-washington", "denzel-washington"])
        #expect(try Self.links("A wreath was laid for Martha \"The Star\" Washington. Washington was 65.") == [])
    }

    /// A note or a description is read beside what introduced the person: there the surname alone links.
    @Test func notesAndDescriptionsLinkASurnameAlone() throws {
        let site = try Self.analyse("Nothing here.")
        let text = Array("Washington starred in it.".utf8)
        let matches = site.registry.matcher.matches(in: "Washington starred in it.")
        var filter = MentionFilter(registry: site.registry)
        #expect(filter.judge(matches, in: text).mentions.map { site.registry.entities[EntityID($0.entity)].slug } == ["denzel-washington"])
    }

    /// A longer name of the same person (given name, initials, a second surname) is theirs; one with
    /// another middle name or a generation marker may be a relative's.
    @Test func fullerNamesOfThePersonAreMentions() throws {
        #expect(try Self.links("Pedro Pierluisi spoke. The court removed the Honorable Pedro R. Pierluisi Urrutia. Pierluisi Urrutia left.")
                == ["pedro-pierluisi", "pedro-pierluisi", "pedro-pierluisi"])
        #expect(try Self.links("Gloria Vanderbilt was born in 1924 to Gloria Morgan Vanderbilt.") == ["gloria-vanderbilt"])
        #expect(try Self.links("Donald Trump met Donald Trump Jr.") == ["donald-trump"])
        #expect(try Self.links("Pedro Pierluisi Urrutia spoke. Pierluisi left.") == ["pedro-pierluisi", "pedro-pierluisi"])
        #expect(try Self.links("Gloria Vanderbilt Foundation staff. Gloria Vanderbilt spoke.") == ["gloria-vanderbilt"])
    }

    /// An organisation's alias inside the name of another body named in the article (or followed by
    /// `of` and a name) is that other body's short name here.
    @Test func anAliasInsideAnotherBodysNameIsNotAMention() throws {
        #expect(try Self.links("The Supreme Court of the United Kingdom ruled. The Supreme Court is the final court of appeal.")
                == ["supreme-court-uk"])
        #expect(try Self.links("The Supreme Court of Justice of Austria ruled.") == [])
        #expect(try Self.links("The Supreme Court ruled.") == ["supreme-court-us"])
    }

    /// A state's or province's own body bears the national body's name after the state's.
    @Test func aStatesBodyIsNotTheNationalOne() throws {
        for body in ["The Florida Supreme Court ruled.", "The New York Supreme Court ruled.", "The Ontario Supreme Court ruled."] {
            #expect(try Self.links(body) == [], "\(body)")
            #expect(try EditorReport(Self.analyse(body)).nearMisses.map(\.entity) == ["supreme-court-us"], "\(body)")
        }
        // A country, a region's name that is only half of one (`York` alone), and the capital leave it.
        for body in ["The US Supreme Court ruled.", "In York Supreme Court judges met.", "In Washington Supreme Court judges met."] {
            #expect(try Self.links(body).contains("supreme-court-us"), "\(body)")
        }
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

    /// Surnames in British political copy: another person of the name (`Nick Smith`) makes `Mr
    /// Smith` say no more than `Smith`; months, plurals, firms and inquiries named after someone are
    /// not the person.
    @Test func surnamesInPoliticalCopy() throws {
        let cases: [(String, [String])] = [
            ("Nick Smith, the former minister, spoke. Mr Smith said the plan was wrong.", []),
            ("Nick Smith spoke. Later Smith said the plan was wrong.", []),
            // Named in full first, the registered person keeps the surname (see `isContested`).
            ("John Smith spoke. Later his brother Nick Smith said the plan was wrong. Mr Smith disagreed.", ["john-smith", "john-smith"]),
            ("Smith envelopes were handed out.", []),
            ("King Charles spoke.", []),
            ("The King's speech was read.", []),
            ("Jobs are being lost in the north.", []),
            ("JOBS CUT AT FACTORY", []),
            ("Steve Jobs spoke. Jobs said it was fine.", ["steve-jobs", "steve-jobs"]),
            ("May 5 is polling day.", []),
            ("Theresa May spoke. May said it was fine.", ["theresa-may", "theresa-may"]),
            ("Theresa May spoke. In May she said it was fine.", ["theresa-may"]),
            ("The Smiths played.", []),
            ("Smithfield market closed.", []),
            ("Mr Smith-Jones spoke.", []),
            ("Smith, Jones and Brown LLP lost.", []),
            ("Dr John Smith spoke.", ["john-smith"]),
            ("John Smith Jr spoke.", []),
            ("the John Smith Memorial Trust gave money.", []),
            ("The Smith inquiry reported.", []),
            ("Lord Smith of Finsbury spoke.", []),
            ("Granville Smith spoke.", []),
            ("Ms Smith spoke.", []),
            // Honorifics of other languages in English copy are honorifics, not given names.
            ("Shinzo Abe arrived. Ato Abe spoke.", ["shinzo-abe", "shinzo-abe"]),
            ("Donald Trump arrived. Señor Trump spoke.", ["donald-trump", "donald-trump"]),
        ]
        for (body, expected) in cases {
            #expect(try Self.links(body) == expected, "\(body)")
        }
    }
}
