import Testing
@testable import GlossAnalysis

/// Quotation attribution in the style of government press releases and British papers: a
/// statement introduced by `X said:` in a paragraph of its own and running over paragraphs with
/// one closing mark at its end, people introduced by an appositive (`The Chancellor, John Smith,`)
/// or a title with its place (`Chancellor of the Exchequer John Smith`). Each case came from an
/// error read in the `tuning-6` part of the accuracy set.
@Suite struct PressReleaseAttributionTests {
    static func quotes(_ paragraphs: String...) throws -> [(speaker: String?, text: String)] {
        try NewsAttributionTests.quotes(registry: "", paragraphs)
    }

    @Test func aStatementClosedOnlyAtItsEndIsOneQuotation() throws {
        let statement = try Self.quotes(
            "The tax will go early, the Treasury announced.",
            "Mr Smith said:",
            "“The old tax has been in place since 1966. It will not work in this century.",
            "It is a good deal all round, and a ‘fair’ one.",
            "We are delighted to bring it in early.”",
            "The industry welcomed the news.")
        #expect(statement.map(\.speaker) == ["john-smith"])
        #expect(statement.first?.text == "The old tax has been in place since 1966. It will not work in this century. It is a good deal all round, and a ‘fair’ one. We are delighted to bring it in early.")
        // Marks later in the closing paragraph pair as usual.
        let more = try Self.quotes("Mr Smith said:", "“The tax is gone.", "It is a good day.” Ms Doe said: “We agree.”")
        #expect(more.map(\.speaker) == ["john-smith", "jane-doe"])
        #expect(more.map(\.text) == ["The tax is gone. It is a good day.", "We agree."])
    }

    /// A statement after a colon whose closing mark never comes (a text cut short) runs to its
    /// paragraph's end; a stray opening mark anywhere else is still no quotation.
    @Test func anUnclosedStatementAfterAColonRunsToItsParagraphsEnd() throws {
        let cut = try Self.quotes("Commenting on the report, Ms Doe said:", "“I have a strong impression of commitment. Much remains to be done.")
        #expect(cut.map(\.speaker) == ["jane-doe"])
        #expect(cut.first?.text == "I have a strong impression of commitment. Much remains to be done.")
        #expect(try Self.quotes("Mr Smith visited the “new port on Tuesday.", "The port opens in May.").isEmpty)
        // An unmarked run that no closing mark ends is not taken for the statement's words.
        let unended = try Self.quotes("Mr Smith said:", "“The tax is gone.", "The port opens in May.", "Ms Doe visited it.")
        #expect(unended.map(\.text) == ["The tax is gone."])
    }

    @Test func anAppositiveBeforeANameGivesItsRole() throws {
        let chancellor = try Self.quotes(
            "At this weekend’s meeting the Chancellor of the Exchequer, the Rt Hon John Smith MP, will propose new measures.",
            "Speaking in advance of the meeting, the Chancellor said:",
            "“A global recovery is under way.”")
        #expect(chancellor.map(\.speaker) == ["john-smith"])
        #expect(try Self.quotes("The Chancellor, John Smith, visited Leeds.", "The chancellor said: “Leeds is growing.”").map(\.speaker) == ["john-smith"])
        // The object of a participle is no appositive: `Speaking to the minister, Doe said`.
        #expect(try Self.quotes("Speaking to the minister, John Smith agreed.", "The minister said: “We will see.”").map(\.speaker) == [nil])
    }

    /// "The PM" is the prime minister: the person a role sentence (`The Prime Minister has
    /// said …`) and the sentence after it (`John Smith said …`) introduce.
    @Test func thePMIsThePrimeMinister() throws {
        let easter = try Self.quotes(
            "The Prime Minister has wished everyone a happy Easter.",
            "John Smith said he was grateful to the churches.",
            "The PM said:",
            "“Easter is the most important date in the calendar.”")
        #expect(easter.map(\.speaker) == ["john-smith"])
    }

    @Test func aTitleWithItsPlaceBeforeANameIsPartOfTheName() throws {
        let titled = try Self.quotes(
            "Speaking at a press conference to launch the strategy, a new document, Chancellor of the Exchequer John Smith, said:",
            "“Child poverty is a scar on the nation.”")
        #expect(titled.map(\.speaker) == ["john-smith"])
    }

    /// A document named by its title (`the Annual Report of the …`) is nobody who could come
    /// between "she" and the woman named before.
    @Test func aDocumentsTitleIsNoStranger() throws {
        #expect(try Self.quotes("The Government will act on fraud, Ms Doe made clear today.",
                                "Commenting on the Annual Report of the Labour Party she said:", "“This report makes disturbing reading.”")
            .map(\.speaker) == ["jane-doe"])
    }

    @Test func anOpeningParticiplePhraseWithoutACommaLeadsToItsSubject() throws {
        #expect(try Self.quotes("Welcoming the opportunity to consult with local groups Mr Smith said:", "“We are committed to working in partnership.”")
            .map(\.speaker) == ["john-smith"])
        #expect(try Self.quotes("Commenting on the report of the auditors Ms Doe said;", "“This report makes disturbing reading.”")
            .map(\.speaker) == ["jane-doe"])
    }

    /// A sentence of reported speech that ends in a colon gives its subject the statement after
    /// it, whatever passive the reported clause holds; a passive of the sentence's own does not.
    @Test func reportedSpeechEndingInAColonLeadsToItsSubject() throws {
        let asked = try Self.quotes("Mr Smith said some people, especially the wealthiest, would be asked to contribute more in the future: “But in return we are able to guarantee a plan for growth.”")
        #expect(asked.map(\.speaker) == ["john-smith"])
        #expect(try Self.quotes("Mr Smith was asked by reporters about the plan to contribute more: “Is it fair to the young?”").map(\.speaker) == [nil])
    }

    /// A role description that opens the story goes to the person the next sentence names as its
    /// subject, leaving out one named there in another role.
    @Test func aRoleDescriptionSkipsThoseNamedInAnotherRole() throws {
        let visit = try Self.quotes(
            "The Prime Minister has said the new port will create thousands of jobs.",
            "John Smith and Business Secretary Lord Mandelson visited the site this morning.",
            "The PM said:",
            "“The port is a vote of confidence.”")
        #expect(visit.map(\.speaker) == ["john-smith"])
    }
}
