import Testing

/// Frames news often writes around a quotation that earlier rules misread: a work's title, a
/// quotation inside a relative clause, a partial quotation before an adverbial, two appositions,
/// reported speech without "that", a pair of speakers, "was quoted as saying", and words the
/// subject only passes on.
@Suite struct AttributionFrameTests {
    static let words = "We have never been clearer about what we want"

    static func speakers(_ paragraphs: String...) throws -> [String?] {
        try NewsAttributionTests.quotes(registry: "", paragraphs).map(\.speaker)
    }

    @Test func aWorksTitleIsNoQuotation() throws {
        #expect(try Self.speakers("John Smith, who also wrote \"A Life in Politics\" in 2001, said the unit was full.") == [])
        #expect(try Self.speakers("Jane Doe directed \"The Long Road Home to the North\" in 1999.") == [])
        // Words after "wrote:" are still a quotation, and so are words not in title case.
        #expect(try Self.speakers("Mr Smith wrote: \"We Will Fight This Plan In Every Committee.\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith wrote \"we will fight this plan in every committee\" in his letter.") == ["john-smith"])
    }

    @Test func aQuotationInARelativeClauseLeavesTheSentencesSpeaker() throws {
        // "said the courts' unit has …" is the subject's reported speech, not `"…", said the courts`.
        #expect(try Self.speakers(
            "Tribunal spokesman John Smith, who also joined “Hello VOA” Monday, said the courts’ Victims Unit has so far received more than 2,000 complaints.",
            "“No matter where you are in the world, you can file a complaint,” he said.") == ["john-smith"])
        #expect(try Self.speakers(
            "John Smith, who also joined “Hello VOA”, said the courts’ Victims Unit has so far received more than 2,000 complaints.",
            "“No matter where you are in the world, you can file a complaint,” he said.") == ["john-smith"])
        // The inverted form with an unnamed speaker still blocks the pronoun.
        #expect(try Self.speakers(
            "John Smith spoke first.",
            "\"We will appeal against this ruling in every court,\" said the spokesman for the victims.",
            "\"No matter where you are in the world, you can file a complaint,\" he said.") == [nil, nil])
    }

    @Test func aPartialQuotationBeforeAnAdverbialOrAComplement() throws {
        #expect(try Self.speakers("Mr Smith said the government would \"not flinch from the difficult decisions\" ahead.") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith said he had \"no intention whatsoever\" of standing down before the election.") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith said it was \"too early to tell\" whether the plan would work.") == ["john-smith"])
        #expect(try Self.speakers("Ms Doe said the vote was \"a real choice\" between two futures.") == ["jane-doe"])
        // A term the sentence goes on about is no one's quotation.
        #expect(try Self.speakers("Mr Smith said the \"bedroom tax\" would go next year.") == [])
    }

    @Test func twoAppositionsBetweenTheNameAndTheVerb() throws {
        #expect(try Self.speakers("Jane Doe, 45, from Leeds, said: \"\(Self.words).\"") == ["jane-doe"])
        #expect(try Self.speakers("Jane Doe, 45, of Leeds, said: \"\(Self.words).\"") == ["jane-doe"])
        #expect(try Self.speakers("\"\(Self.words),\" said Jane Doe, 45, from Leeds.") == ["jane-doe"])
    }

    @Test func reportedSpeechWithoutThat() throws {
        #expect(try Self.speakers("Jane Doe said Mr Smith had told her: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe said Mr Smith told her: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe said that Mr Smith had told her: \"\(Self.words).\"") == ["john-smith"])
    }

    @Test func twoSpeakersTogetherGiveNone() throws {
        #expect(try Self.speakers("John Smith and Jane Doe issued a joint statement: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("John Smith and his wife issued a statement: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("John Smith issued a statement: \"\(Self.words).\"") == ["john-smith"])
    }

    @Test func quotedAsSayingInThePassive() throws {
        #expect(try Self.speakers("Mr Smith was quoted by Reuters as saying \"\(Self.words)\".") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith is quoted as saying: \"\(Self.words).\"") == ["john-smith"])
        // The active form names whom it quotes.
        #expect(try Self.speakers("Reuters quoted Jane Doe as saying \"\(Self.words)\".") == ["jane-doe"])
    }

    @Test func wordsTheSubjectOnlyPassesOnAreNotTheirs() throws {
        #expect(try Self.speakers("Mr Smith received a letter saying: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("Mr Smith wore a T-shirt saying \"\(Self.words)\".") == [nil])
        #expect(try Self.speakers("Mr Smith quoted Churchill: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("Mr Smith read out a letter from a constituent: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("Mr Smith said voters were telling him: \"\(Self.words).\"") == [nil])
        // What the subject issues, reads or is saying is theirs.
        #expect(try Self.speakers("Acme issued a statement saying: \"\(Self.words).\"") == ["acme"])
        #expect(try Self.speakers("Mr Smith posted a message saying: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith read out a statement: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith was saying: \"\(Self.words).\"") == ["john-smith"])
        // The frames' edges: a verb right before the quotation, a clause cut short.
        #expect(try Self.speakers("Mr Smith read: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith read a statement from Jane Doe: \"\(Self.words).\"") == ["jane-doe"])
        #expect(try Self.speakers("Traffic had \"ground to a halt for good\", as") == [nil])
        #expect(try Self.speakers("The office issued a statement from: \"\(Self.words).\"") == [nil])
    }

    @Test func whoseWordsTheSentenceNames() throws {
        // The claim's owner, not the subject who dismisses it.
        #expect(try Self.speakers("Mr Smith dismissed Jane Doe's claim that \"\(Self.words)\".") == ["jane-doe"])
        #expect(try Self.speakers("Mr Smith dismissed the minister's claim that \"\(Self.words)\".") == [nil])
        // Someone speaking for an organisation is not the organisation; its document is.
        #expect(try Self.speakers("Acme reported a loss.", "A spokesman for the firm said: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("Acme reported a loss.", "\"\(Self.words),\" said a spokesman for the company.") == [nil])
        #expect(try Self.speakers("Acme reported a loss.", "The firm said: \"\(Self.words).\"") == ["acme"])
        #expect(try Self.speakers("Acme reported a loss.", "The statement of the company read: \"\(Self.words).\"") == ["acme"])
    }

    @Test func wordsNamedAsSomeonesOrAnnouncedForASpeech() throws {
        let phrase = "a betrayal of every family in the country"
        #expect(try Self.speakers("The plan was, in Mr Smith's words, \"\(phrase)\".") == ["john-smith"])
        #expect(try Self.speakers("The plan was, in the words of Jane Doe, \"\(phrase)\".") == ["jane-doe"])
        #expect(try Self.speakers("Mr Smith is to tell delegates the plan is \"\(phrase)\".") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith is expected to describe the plan as \"\(phrase)\".") == ["john-smith"])
        // What someone else wants said, or will tell the subject, is not the subject's.
        #expect(try Self.speakers("Jane Doe wants Mr Smith to call the plan \"\(phrase)\".") == [nil])
        #expect(try Self.speakers("Voters will tell Mr Smith the plan is \"\(phrase)\".") == [nil])
    }

    @Test func aDocumentOfSomeoneIntroducedInARole() throws {
        let judge = "U.S. District Judge John Smith ruled the draft violated the Constitution."
        #expect(try Self.speakers(judge, "Part of the judge's statement reads \"\(Self.words)\".") == ["john-smith"])
        #expect(try Self.speakers(judge, "The judge's statement reads: \"\(Self.words).\"") == ["john-smith"])
        // No one was introduced as a judge.
        #expect(try Self.speakers("Mr Smith spoke.", "Part of the judge's statement reads \"\(Self.words)\".") == [nil])
    }

    @Test func asTheyPutIt() throws {
        #expect(try Self.speakers("Traffic \"ground to a halt\" — as Mr Smith put it — at part of the bridge.") == ["john-smith"])
        #expect(try Self.speakers("Traffic had \"ground to a halt\", as Jane Doe said on Monday.") == ["jane-doe"])
        #expect(try Self.speakers("The economy is, as Mr Smith put it, \"heading for the rocks at full speed\".") == ["john-smith"])
        // A document speaks for its owner; someone around a person is not them.
        #expect(try Self.speakers("Traffic \"ground to a halt\" — as the Acme report put it — at part of the bridge.") == ["acme"])
        #expect(try Self.speakers("Traffic had \"ground to a halt\", as Mr Smith's critics put it.") == [nil])
        #expect(try Self.speakers("Traffic had \"ground to a halt\", as a spokesman for Mr Smith put it.") == [nil])
    }

    @Test func aStatementIssuedFromSomeone() throws {
        #expect(try Self.speakers("The office released a statement from Mr Smith: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Labour issued a statement on behalf of Mr Smith: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Prime Minister John Smith spoke on Monday.",
                                  "The palace issued the following statement from the prime minister: \"\(Self.words).\"") == ["john-smith"])
        // A letter the subject answers is not what the quotation is.
        #expect(try Self.speakers("Mr Smith responded to a letter from Jane Doe: \"\(Self.words).\"") == ["john-smith"])
    }

    @Test func aTitleInsideTheMatchedNameIsARole() throws {
        let king = "-- content/entities/maha-vajiralongkorn.md --\n---\nname: Maha Vajiralongkorn\nkind: person\naliases: [King Maha Vajiralongkorn]\n---\n"
        let found = try NewsAttributionTests.quotes(registry: king, [
            "The party responded to a statement from her younger brother, King Maha Vajiralongkorn.",
            "The palace issued the following statement from the king: \"\(Self.words).\"",
            "\"Nobody should be in any doubt about our resolve,\" the king said."])
        #expect(found.map(\.speaker) == ["maha-vajiralongkorn", "maha-vajiralongkorn"])
    }

    @Test func concernExpressedAndAnotherSubjectsClause() throws {
        let phrase = "a betrayal of every family in the country"
        #expect(try Self.speakers("Mr Smith expressed concern that the plan was \"\(phrase)\".") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith voiced concern that the plan was \"\(phrase)\".") == ["john-smith"])
        // The quotation is in a clause of someone else's: not the subject's words.
        #expect(try Self.speakers("Jane Doe welcomed the plan, which Mr Smith had opposed as \"\(phrase)\".") == [nil])
        // Reported speech about someone keeps its speaker.
        #expect(try Self.speakers("Jane Doe said Mr Smith was \"\(phrase)\".") == ["jane-doe"])
    }

    /// A claim that a possessive pronoun owns is the words of whoever the pronoun stands for, not
    /// of the sentence's subject; a statement read out from someone named is theirs.
    @Test func aClaimOwnedByAPronounAndAStatementReadFromSomeone() throws {
        let phrase = "a con on the voters of the north"
        #expect(try Self.speakers("Mr Smith spoke first on Monday.", "Ms Doe dismissed his claim that the plan was \"\(phrase)\".") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith spoke first on Monday.", "Ms Doe dismissed his claim: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith repeated his claim that the plan was \"\(phrase)\".") == ["john-smith"])
        #expect(try Self.speakers("Ms Doe repeated her claim that the plan was \"\(phrase)\".") == ["jane-doe"])
        #expect(try Self.speakers("Acme repeated its claim that the plan was \"\(phrase)\".") == ["acme"])
        #expect(try Self.speakers("Mr Smith met Ms Doe on Monday.", "Mr Brown dismissed their claim that the plan was \"\(phrase)\".") == [nil])
        #expect(try Self.speakers("Mr Smith spoke first on Monday.", "Ms Doe read a statement from Mr Smith: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe read out a statement from Mr Smith: \"\(Self.words).\"") == ["john-smith"])
        // Read from no one named: no speaker; her own statement: hers.
        #expect(try Self.speakers("Jane Doe read out a letter from a constituent: \"\(Self.words).\"") == [nil])
        #expect(try Self.speakers("Jane Doe read a statement: \"\(Self.words).\"") == ["jane-doe"])
    }

    /// Reporting verbs of a that-clause take a partial quotation as `said` does; a quoted name
    /// inside the clause is no one's words.
    @Test func partialQuotationsAfterReportingVerbs() throws {
        for verb in ["confirmed", "acknowledged", "emphasised", "reiterated", "announced", "revealed", "testified", "complained", "clarified"] {
            #expect(try Self.speakers("Mr Smith \(verb) that the plan was \"dead in the water\".") == ["john-smith"], "\(verb)")
        }
        #expect(try Self.speakers("Mr Smith predicted that the plan would be \"dead in the water\".") == ["john-smith"])
        #expect(try Self.speakers("Police confirmed that the man was \"known to them\".").allSatisfy { $0 == nil })
        #expect(try Self.speakers("Mr Smith announced the \"Northern Powerhouse\" plan on Monday.") == [])
        #expect(try Self.speakers("Mr Smith revealed that the so-called \"red wall\" seats would get more money.") == [])
    }

    /// An adverb of time or frequency between the name and the verb (`has long argued`) leaves
    /// the speaker named; a denial (`never said`) does not make the words theirs.
    @Test func anAttributionBeforeAPlacesCountryOrState() throws {
        #expect(try Self.speakers("Defense Secretary John Smith had \u{201C}exceptionally substantive\u{201D} meetings with the king "
            + "on regional security issues, he said yesterday in Jiddah, Saudi Arabia.") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe had \"a very good\" meeting with the governor, she told reporters in Fresno, Calif.") == ["jane-doe"])
        // Not a place: the last comma is the attribution's own, and what follows it is no short adverbial.
        #expect(try Self.speakers("Jane Doe had \"a very good\" meeting with the governor, she said, Acme Holdings.").allSatisfy { $0 == nil })
    }

    @Test func aDirectiveWhoseInfinitiveIsQuoted() throws {
        #expect(try Self.speakers("In a memo, Defense Secretary John Smith tasked every member of the department "
            + "\u{201C}to gain full value from every taxpayer dollar spent on defense.\u{201D}") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe ordered the troops to \"stand firm\" in Leeds.") == ["jane-doe"])
        // In the progressive.
        #expect(try Self.speakers("Jane Doe spoke. Specifically, she was directing six committees to "
            + "\"proceed with their investigations under the umbrella\" of impeachment.") == ["jane-doe"])
        #expect(try Self.speakers("John Smith was ordering the police to \"stand down\" when the crowd arrived.") == ["john-smith"])
        // What a directive is about, not what it asks for, may be anyone's phrase; and the subject
        // of the directive, not someone named after it, gives it.
        #expect(try Self.speakers("Jane Doe ordered an inquiry into the \"appalling conditions\" at the prison.").allSatisfy { $0 == nil })
        #expect(try Self.speakers("Jane Doe was asking questions about the \"plan for the future\" of the town.").allSatisfy { $0 == nil })
        #expect(try Self.speakers("Police were ordering people \"to stay at home\" when John Smith arrived.").allSatisfy { $0 == nil })
    }

    @Test func theNameSomeoneGaveAThing() throws {
        let warned = try NewsAttributionTests.quotes(registry: "", ["John Smith spoke in parliament on Monday.",
            "He said his government is not blind, and warned that anyone who takes part in what he called "
            + "\"the plot being hatched to incite protests\" would \"pay a price.\""])
        #expect(warned.first.map { [$0.speaker, $0.text] } == ["john-smith", "the plot being hatched to incite protests"])
        #expect(warned.dropFirst().allSatisfy { $0.speaker == nil })
        // The clause goes on without the namer: the next quotation is not theirs.
        #expect(try Self.speakers("Jane Doe spoke.", "Anyone backing what John Smith described as \"a plan for the future\" "
            + "would \"pay a heavy price\", she said.") == ["john-smith", "jane-doe"])
        #expect(try Self.speakers("Jane Doe spoke.", "What he called \"a plan for the future\" was a disaster.").allSatisfy { $0 == nil })
    }

    @Test func aCommaForTheColonBeforeWholeSentences() throws {
        #expect(try Self.speakers("John Smith, also on Twitter, defended his decision, \"As I have stated before, we will act. "
            + "THE PLAN IS GREAT!\"") == ["john-smith"])
        // An inverted attribution after it names the speaker; a passive subject is not who speaks;
        // a lowercase quotation is no sentence of its own.
        #expect(try Self.speakers("John Smith visited the school, \"It was a wonderful day for all of us,\" said a teacher.") == [nil])
        #expect(try Self.speakers("Jane Doe was criticised by the unions, \"She has let us down again and again.\"") == [nil])
        #expect(try Self.speakers("John Smith visited the school, \"a wonderful place for children to learn and grow.\"").allSatisfy { $0 == nil })
    }

    @Test func praiseAndOpinionInTheSubjectsWords() throws {
        #expect(try Self.speakers("John Smith has congratulated the British team for a string of \u{201C}amazing successes\u{201D} "
            + "at the Games in Beijing.") == ["john-smith"])
        #expect(try Self.speakers("Jane Doe commended the volunteers for their \"tireless and selfless work\".") == ["jane-doe"])
        #expect(try Self.speakers("From the military's perspective, John Smith believes that moving forward, the press \u{201C}has to be "
            + "interested in things that don't go bang in the night.\u{201D}") == ["john-smith"])
        // A passive belief is no one's.
        #expect(try Self.speakers("Jane Doe was believed to be \"deeply worried\" by the report.").allSatisfy { $0 == nil })
    }

    @Test func aParticipleAfterAnInvertedAttribution() throws {
        #expect(try Self.speakers("\u{201C}\(Self.words),\u{201D} said Jane Doe, the party\u{2019}s leader, adding that the plan was "
            + "\u{201C}a disgrace to the country\u{201D}.") == ["jane-doe", "jane-doe"])
        #expect(try Self.speakers("\u{201C}\(Self.words),\u{201D} said a spokesman, adding that the plan was "
            + "\u{201C}a disgrace to the country\u{201D}.") == [nil, nil])
    }

    /// An unpunctuated quotation that a clause goes on from (`would "never" back`) is no one's, and
    /// no unnamed speaker of it hides the person a later pronoun means.
    @Test func aClauseGoingOnAfterAnUnpunctuatedQuotation() throws {
        #expect(try Self.speakers("Ms Doe said she would \u{201C}never\u{201D} back the plan, which she called "
            + "\u{201C}a betrayal of working people\u{201D}.").last == "jane-doe")
        // A role before the name after it is still an attribution.
        #expect(try Self.speakers("\"Our team\" study co-author John Smith said in a press release \"has developed a coating "
            + "that can make a toilet self-cleaning.\"").first == "john-smith")
    }

    /// A plural noun spelled like a speech verb (`the claims`) is no frame's verb; a participle
    /// after an article (`the alleged`) still marks someone else's words.
    @Test func aNounSpelledLikeASpeechVerb() throws {
        #expect(try Self.speakers("Mr Smith dismissed the claims as \"complete and utter nonsense\".") == ["john-smith"])
        #expect(try Self.speakers("After Ms Doe attacked Mr Smith for the alleged \"losers and suckers\" comment, he left.")
            .allSatisfy { $0 == nil })
    }

    /// The speaker of `"…," said X` is who the sentence is about: a description in the next one
    /// (`The Wooster professor added`) means them, as after `X said`.
    @Test func aDescriptionAfterAnInvertedAttribution() throws {
        let first = "\"Warm water circulation is attacking the undersides of these ice shelves,\" said study co-author Jane Doe."
        let second = "\"These effects matter. But exactly how much, we don't yet know.\""
        #expect(try Self.speakers(first + " The Wooster professor added, " + second) == ["jane-doe", "jane-doe"])
        // A bare role nobody here was given says no more than "someone".
        #expect(try Self.speakers(first + " The professor added, " + second) == ["jane-doe", nil])
    }

    @Test func adverbsBeforeTheVerb() throws {
        let phrase = "dead in the water"
        for adverb in ["long", "often", "always", "already", "now", "even", "twice"] {
            #expect(try Self.speakers("Mr Smith has \(adverb) said that the plan is \"\(phrase)\".") == ["john-smith"], "\(adverb)")
        }
        #expect(try Self.speakers("Mr Smith has long argued: \"\(Self.words).\"") == ["john-smith"])
        #expect(try Self.speakers("Mr Smith never said that the plan was \"\(phrase)\".").allSatisfy { $0 == nil })
    }
}
