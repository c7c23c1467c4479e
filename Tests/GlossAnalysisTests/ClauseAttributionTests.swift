import Testing
@testable import GlossAnalysis

/// Attribution forms read from news clauses: who an opening phrase, a relative clause, an
/// appositive or a document names as the speaker, and where the text leaves no speaker.
@Suite struct ClauseAttributionTests {
    /// Two more men, so that "he" has a choice.
    static let men = """
    -- content/entities/tom-brown.md --
    ---
    name: Tom Brown
    kind: person
    pronoun: he
    aliases: [Mr Brown]
    ---
    -- content/entities/raj-patel.md --
    ---
    name: Raj Patel
    kind: person
    pronoun: he
    aliases: [Mr Patel]
    ---

    """

    static func speakers(_ paragraphs: String...) throws -> [String?] {
        try NewsAttributionTests.quotes(registry: men, paragraphs).map(\.speaker)
    }

    @Test func aNameAndVerbIntroducingTheNextQuotationDoNotCreditTheOneBefore() throws {
        // "President Duda remarked, "…"" opens the next quotation; it is not `"…." Duda remarked.`
        #expect(try Self.speakers("Tom Brown tweeted \"We are with the mayor in our thoughts and prayers.\" Mr Patel remarked, \"Today I am unconditionally with him and his family.\"")
                == ["tom-brown", "raj-patel"])
        // A verb with an object of its own after the quotation starts a new sentence.
        #expect(try Self.speakers("Jane Doe said she was \"proud to endorse the plan for the whole country.\" Tom Brown praised Doe's speech, stating he was \"proud to have the fiercest of fighters\" on his side.")
                == ["jane-doe", "tom-brown"])
    }

    @Test func heMeansTheMainClausesSubjectNotARelativeClauses() throws {
        #expect(try Self.speakers("Refusing to give up power, Tom Brown agreed to a deal in which Raj Patel became deputy. \"Only the voters will remove me, not the party,\" he declared.")
                == ["tom-brown"])
        // The subject of a name placed by "of" is still the subject.
        #expect(try Self.speakers("Tom Brown of Ruritania accepted responsibility but did not say he had ordered it. Speaking to Martin Jones of the BBC, he said, \"It happened under my watch, so I take the blame.\"")
                == ["tom-brown"])
        // But the later of two clauses joined by "while" is the one "he" goes on with.
        #expect(try Self.speakers("Tom Brown said the plan was \"a disgrace to the whole nation\" while Raj Patel wrote he had ordered checks. He tweeted, \"I want to express my sympathy to the families.\"")
                == ["tom-brown", "raj-patel"])
    }

    @Test func aPronounTheSentencesSubjectContradictsGetsNoSpeaker() throws {
        #expect(try Self.speakers("Tom Brown recommended that the troops withdraw.",
                                  "A spokesperson, Jane Doe, indicated the government was disappointed: \"While we await clarification,\" he said, \"we urge the leaders to reconsider.\"")
                == [nil, nil])
    }

    @Test func whoIsQuotedNotWhoQuotesThem() throws {
        #expect(try Self.speakers("The Times quoted Jane Doe, a former minister, as saying \"the plan is dead and buried for good.\"") == ["jane-doe"])
        #expect(try Self.speakers("Acme quoted Tim Manning, formerly a deputy administrator, as saying \"the agency has an important role in this.\"") == [nil])
        // A stranger of an organisation speaks for himself, not for it.
        #expect(try Self.speakers("Nikki Holland of the UK's Acme Holdings said, \"Dark web offenders cannot hide from the law.\"") == [nil])
    }

    @Test func documentsAndAccordingToNameTheirAuthor() throws {
        #expect(try Self.speakers("\"The airline transports weapons and fighters across the region,\" according to a tweet on Monday by Shadow Home Secretary Jane Doe.")
                == ["jane-doe"])
        #expect(try Self.speakers("According to Mr Brown, the manifesto could strengthen the case: \"The key factor here is an intent to coerce the public.\"")
                == ["tom-brown"])
    }

    @Test func appositivesTitlesAndInterruptions() throws {
        #expect(try Self.speakers("The research was led by Tom Brown, a marine ecologist at Acme, who said \"There is a lot of argument now about local management.\"")
                == ["tom-brown"])
        #expect(try Self.speakers("Newly elected Assemblywoman Jane Doe said, \"It is really exciting to be part of this majority.\"") == ["jane-doe"])
        #expect(try Self.speakers("\"We stand ready\" tweeted Mr Patel \"to provide whatever help we can to bring the fires under control.\"")
                == ["raj-patel", "raj-patel"])
        #expect(try Self.speakers("President of Ruritania Tom Brown announced a bill. The president had previously called it \"a matter of public health\".")
                == ["tom-brown"])
    }

    @Test func partialQuotationsEndTheirClauseBeforeAPreposition() throws {
        #expect(try Self.speakers("Jane Doe said the victims had a right to \"concrete and efficient measures\" against the abuse.") == ["jane-doe"])
        #expect(try Self.speakers("Jane Doe said the doors were open. However, she added, \"there are no locked doors in the cabins\" where the passengers slept.")
                == ["jane-doe"])
    }
}
