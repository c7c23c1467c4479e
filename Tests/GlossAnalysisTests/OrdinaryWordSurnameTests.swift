import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// Surnames that are ordinary words too (Jobs, King, Brown, May), once their person has been named
/// in full: a sentence that opens with the word before a noun, a plural verb or a subject pronoun,
/// "the" before it with a verb after, a place named with its possessive and a firm's name with an
/// ampersand are not the person; the person's own second references, whatever verb follows, are.
@Suite struct OrdinaryWordSurnameTests {
    static let registry = """
    -- gloss.yml --
    title: T
    entities:
      link: all
    \([("Steve Jobs", "Jobs"), ("Martin Luther King", "King"), ("Gordon Brown", "Brown"), ("Joe Biden", "Biden"), ("Theresa May", "May")].map { name, surname in
        "-- content/entities/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).md --\n---\nname: \(name)\nkind: person\naliases: [\(surname)]\n---\n"
    }.joined())
    """

    /// How many links the body has (all to the one person each case names).
    static func links(_ body: String) throws -> Int {
        let site = try TestSite(registry + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2005-01-06\n---\n" + body + "\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
        return analysed.articles[0].html.components(separatedBy: "data-entity=\"").count - 1
    }

    @Test func anOrdinaryWordOpeningASentenceIsNotThePerson() throws {
        #expect(try Self.links("Steve Jobs spoke. Jobs were lost in the north.") == 1)
        #expect(try Self.links("Steve Jobs spoke. Jobs are scarce.") == 1)
        #expect(try Self.links("Steve Jobs spoke. Jobs growth slowed.") == 1)
        #expect(try Self.links("Gordon Brown spoke. Brown rice is healthy.") == 1)
        #expect(try Self.links("Martin Luther King spoke. King prawns are on the menu.") == 1)
    }

    @Test func theBeforeASurnameAndAVerbAfterIsATitle() throws {
        #expect(try Self.links("Martin Luther King spoke. The King said so.") == 1)
        #expect(try Self.links("Martin Luther King spoke. Later the King said so.") == 1)
        // A noun after it: the person's (`the Biden campaign`).
        #expect(try Self.links("Joe Biden spoke. The Biden campaign said so.") == 2)
    }

    @Test func aPlaceNamedWithThePossessiveIsNotThePerson() throws {
        #expect(try Self.links("Martin Luther King spoke. King's College London hosted it.") == 1)
        #expect(try Self.links("Joe Biden spoke. A tweet sent from Biden's Twitter account said so.") == 2)
        #expect(try Self.links("Gordon Brown spoke. Brown's Budget was praised.") == 2)
    }

    @Test func aQuestionsVerbOrAFirmsNameIsNotThePerson() throws {
        #expect(try Self.links("Theresa May spoke. May I ask a question?") == 1)
        #expect(try Self.links("Gordon Brown spoke. Brown & Williamson sold tobacco.") == 1)
        #expect(try Self.links("Gordon Brown spoke. Shares in Marks & Brown fell.") == 1)
        #expect(try Self.links("Theresa May spoke. May said no.") == 2)
    }

    @Test func thePersonsOwnReferencesStayLinked() throws {
        for sentence in ["Brown rose to speak.", "Brown quit in 2010.", "Brown cut taxes.", "Brown himself agreed.", "Brown then left.",
                         "Brown, 56, agreed.", "Brown told MPs.", "Brown insisted.", "Brown says so.", "Brown and Blair met."] {
            #expect(try Self.links("Gordon Brown spoke. " + sentence) == 2, "\(sentence)")
        }
        #expect(try Self.links("Steve Jobs spoke. Jobs unveiled the phone.") == 2)
        #expect(try Self.links("Martin Luther King spoke. King's speech moved millions.") == 2)
    }
}
