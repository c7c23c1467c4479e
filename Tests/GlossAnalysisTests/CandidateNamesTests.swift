import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// The names `gloss check` and `gloss import` suggest registering.
@Suite struct CandidateNamesTests {
    static func names(_ text: String) -> [String] { CandidateNames.find(in: text, singleWords: true) }

    @Test func titlesAreCutFromTheName() {
        #expect(Self.names("On Monday Chancellor John Smith spoke.") == ["John Smith"])
        #expect(Self.names("It was Labour MP John Smith.") == ["Labour", "John Smith"])
        #expect(Self.names("It was Bank of England Governor Mark Carney who spoke.") == ["Bank of England", "Mark Carney"])
        #expect(Self.names("Later Secretary of State Mike Pompeo spoke.") == ["Mike Pompeo"])
        #expect(Self.names("It was Japanese Prime Minister Shinzo Abe.") == ["Shinzo Abe"])
        #expect(Self.names("It was Sir Ian Smith.") == ["Ian Smith"])
        // Institutions that hold a title word keep it.
        #expect(Self.names("Shares in General Motors fell, and the US Justice Department said so.") == ["General Motors", "US Justice Department"])
        #expect(Self.names("Jane Doe MP spoke.") == ["Jane Doe"])
        // A word that makes a title of the one after it goes with it.
        #expect(Self.names("In Leeds, First Minister Jack McConnell and Shadow Chancellor Oliver Letwin spoke.") == ["Leeds", "Jack McConnell", "Oliver Letwin"])
        // A title in hyphenated parts is a title; a word alone after a title's possessive is the holder's thing.
        #expect(Self.names("Then Ex-minister Frank Dobson and Vice-President Dick Cheney spoke.") == ["Frank Dobson", "Dick Cheney"])
        #expect(Self.names("Speaking at Prime Minister's Questions, Mr Blair said so, as did the Chancellor's deputy, Jane Roe.") == ["Blair", "Jane Roe"])
        #expect(Self.names("After the Chancellor’s Budget, Jane Roe spoke.") == ["Jane Roe"])
    }

    @Test func aPartyLabelIsCutFromTheNameAfterIt() {
        #expect(Self.names("It was Lib Dem Vince Cable, then Tory Oliver Letwin.") == ["Lib Dem", "Vince Cable", "Tory", "Oliver Letwin"])
        #expect(Self.names("So did Lib Dem Vince Cable and the others.") == ["Lib Dem", "Vince Cable"])
        #expect(Self.names("Then Tory MP Oliver Letwin and Lib Dem Vince Cable disagreed.") == ["Tory", "Oliver Letwin", "Lib Dem", "Vince Cable"])
        #expect(Self.names("Then Conservative Home Secretary Michael Howard spoke.") == ["Conservative", "Michael Howard"])
        // Not from an organisation's name.
        #expect(Self.names("It was the Labour Party, then Labour Friends of Israel and the Republican National Committee.")
            == ["Labour Party", "Labour Friends of Israel", "Republican National Committee"])
        #expect(Self.names("It was on Independent Television News. The Lib Dems agreed.") == ["Independent Television News", "Lib Dems"])
    }

    @Test func twoNamesJoinedByAndAreTwoCandidates() {
        #expect(Self.names("Then Gordon Brown and Tony Blair met at Marks and Spencer.") == ["Gordon Brown", "Tony Blair", "Marks and Spencer"])
        #expect(Self.names("It was Procter and Gamble, then Bosnia and Herzegovina.") == ["Procter and Gamble", "Bosnia and Herzegovina"])
    }

    @Test func hyphenatedNamesStayWhole() {
        #expect(Self.names("Then Ann Smith-Wells spoke to Jean-Luc Picard.") == ["Ann Smith-Wells", "Jean-Luc Picard"])
    }

    @Test func contractionsAbbreviationsAndNationalitiesAreNotNames() {
        #expect(Self.names("He said I'm not sure, and It's fine, and We've won.").isEmpty)
        #expect(Self.names("The MPs voted and the MP left at 10 GMT, the CEO said, as American and British officials watched.").isEmpty)
        #expect(Self.names("Then MEPs, MSPs, AMs, MLAs and TDs voted.").isEmpty)
    }

    /// `gloss check` compares whole names with the registry: a registered person under a title is not a candidate.
    @Test func registeredPeopleUnderATitleAreNotCandidates() throws {
        var files = "-- gloss.yml --\ntitle: T\n-- content/entities/john-smith.md --\n---\nname: John Smith\nkind: person\n---\n"
        for (index, text) in ["Chancellor John Smith spoke to Jane Doe.", "Jane Doe met Chancellor John Smith and MPs."].enumerated() {
            files += "-- content/articles/a\(index).md --\n---\ntitle: A\(index)\ndate: 2020-01-0\(index + 1)\n---\n\(text)\n"
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let report = EditorReport(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
        #expect(report.candidates.map(\.name) == ["Jane Doe"])
    }
}
