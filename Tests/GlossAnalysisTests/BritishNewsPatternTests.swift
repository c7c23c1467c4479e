import Testing
@testable import GlossAnalysis

/// The constructions British political reporting uses most to credit a quotation, each in one
/// short made-up paragraph (none is taken from a corpus): the table is a floor, so a change to the
/// rules that loses one of them fails here with the sentence it lost.
@Suite struct BritishNewsPatternTests {
    /// Each case's paragraphs give quotations credited to these speakers (slugs; nil for none), in order.
    static func expectSpeakers(_ cases: [([String], [String?])]) throws {
        for (paragraphs, expected) in cases {
            let found = try NewsAttributionTests.quotes(registry: "", paragraphs)
            #expect(found.map(\.speaker) == expected, "\(paragraphs)")
        }
    }

    @Test func everyCommonConstructionIsCredited() throws {
        let cases: [([String], [String?])] = [
            (["Mr Smith told the BBC's Today programme: \"We have no plans to raise taxes.\""], ["john-smith"]),
            (["Tory leader John Smith said the plans were \"a gimmick\"."], ["john-smith"]),
            (["But Lib Dem spokeswoman Jane Doe said: \"This is a shambles.\""], ["jane-doe"]),
            (["\"This is a shambles,\" said Ms Doe."], ["jane-doe"]),
            (["Mr Smith, speaking in Leeds, said: \"We will win.\""], ["john-smith"]),
            (["Mr Smith was speaking after Ms Doe attacked the plans.", "He said: \"We will win.\""], ["john-smith"]),
            (["Speaking on BBC Radio 4, Mr Smith said: \"We will win.\""], ["john-smith"]),
            (["Mr Smith said: \"We will win the election.", "\"We will not give up.\""], ["john-smith"]),
            (["The chancellor, John Smith, is expected to say: \"Britain is working.\""], ["john-smith"]),
            (["Mr Smith added that the party would \"fight every seat\"."], ["john-smith"]),
            (["Ms Doe accused Mr Smith of \"running scared\"."], ["jane-doe"]),
            (["Mr Smith described the report as \"deeply flawed\"."], ["john-smith"]),
            (["In a speech in London, Ms Doe will say: \"The time has come.\""], ["jane-doe"]),
            (["Mr Smith insisted: \"There is no crisis.\""], ["john-smith"]),
            (["\"It's a disgrace,\" fumed Mr Smith."], ["john-smith"]),
            (["\"That is rubbish,\" scoffed Ms Doe."], ["jane-doe"]),
            (["Mr Smith retorted: \"She has had eight years.\""], ["john-smith"]),
            // The name after a verb, past an article and adjectives or titles.
            (["\"We will win this election,\" said a confident Mr Smith."], ["john-smith"]),
            (["\"We will win this election,\" said the former chancellor John Smith."], ["john-smith"]),
            (["\"We will win this election,\" said an aide to Mr Smith."], [nil]),
            (["Ms Doe boasted: \"We are on the march.\""], ["jane-doe"]),
            // A reaction to the words before, not their speaker.
            (["Ms Doe said: \"It is the best plan we have.\" Mr Smith scoffed."], ["jane-doe"]),
            (["\"There is no crisis,\" Mr Smith insisted, \"and there never was.\""], ["john-smith", "john-smith"]),
            (["Mr Smith said it was \"absolutely right\" to hold the inquiry."], ["john-smith"]),
            (["\"We will win,\" said Mr Smith, adding: \"The tide is turning.\""], ["john-smith", "john-smith"]),
            (["The report, according to Ms Doe, is \"a whitewash from start to finish\"."], ["jane-doe"]),
            (["Ms Doe is said to have told colleagues: \"I will not quit.\""], ["jane-doe"]),
            (["Mr Smith is understood to have said: \"She must go.\""], ["john-smith"]),
            (["A minister is said to have told colleagues: \"She must go.\""], [nil]),
            (["Mr Smith's plans, according to critics, are \"a total shambles from the start\"."], [nil]),
            (["\"We will win,\" Mr Smith said, adding: \"The tide is turning.\""], ["john-smith", "john-smith"]),
            (["\"We will win,\" said Mr Smith's aide, adding: \"The tide is turning.\""], [nil]),
            // A name and a colon, as transcripts and round-ups of reactions credit words; not a label.
            (["Ms Doe: \"We will win the election next year.\""], ["jane-doe"]),
            (["John Smith, Labour: \"We will win the election next year.\""], ["john-smith"]),
            (["The verdict: \"We will win the election next year.\""], [nil]),
            // A passive's agent after the quotation, or before it; not someone who belongs to the agent.
            (["The plan was branded \"a disgrace\" by Mr Smith on Monday."], ["john-smith"]),
            (["Ms Doe's comments were described as \"utter nonsense\" by Mr Smith."], ["john-smith"]),
            (["Ms Doe said the plan, described as \"a disaster\" by Mr Smith, would go ahead."], ["john-smith"]),
            (["The plan was dismissed as \"unworkable\" by Mr Smith's aides."], []),
            (["The plan was described by Mr Smith's spokesman as \"a disaster for the whole country\"."], [nil]),
            (["The plan was described by Mr Smith as \"a disaster for the whole country\"."], ["john-smith"]),
            // A few words in the middle of reported speech, a new clause or phrase after them.
            (["Mr Smith said he remained \"cautiously optimistic\" a deal would be reached."], ["john-smith"]),
            (["Ms Doe said how \"incredibly grateful\" she was to the volunteers."], ["jane-doe"]),
            (["Ms Doe said the crash was \"likely\" Acme's doing."], ["jane-doe"]),
            (["Mr Smith said the voters were \"thoroughly fed up\" as the count went on."], ["john-smith"]),
            (["Mr Smith said the report was \"a serious indictment\" of the prison service, while Ms Doe called it \"shocking\"."],
             ["john-smith", "jane-doe"]),
            (["Ms Doe called the vote \"a victory\" for common sense."], ["jane-doe"]),
            (["Mr Smith said he \"deeply regretted\" the loss of life."], ["john-smith"]),
            (["Ms Doe said she \"fully accepted\" the findings of the report."], ["jane-doe"]),
            // A term, not a fragment of speech: after a determiner, an owner or a preposition, or going on as a subject.
            (["Ms Doe said the \"bedroom tax\" would go."], []),
            (["Ms Doe said Labour's \"dementia tax\" would go as planned."], []),
            (["Mr Smith said \"Plan B\" was needed."], []),
            (["Mr Smith said the so-called \"poll tax\" of the 1980s was a mistake."], []),
            (["Mr Smith said the campaign for \"fair votes\" he backed would go on."], []),
            (["A Downing Street spokesman said: \"The prime minister has full confidence in him.\""], [nil]),
            (["Ms Doe, the shadow home secretary, said: \"This is a betrayal.\""], ["jane-doe"]),
            (["Shadow home secretary Jane Doe said: \"This is a betrayal.\""], ["jane-doe"]),
            (["Mr Smith told reporters at Westminster on Monday: \"It is over.\""], ["john-smith"]),
            (["Mr Smith told the Parliamentary Labour Party (PLP) on Monday: \"It is over.\""], ["john-smith"]),
            (["The Labour MP for Leeds, Mr Smith, said: \"It is over.\""], ["john-smith"]),
            (["Ms Doe said: \"We have to get this right.\"", "Mr Smith added: \"I agree.\""], ["jane-doe", "john-smith"]),
            (["Mr Smith's comments came after Ms Doe said: \"It is over.\""], ["jane-doe"]),
            (["Asked whether he would resign, Mr Smith said: \"No.\""], ["john-smith"]),
            (["Mr Smith said he was \"delighted\" with the result and \"looking forward\" to the campaign."], ["john-smith", "john-smith"]),
            (["Mr Smith said: \"I have never met him.\" Ms Doe disagreed."], ["john-smith"]),
            (["Ms Doe, who was elected in 2001, told BBC News: \"It is time.\""], ["jane-doe"]),
            (["\"It is time for change,\" she told BBC News.", "Ms Doe said."], [nil]),
            (["Ms Doe spoke out on Monday.", "\"It is time for change,\" she told BBC News."], ["jane-doe"]),
            (["Mr Smith said the government had \"lost its way\" and needed \"a fresh start\"."], ["john-smith", "john-smith"]),
            (["Labour's John Smith said: \"It is time.\""], ["john-smith"]),
            (["Mr Smith, 52, said: \"It is time.\""], ["john-smith"]),
            (["Home Office minister Jane Doe told MPs the scheme was \"working well\"."], ["jane-doe"]),
            (["He told the Commons: \"It is time.\"", "Mr Smith was replying to Ms Doe."], [nil]),
            (["Mr Smith was replying to Ms Doe.", "He told the Commons: \"It is time.\""], ["john-smith"]),
            (["Mr Smith is expected to tell the conference: \"We will not waver.\""], ["john-smith"]),
            (["Ms Doe will tell delegates in Brighton: \"We will not waver.\""], ["jane-doe"]),
            (["In his speech, Mr Smith will say that Britain must \"lead in Europe\"."], ["john-smith"]),
            (["Mr Smith is to say: \"We will not waver.\""], ["john-smith"]),
            (["\"We will not waver,\" Mr Smith is expected to say."], ["john-smith"]),
            (["The prime minister's official spokesman said: \"No decision has been made.\""], [nil]),
            (["Conservative co-chairman Jane Doe said Mr Smith had \"lost the plot\"."], ["jane-doe"]),
            (["Mr Smith hit back, saying: \"That is nonsense.\""], ["john-smith"]),
            (["Mr Smith told BBC One's Breakfast with Frost programme: \"That is nonsense.\""], ["john-smith"]),
            (["Ms Doe said the proposals were \"unworkable\", adding: \"They will not survive.\""], ["jane-doe", "jane-doe"]),
            (["\"We will see,\" he said.", "Mr Smith declined to comment."], [nil]),
            (["Mr Smith said: \"It is time.\"", "But Ms Doe said: \"It is not.\"", "\"We will fight on,\" she added."], ["john-smith", "jane-doe", "jane-doe"]),
            (["Mr Smith said: \"It is time.\"", "\"We will fight on,\" he added."], ["john-smith", "john-smith"]),
            (["Mr Smith said: \"It is time.\"", "Ms Doe disagreed.", "\"We will fight on,\" he added."], ["john-smith", "john-smith"]),
            (["A Labour spokesman said: \"It is time.\"", "\"We will fight on,\" he added."], [nil, nil]),
            (["Former Labour minister John Smith said: \"It is time.\""], ["john-smith"]),
            (["Mr Smith, who has been criticised by Ms Doe, said: \"It is time.\""], ["john-smith"]),
            (["Referring to Ms Doe, Mr Smith said: \"She is wrong.\""], ["john-smith"]),
            (["Mr Smith told Sky News that Ms Doe was \"a liability\"."], ["john-smith"]),
            (["Ms Doe's spokesman said: \"She is busy.\""], [nil]),
            (["He told BBC Radio 4's Today programme: \"It is time.\""], [nil]),
            (["Mr Smith, the Labour chairman, told the BBC: \"It is time.\""], ["john-smith"]),
            (["\"It is time,\" Mr Smith told the BBC.", "\"We cannot wait any longer.\""], ["john-smith", "john-smith"]),
            (["\"It is time,\" said Mr Smith, the Labour chairman."], ["john-smith"]),
            (["Prime Minister John Smith visited Leeds.", "\"It is time,\" the prime minister said."], ["john-smith"]),
            (["Prime Minister John Smith visited Leeds.", "The prime minister told reporters: \"It is time.\""], ["john-smith"]),
            (["John Smith, the prime minister, visited Leeds.", "\"It is time,\" the prime minister said."], ["john-smith"]),
            (["Mr Smith said: \"It is time.\"", "He went on: \"We must act.\""], ["john-smith", "john-smith"]),
            (["Mr Smith said the talks could go on for \"years\" and the stalemate went on for \"ever\"."], ["john-smith", "john-smith"]),
            (["Mr Smith said: \"It is time.\"", "He continued: \"We must act.\""], ["john-smith", "john-smith"]),
            (["\"It is time,\" Mr Smith told BBC News. \"We must act now.\""], ["john-smith", "john-smith"]),
            (["Labour said: \"It is time.\""], ["labour-party"]),
            (["A Labour Party spokesman said: \"It is time.\""], [nil]),
            (["The Labour Party said in a statement: \"It is time.\""], ["labour-party"]),
            (["Mr Smith's official spokesman said: \"It is time.\""], [nil]),
            (["Downing Street said: \"It is time.\""], [nil]),
            (["Mr Smith said the plan was \"a disgrace\". \"It will never work,\" he added."], ["john-smith", "john-smith"]),
            (["Mr Smith said: \"I told him: 'It is time.' He agreed.\""], ["john-smith"]),
            (["Ms Doe said of Mr Smith: \"He is wrong.\""], ["jane-doe"]),
            (["Ms Doe said that Mr Smith was \"simply wrong\" and \"out of touch\"."], ["jane-doe", "jane-doe"]),
            (["\"We are delighted,\" said a spokesman for Acme."], [nil]),
            (["Acme said it was \"delighted\" with the result."], ["acme"]),
            (["Acme said it was \"delighted with the result\"."], ["acme"]),
            (["In a statement, Acme said: \"We are delighted.\""], ["acme"]),
            (["Mr Smith - who resigned in 2001 - said: \"It is time.\""], ["john-smith"]),
            (["Mr Smith said on BBC One's Breakfast with Frost: \"It is time.\""], ["john-smith"]),
            (["Ms Doe, writing in the Guardian, said: \"It is time.\""], ["jane-doe"]),
            (["Writing in the Guardian, Ms Doe said: \"It is time.\""], ["jane-doe"]),
            (["Mr Smith told the Commons: \"I will not resign.\" Tory MPs jeered."], ["john-smith"]),
            (["Mr Smith told the Commons he would \"not resign\" over the affair."], ["john-smith"]),
            (["\"I will not resign,\" Mr Smith told MPs during question time."], ["john-smith"]),
            (["But Mr Smith said: \"We will win.\""], ["john-smith"]),
            (["And Ms Doe said: \"We will win.\""], ["jane-doe"]),
            (["Meanwhile, Mr Smith said: \"We will win.\""], ["john-smith"]),
            // Quotations over paragraphs, and standalone quotation paragraphs after a speaker's sentence.
            (["\"We will fight,\" said Mr Smith. \"We will never surrender.", "\"We shall go on to the end.\""], ["john-smith", "john-smith"]),
            (["He added: \"First point.", "\"Second point.", "\"Third point.\""], [nil]),
            (["Mr Smith spoke.", "He added: \"First point.", "\"Second point.", "\"Third point.\""], ["john-smith"]),
            (["\"It is time,\" he said.", "\"We must act now.\""], [nil, nil]),
            (["Mr Smith spoke.", "\"It is time,\" he said.", "\"We must act now.\""], ["john-smith", "john-smith"]),
            (["Mr Smith spoke.", "\"It is time,\" he said.", "Ms Doe disagreed.", "\"We must act now.\""], ["john-smith", "jane-doe"]),
            (["Mr Smith spoke.", "\"It is time,\" he said.", "Ms Doe disagreed. She said the plan was flawed.", "\"We must act now.\""], ["john-smith", "jane-doe"]),
            (["Ms Doe said the plan was flawed.", "\"We must act now. There is no time to lose.\""], ["jane-doe"]),
            (["Ms Doe said the plan was flawed, adding:", "\"We must act now.\""], ["jane-doe"]),
            (["Mr Smith told the BBC:", "\"We must act now.\""], ["john-smith"]),
            (["Mr Smith told the BBC: \"We must act now.", "\"There is no time to lose.", "\"The public expect it.\"", "Ms Doe disagreed."], ["john-smith"]),
            (["Mr Smith said: \"We must act now. There is no time to lose.\"", "\"Nonsense,\" said Ms Doe."], ["john-smith", "jane-doe"]),
            (["Mr Smith said: \"We must act now.\"", "\"Nonsense. That is simply not true and he knows it,\" Ms Doe replied."], ["john-smith", "jane-doe"]),
            // A closing mark forgotten after `"…," he said. "…`; a partial quotation after `ended by telling`.
            (["\"It is working,\" Mr Smith said. \"We are starting to see results in the north.", "However, the plan is not finished, officials said."], ["john-smith", "john-smith"]),
            (["Mr Smith spoke in Leeds. He said, \"I would like to pass a message to the party, and particularly to its leaders.", "The party did not reply."], ["john-smith"]),
            (["Acme note that \"growth will slow sharply next year\"."], ["acme"]),
            (["Mr Smith ended by telling MPs that the two parties represent Britain's \"best hope\"."], ["john-smith"]),
            // Statements, letters and decrees speak for whoever issued them.
            (["The decree signed by Mr Smith read \"The crimes offend us all and must be reported.\""], ["john-smith"]),
            (["A statement from Mr Smith said: \"The crimes offend us all.\""], ["john-smith"]),
            (["Mr Smith's statement said: \"The crimes offend us all.\""], ["john-smith"]),
            (["In a statement, Acme said: \"The crimes offend us all.\""], ["acme"]),
            (["Acme's statement read: \"The crimes offend us all.\""], ["acme"]),
            (["The letter, signed by Ms Doe, said: \"The crimes offend us all.\""], ["jane-doe"]),
            (["In a letter to Mr Smith, Ms Doe wrote: \"The crimes offend us all.\""], ["jane-doe"]),
            (["Mr Smith issued a statement: \"The crimes offend us all.\""], ["john-smith"]),
            (["Acme issued the following statement: \"The crimes offend us all.\""], ["acme"]),
            (["The report said: \"The crimes offend us all.\""], [nil]),
            (["Mr Smith, the Home Secretary of Britain, ordered an inquiry. In his statement, he praised the police: \"They did well.\""], ["john-smith"]),
            (["Ms Doe, the Shadow Chancellor of the Exchequer, spoke first.", "\"We will oppose it,\" she said."], ["jane-doe"]),
            (["\"We will not be moved on this,\" Mr Smith told the BBC News website."], ["john-smith"]),
            (["Mr Smith's message was: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith: \"We will not be moved on this.\""], ["john-smith"]),
            (["In a statement Mr Smith said: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith, the MP for Leeds North, said in a statement: \"We will not be moved on this.\""], ["john-smith"]),
            (["But speaking on Sunday, Mr Smith said: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith later told reporters: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith hit back, saying: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith responded by saying: \"We will not be moved on this.\""], ["john-smith"]),
            (["\"We will not be moved on this,\" said the Tory leader, Mr Smith."], ["john-smith"]),
            (["Tory leader John Smith spoke in Leeds.", "\"We will not be moved on this,\" the Tory leader said."], ["john-smith"]),
            (["Tory leader John Smith spoke in Leeds.", "The Tory leader told the BBC: \"We will not be moved on this.\""], ["john-smith"]),
            (["Chancellor John Smith spoke in Leeds.", "The chancellor said: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith went further, saying the plans were \"complete and utter madness\"."], ["john-smith"]),
            (["Mr Smith went on to attack Ms Doe, saying: \"She has no ideas at all.\""], ["john-smith"]),
            (["Ms Doe hit back at Mr Smith, accusing him of \"shameless scaremongering\"."], ["jane-doe"]),
            (["He was backed by Ms Doe, who said: \"We will not be moved on this.\""], ["jane-doe"]),
            (["The plans were attacked by Ms Doe, who said they were \"simply unworkable\"."], ["jane-doe"]),
            (["The plans were welcomed by Ms Doe as \"a big step forward\"."], ["jane-doe"]),
            (["Ms Doe said: \"I think Mr Smith is wrong about this.\""], ["jane-doe"]),
            (["Mr Smith was unrepentant. \"I would do it all again,\" he said."], ["john-smith"]),
            (["Mr Smith, however, was unrepentant: \"I would do it all again.\""], ["john-smith"]),
            (["Mr Smith told a news conference in Westminster: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith told ITV1's Jonathan Dimbleby programme: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith told Sky News: \"We will not be moved on this.\""], ["john-smith"]),
            (["Mr Smith said in his resignation letter: \"I can no longer support the government.\""], ["john-smith"]),
            (["In his resignation letter, Mr Smith wrote: \"I can no longer support the government.\""], ["john-smith"]),
            (["Mr Smith's resignation letter said: \"I can no longer support the government.\""], ["john-smith"]),
            (["Mr Smith was asked on BBC One's Breakfast with Frost whether he would quit.", "He replied: \"Certainly not, and I never will.\""], ["john-smith"]),
            (["Ms Doe put it more bluntly: \"This is a total disaster for the party.\""], ["jane-doe"]),
            (["Mr Smith's verdict was blunt: \"This is a total disaster for the party.\""], ["john-smith"]),
            (["Mr Smith said: \"We are going to win.\" He added: \"Nobody should doubt it.\""], ["john-smith", "john-smith"]),
            (["\"Nobody should doubt it,\" added Mr Smith, who is 58."], ["john-smith"]),
            (["Mr Smith - who has been an MP since 1983 - said: \"Nobody should doubt it.\""], ["john-smith"]),
            (["Mr Smith (Labour, Leeds North) said: \"Nobody should doubt it.\""], ["john-smith"]),
        ]
        try Self.expectSpeakers(cases)
    }

    /// Each way British reports introduce someone the registry does not know makes "he" in the
    /// next sentence theirs, so the quotation gets no speaker rather than the last registry name.
    @Test func aNewcomerNamedInAnyCommonWayBlocksThePronoun() throws {
        let intros = [
            "Liberal Democrat MP Bob Russell disagreed.",
            "Labour backbencher Bob Marshall-Andrews disagreed.",
            "Bob Russell, MP for Colchester, disagreed.",
            "But Bob Russell disagreed.",
            "Tory MP Bob Russell, who sits on the committee, disagreed.",
            "Bob Russell, the Lib Dem home affairs spokesman, disagreed.",
            "Sir Menzies Campbell disagreed.",
            "Lord Falconer disagreed.",
            "Downing Street's Bob Russell disagreed.",
            "Campaigner Bob Russell disagreed.",
            "Bob Russell of the Countryside Alliance disagreed.",
            "Mr Russell disagreed.",
            "Bob Russell disagreed.",
            "Bob Russell told the BBC he disagreed.",
            "Dr Liam Fox disagreed.",
            "Former Tory leader Iain Duncan Smith disagreed.",
            "Conservative chairman Liam Fox disagreed.",
            "Ex-minister Bob Russell disagreed.",
            "Bob Russell (Lib Dem) disagreed.",
            "Mr Smith's deputy, Bob Russell, disagreed.",
            "Union leader Bob Russell disagreed.",
            "Plaid Cymru's Bob Russell disagreed.",
            "SNP leader Alex Salmond disagreed.",
            "The Archbishop of Canterbury, Dr Rowan Williams, disagreed.",
        ]
        for intro in intros {
            let found = try NewsAttributionTests.quotes(registry: "", ["Mr Smith said: \"It is time.\"", intro, "\"It is not,\" he said."])
            #expect(found.map(\.speaker) == ["john-smith", nil], "\(intro)")
        }
        // A given name alone, in apposition to a noun that says who: "she" may be her. Not after a man's.
        let relatives: [(String, [String?])] = [
            ("Mr Smith was joined by his wife, Mary.", ["jane-doe", nil]),
            ("Mr Smith arrived with his wife Mary.", ["jane-doe", nil]),
            ("Mr Smith arrived with his son, Peter.", ["jane-doe", "jane-doe"]),
        ]
        for (intro, expected) in relatives {
            let found = try NewsAttributionTests.quotes(registry: "", ["Ms Doe said: \"It is time.\"", intro, "\"We are delighted,\" she said."])
            #expect(found.map(\.speaker) == expected, "\(intro)")
        }
    }

    /// The other side: a quotation goes to the person the text gives it to, or to no one, when
    /// another person, a party, an unnamed official or a document stands nearer.
    /// Constructions found wrong or missed in American political reporting (PolNeAR's training
    /// articles, read for patterns only; each case is made up): an inverted clause with a verb no
    /// list holds, a stranger named before "his claim", "said before adding", an explicit
    /// `"…," X predicted` after a longer frame, a subordinate clause before the speaker's, and
    /// "whom he called".
    @Test func aClauseOfItsOwnAfterTheQuotationDecides() throws {
        try Self.expectSpeakers([
            (["Mr Smith said France had lost its way: \"France is no longer France,\" he claimed. \"France will always be France,\" an angry Hollande retaliated. \"It never gives up.\""],
             ["john-smith", nil, nil]),
            (["\"France will always be France,\" Mr Smith retaliated."], ["john-smith"]),
            (["\"France will always be France,\" the crowd chanted."], [nil]),
            (["Mr Smith spoke in Leeds on Monday.", "De Blasio also repeated his claim that \"profit-making\" was the motivation."], [nil]),
            (["\"If she picks the judges, there is nothing you can do,\" Mr Smith said before adding: \"Though maybe there is, I don't know.\""],
             ["john-smith", "john-smith"]),
            (["\"If she picks the judges, there is nothing you can do,\" Mr Smith's aide said before adding: \"Though maybe there is, I don't know.\""],
             [nil, nil]),
            (["Bob Roffman drew the ire of Mr Smith after he told the paper that he did not think the casino would last long: \"Once the cold winds blow, it won't make it,\" Roffman predicted."],
             [nil]),
            (["Mr Smith told the paper that he did not think the casino would last long: \"Once the cold winds blow, it won't make it,\" he predicted."],
             ["john-smith"]),
            // The main clause's subject after an opening subordinate clause, and not the name a
            // relative clause describes.
            (["When Mr Smith suggested that the council would sue, Ms Doe fired back forcefully: \"If they sue us in a court in Leeds, they're going to lose.\""],
             ["jane-doe"]),
            (["When Ms Doe suggested it, Mr Smith fired back: \"If they sue us in a court in Leeds, they're going to lose,\" referencing the voters."],
             ["john-smith"]),
            (["Mr Smith spoke on Monday.", "He attacked Bob Jones, whom he called a \"con artist of the first rank.\""], ["john-smith"]),
            // Not a clause of its own: the sentence goes on with its subject.
            (["Acme, in its media release, reported that with the limit in place, \"many stores are still selling out within an hour\", and called the demand \"unprecedented\"."],
             ["acme", "acme"]),
        ])
    }

    /// "She said" after a sentence in which someone the registry lacks spoke (read off PolNeAR's
    /// training articles, each case made up): a registered name inside what that person said is
    /// what was spoken of, not who speaks next; but one who was asked a question answers.
    @Test func whoeverSpokeLastGoesOnNotWhomTheyNamed() throws {
        try Self.expectSpeakers([
            (["Bob Murphy said he backs Jane Doe.", "Murphy’s spokeswoman Galia Slayen said Murphy is \"proud\" to support Ms Doe’s plan.",
              "\"Making college debt free is a progressive value that we share,\" she said."], [nil, nil]),
            (["Ms Doe's position was supported on Friday by Senator Dianne Feinstein of California, the ranking Democrat on the committee, who said none of the emails originated with Ms Doe.",
              "\"It has never made sense to me that she can be held responsible,\" she said in a statement."], [nil]),
            (["Mr Smith spoke on Thursday.", "Conservative radio host Hugh Hewitt asked Mr Smith about statements he had made the previous night, when he claimed Ms Doe was \"the founder\" of the group."], ["john-smith"]),
            (["Ms Doe said on Friday that she would stand.", "\"I am ready,\" she said."], ["jane-doe"]),
            // People the registry lacks, named by a given name before a comma or by a surname alone
            // that opens a sentence and speaks; not one who asks.
            (["Florida delegate John Archer, wearing a campaign T-shirt, said he was proud of Mr Smith.",
              "\"He's doing it the right way,\" he said."], [nil]),
            (["Mr Smith spoke at the rally.", "Humphrey, for example, said he was hopeful that the effort would see Mr Smith win.",
              "\"The first thing is to stop Ms Doe on the first ballot,\" he said."], [nil]),
            (["Hannity asked Mr Smith how high the wall would be.", "\"I think the height could be 35 to 45 feet,\" he told Hannity."],
             ["john-smith"]),
            // Someone introduced under a title the lists lack, before a given name, speaks next.
            (["\"I don't remember anything as shameful as this,\" said Mr Smith.",
              "Senate Majority Whip John Cornyn responded by standing on the floor next to a photo.", "\"I'll tell you what shameful is,\" he said."],
             ["john-smith", nil]),
        ])
        // A name before its staff's role says whose they are, not who speaks.
        let weaver = "-- content/entities/bob-weaver.md --\n---\nname: Bob Weaver\nkind: person\naliases: [Weaver]\n---\n"
        let staff = try NewsAttributionTests.quotes(registry: weaver, [
            "John Smith spoke on Monday.", "\"Well, look, she's clearly experienced,\" Smith campaign manager Bob Weaver said in an interview.",
            "\"But a résumé is not enough at the end of the day,\" he continued.",
        ])
        #expect(staff.map(\.speaker) == ["bob-weaver", "bob-weaver"])
    }

    @Test func theNearerSpeakerOrNoneWins() throws {
        let cases: [([String], [String?])] = [
            (["\"We will use the veto.\" On Monday Mr Smith insisted the talks would go on."], [nil]),
            (["\"We will use the veto.\"", "On Monday Mr Smith insisted the talks would go on."], [nil]),
            (["Ms Doe met Mr Smith on Monday.", "\"It went well,\" she said."], ["jane-doe"]),
            (["Mr Smith met Ms Doe on Monday.", "\"It went well,\" he said."], ["john-smith"]),
            // A pair who both fit the pronoun: either could be meant.
            (["Mr Smith and John Prescott met on Monday.", "He said: \"These are the right reforms.\""], [nil]),
            (["John Prescott and Mr Smith met on Monday.", "He said: \"These are the right reforms.\""], [nil]),
            (["Mr Smith and Ms Doe met on Monday.", "He said: \"These are the right reforms.\""], ["john-smith"]),
            (["Ms Doe and Mr Smith met on Monday.", "She said: \"These are the right reforms.\""], ["jane-doe"]),
            (["Mr Smith met Ms Doe and John Prescott on Monday.", "He said: \"These are the right reforms.\""], ["john-smith"]),
            // A name used to describe something (`the Smith campaign`) is no one "he" can mean.
            (["Mr Smith spoke.", "Campaign co-ordinator Tom Watson criticised the Smith campaign.", "\"There is no plan,\" he said."], [nil]),
            (["Mr Smith spoke.", "Party official Tom Watson, who is seen as a Smith ally, said the party was united.", "\"There is no split,\" he said."], [nil]),
            // A newcomer whose given name is nearly always a man's or a woman's blocks only the pronoun that fits.
            (["Ms Doe said: \"We will win.\"", "The party's treasurer, Tom Watson, warned against complacency.", "\"It is not in the bag,\" she said."],
             ["jane-doe", "jane-doe"]),
            (["Ms Doe said: \"We will win.\"", "The party's treasurer, Tom Watson, warned against complacency.", "\"It is not in the bag,\" he said."],
             ["jane-doe", nil]),
            // A question put to him by someone unnamed leaves him the one "he" means.
            (["Mr Smith was asked: \"Will you stay?\" He replied: \"I will stay.\""], [nil, "john-smith"]),
            (["Mr Smith was told: \"You must go.\"", "He said: \"I will stay on.\""], [nil, "john-smith"]),
            (["Labour said the plan was wrong.", "\"It will fail,\" he said."], [nil]),
            (["Mr Smith said: \"It is time.\"", "Labour leader Neil Kinnock backed him.", "\"He is right,\" he said."], ["john-smith", nil]),
            (["Mr Smith said: \"It is time.\"", "The party's general secretary backed him.", "\"He is right,\" he said."], ["john-smith", nil]),
            (["Mr Smith said: \"It is time.\"", "A Labour spokesman said the party backed him.", "\"He is right,\" he said."], ["john-smith", nil]),
            (["Mr Smith said: \"It is time.\"", "Ms Doe said the party backed him.", "\"He is right,\" he said."], ["john-smith", "john-smith"]),
            (["Mr Smith's wife said: \"He is tired.\""], [nil]),
            (["A friend of Mr Smith said: \"He is tired.\""], [nil]),
            (["Ms Doe, speaking about Mr Smith, said: \"He is tired.\""], ["jane-doe"]),
            (["Mr Smith was criticised by Ms Doe, who said: \"He is tired.\""], ["jane-doe"]),
            (["Critics of Mr Smith said he was \"out of touch\"."], [nil]),
            (["Mr Smith's spokesman said he was \"out of touch\" with the facts."], [nil]),
            (["Asked about Mr Smith, Ms Doe said: \"He is tired.\""], ["jane-doe"]),
            (["The Tories accused Mr Smith of a \"cynical stunt\"."], [nil]),
            (["Mr Smith's critics say the plan is \"a cynical stunt\"."], [nil]),
            // A party's MPs are several people, not the party.
            (["Labour MPs said: \"We have lost confidence in him.\""], [nil]),
            (["\"We have lost confidence in him,\" Labour MPs said."], [nil]),
            (["Labour said: \"We have lost confidence in him.\""], ["labour-party"]),
            // The claim is its owner's; what the speaker calls it is the speaker's.
            (["Ms Doe said Mr Smith's claim that \"crime is falling\" was \"a con\"."], ["john-smith", "jane-doe"]),
            // A nickname in quotation marks inside the subject's clause does not cut the clause.
            (["Mr Smith, who was dubbed \"two Jags\" by critics, said: \"I have nothing to apologise for.\""], [nil, "john-smith"]),
            (["Mr Smith told Ms Doe: \"You are wrong.\""], ["john-smith"]),
            (["Ms Doe was told by Mr Smith: \"You are wrong.\""], ["john-smith"]),
            (["The report, seen by Mr Smith, says: \"The plan is flawed.\""], [nil]),
            (["In a letter to Mr Smith, the union said: \"The plan is flawed.\""], [nil]),
            (["In a letter to Ms Doe, Mr Smith said: \"The plan is flawed.\""], ["john-smith"]),
            (["Asked about the plan, Ms Doe said: \"He is tired.\""], ["jane-doe"]),
            (["Asked about the plan, Ms Doe said: \"He is very tired.\""], ["jane-doe"]),
            (["Ms Doe said: \"He is tired.\""], ["jane-doe"]),
            (["Asked whether he would resign, Mr Smith said: \"He is tired.\""], ["john-smith"]),
        ]
        try Self.expectSpeakers(cases)
    }

    /// "He" after a sentence about two men, one named in apposition to a role: a role joined to
    /// the first by "and" makes a pair (either could be "he"); a role that a verb governs is the
    /// verb's object, so "he" goes on with the subject; a role nothing governs is the subject.
    @Test func aPronounAfterANameInApposition() throws {
        let jones = "-- content/entities/mark-jones.md --\n---\nname: Mark Jones\nkind: person\naliases: [Jones, Mr Jones]\n---\n"
        let cases: [([String], [String?])] = [
            (["Mr Smith and his deputy, Mark Jones, launched the campaign.", "\"We will win the seat,\" he said."], [nil]),
            (["Mr Smith and the chancellor, Mark Jones, met on Monday.", "\"We will win the seat,\" he said."], [nil]),
            (["Mr Smith met his deputy, Mark Jones, on Monday.", "\"We will win the seat,\" he said."], ["john-smith"]),
            (["Mr Smith sacked the chancellor, Mark Jones, on Monday.", "\"We will win the seat,\" he said."], ["john-smith"]),
            // Controls: the role as subject, and the plain forms.
            (["Mr Smith's deputy, Mark Jones, launched the campaign.", "\"We will win the seat,\" he said."], ["mark-jones"]),
            (["The chancellor, Mark Jones, met Mr Smith on Monday.", "\"We will win the seat,\" he said."], ["mark-jones"]),
            (["Mr Smith met Mr Jones on Monday.", "\"We will win the seat,\" he said."], ["john-smith"]),
            (["Mr Smith and Mr Jones met on Monday.", "\"We will win the seat,\" he said."], [nil]),
            (["\"We will win the seat,\" said the chancellor, Mark Jones, after meeting Mr Smith."], ["mark-jones"]),
        ]
        for (paragraphs, expected) in cases {
            let found = try NewsAttributionTests.quotes(registry: jones, paragraphs)
            #expect(found.map(\.speaker) == expected, "\(paragraphs)")
        }
    }

    /// Whose words a quotation is when the sentence names someone else too: a spokesman, aide or
    /// lawyer *for* a person speaks for them but is not them; `Mr Smith's remark that …` quotes Mr
    /// Smith whoever welcomes or rejects it; relatives, predecessors, campaign staff and documents
    /// are not the person they are about. An empty list: the quotation is too short to keep
    /// without a speaker, which is also right.
    @Test func whoseWordsWhenASentenceNamesSeveral() throws {
        let cases: [([String], [String?])] = [
            (["\"We will not be bullied,\" said a spokesman for Mr Smith."], [nil]),
            (["Mr Smith's spokesman said: \"He is relaxed about it.\""], [nil]),
            (["Friends of Mr Smith said he was \"furious\"."], [nil]),
            (["Aides to Mr Smith said: \"He will not resign.\""], [nil]),
            (["Mr Smith's wife, Mary, said: \"We are thrilled.\""], [nil]),
            (["The report, seen by the BBC, says: \"Mr Smith was wrong.\""], [nil]),
            (["Mr Smith was heckled by a man who shouted: \"Liar!\""], [nil]),
            (["Ms Doe's father said: \"She was always ambitious.\""], [nil]),
            (["Mr Smith's predecessor, Lord Jones, said: \"He is doing well.\""], [nil]),
            (["Asked about Ms Doe, Mr Smith said: \"She is a friend.\""], ["john-smith"]),
            (["Mr Smith rejected Ms Doe's claim that he had \"lost control\"."], ["jane-doe"]),
            (["Mr Smith denied claims he had been \"economical with the truth\"."], [nil]),
            (["Ms Doe dismissed the criticism as \"nonsense\"."], ["jane-doe"]),
            (["Mr Smith branded the plans \"a tax on families\"."], ["john-smith"]),
            (["Critics have called the scheme \"a shambles\", but Mr Smith said it was working."], [nil]),
            (["Mr Smith said newspaper reports that he would quit were \"complete nonsense\"."], ["john-smith"]),
            (["The Sun quoted Mr Smith as saying: \"I am not going anywhere.\""], ["john-smith"]),
            (["According to Ms Doe, the policy is \"dead in the water\"."], ["jane-doe"]),
            (["Mr Smith told The Times newspaper: \"I am not going anywhere.\""], ["john-smith"]),
            (["Mr Smith wrote in the Daily Telegraph: \"The tax burden is too high.\""], ["john-smith"]),
            (["Writing in the Guardian, Ms Doe said: \"The tax burden is too high.\""], ["jane-doe"]),
            (["Mr Smith told GMTV's Sunday programme that it was \"time to move on\"."], ["john-smith"]),
            (["Ms Doe's Labour opponent, Peter Brown, said: \"She has let voters down.\""], [nil]),
            (["Mr Smith said his opponent, Mr Brown, had been \"dishonest\"."], ["john-smith"]),
            (["Mr Smith's opponent, Peter Brown, welcomed the decision.", "\"I am delighted,\" he said."], [nil]),
            (["Mr Smith said: \"As Churchill said, 'we shall never surrender'.\""], ["john-smith"]),
            (["The Tories say the plans are \"unworkable\"; Mr Smith disagrees."], [nil]),
            (["Mr Smith's campaign manager, Sue Green, told the BBC: \"We are confident.\""], [nil]),
            (["Mr Smith, whose constituency is in Leeds, said: \"We are confident.\""], ["john-smith"]),
            (["In an interview with the BBC, Ms Doe's husband said: \"We are confident.\""], [nil]),
            (["Mr Smith read out a letter from a constituent which said: \"I cannot pay.\""], [nil]),
            // A document speaks for whoever issued it, not for whoever received it.
            (["Mr Smith received a letter which said: \"You have failed us.\""], [nil]),
            (["Mr Smith was sent a letter which said: \"You have failed us.\""], [nil]),
            (["Mr Smith sent a letter which said: \"You have failed us.\""], ["john-smith"]),
            (["Mr Smith issued a statement which read: \"We are united.\""], ["john-smith"]),
            (["Mr Smith quoted a constituent as saying: \"I cannot pay.\""], [nil]),
            (["Ms Doe said the report was \"damning\". Mr Smith said: \"It is a whitewash.\""], ["jane-doe", "john-smith"]),
            (["Mr Smith said that in 1997 Ms Doe had promised \"no new taxes\"."], ["jane-doe"]),
            (["Ms Doe welcomed Mr Smith's remark that voters were \"not stupid\"."], ["john-smith"]),
            (["Mr Smith's fellow Tory, Mr Green, said: \"He has done well.\""], [nil]),
            (["Mr Smith and Ms Doe said in a joint statement: \"We are united on this.\""], [nil]),
            // What someone denies is the accuser's word for it; one of a group is not the group.
            (["Ms Doe denied that the scheme was \"a shambles from start to finish\"."], [nil]),
            (["Mr Smith denied he had \"misled\" parliament."], []),
            (["Mr Smith denied the claim, saying it was \"complete nonsense\"."], ["john-smith"]),
            (["Mr Smith's critics, including Ms Doe, say he \"cannot be trusted\"."], [nil]),
            (["Mr Smith's deputy, Ms Doe, said he \"cannot be trusted\"."], ["jane-doe"]),
            (["Mr Smith, asked if Ms Doe should resign, said: \"That is for her to decide.\""], ["john-smith"]),
            (["Ms Doe was responding to Mr Smith, who said: \"She should resign at once.\""], ["john-smith"]),
            (["Ms Doe told Mr Smith: \"You should resign at once.\""], ["jane-doe"]),
            (["Mr Smith was told by Ms Doe: \"You should resign at once.\""], ["jane-doe"]),
            (["Mr Smith said of Ms Doe: \"She is a good friend of mine.\""], ["john-smith"]),
            (["Of Ms Doe, Mr Smith said: \"She is a good friend of mine.\""], ["john-smith"]),
            (["Mr Smith's deputy, Ms Doe, said: \"We are united on this.\""], ["jane-doe"]),
            (["Mr Smith's deputy said: \"We are united on this.\""], [nil]),
            (["Mr Smith's successor as leader, Ms Doe, said: \"We are united on this.\""], ["jane-doe"]),
            (["Sources close to Mr Smith said he was \"determined to fight on\"."], [nil]),
            (["Those close to Ms Doe say she is \"relaxed about the polls\"."], [nil]),
            (["Allies of Mr Smith said: \"He will fight on to the end.\""], [nil]),
            (["Supporters of Ms Doe chanted: \"Four more years, four more years.\""], [nil]),
            (["Mr Smith's father, a miner, once told him: \"Never give up the fight.\""], [nil]),
            (["Mr Smith accused Ms Doe of \"breathtaking hypocrisy\"."], ["john-smith"]),
            (["Ms Doe called on Mr Smith to \"come clean about the deal\"."], ["jane-doe"]),
            (["Ms Doe urged Mr Smith to \"think again about the deal\"."], ["jane-doe"]),
            (["Mr Smith was urged by Ms Doe to \"think again about the deal\"."], ["jane-doe"]),
            (["Mr Smith hit back at Ms Doe, saying: \"She has no plan at all.\""], ["john-smith"]),
            (["Mr Smith hit back at Ms Doe's claim that he was \"out of touch with voters\"."], ["jane-doe"]),
            (["In response, Mr Smith's spokesman said the claims were \"completely untrue\"."], [nil]),
            (["The claims, made by Ms Doe, were \"completely untrue\", Mr Smith said."], ["john-smith"]),
            (["Mr Smith's aide, Peter Green, said: \"He has done nothing wrong.\""], [nil]),
            (["A source close to Ms Doe told the BBC: \"She is furious about this.\""], [nil]),
            (["Mr Smith, like Ms Doe, said the plan was \"deeply flawed\"."], ["john-smith"]),
            (["Ms Doe said that, unlike Mr Smith, she was \"proud of the record\"."], ["jane-doe"]),
            (["Mr Smith and his wife, Mary, said: \"We are thrilled with the result.\""], [nil]),
            (["Labour's Jane Doe and the Tories' John Smith both said the report was \"damning\"."], [nil]),
            (["Mr Smith's biographer, Peter Green, said: \"He was always driven.\""], [nil]),
            (["Speaking to Mr Smith's supporters, Ms Doe said: \"We will win this.\""], ["jane-doe"]),
            (["Ms Doe's letter to Mr Smith said: \"You have let the party down.\""], ["jane-doe"]),
            (["Mr Smith's reply to Ms Doe said: \"You are mistaken about the figures.\""], ["john-smith"]),
            (["A letter to Mr Smith from party members said: \"You have let the party down.\""], [nil]),
            (["Mr Smith's remark that voters were \"not stupid\" was welcomed by Ms Doe."], ["john-smith"]),
            (["Ms Doe rejected Mr Smith's claim that the scheme was \"working as intended\"."], ["john-smith"]),
            (["Ms Doe said the minister's words - \"we will not raise taxes\" - would come back to haunt him."], [nil]),
            (["Ms Doe said Mr Smith's claim that the scheme was \"working as intended\" was false."], ["john-smith"]),
            (["Mr Smith's comments came as Ms Doe said the scheme was \"working as intended\"."], ["jane-doe"]),
            (["Mr Smith's claim was rejected by Ms Doe, who said the scheme was \"working as intended\"."], ["jane-doe"]),
            (["A spokeswoman for Ms Doe said the plan was \"disappointing\"."], []),
            (["A spokeswoman for Ms Doe hit back: \"This is nonsense.\""], []),
            (["An aide to Mr Smith said: \"This is nonsense.\""], [nil]),
            (["\"This is nonsense,\" a lawyer for Mr Smith said."], [nil]),
            (["The minister for Europe, Jane Doe, said: \"This is nonsense.\""], ["jane-doe"]),
            (["A spokeswoman for Ms Doe said she was \"disappointed\"."], []),
            (["A spokeswoman said Ms Doe was \"disappointed\"."], [nil]),
            (["A spokesman said she was \"disappointed\"."], [nil]),
            (["Ms Doe lost the vote.", "A spokesman said she was \"disappointed\"."], [nil]),
            (["Ms Doe lost the vote.", "Mr Smith said she was \"disappointed\"."], ["john-smith"]),
            (["Ms Doe lost the vote.", "She said she was \"disappointed\"."], ["jane-doe"]),
            // A short opening phrase without its comma is read past; a name used there as a modifier
            // (`the Acme case`) is not the speaker, and no speaker is better than that wrong one.
            (["In the filing itself Acme also made this point, writing \"In addition, we have notified other agencies.\""], ["acme"]),
            (["In the Acme case Mr Smith made the point again, saying \"We have notified other agencies.\""], [nil]),
            // A name that only modifies a noun in -ing (`the Acme ruling`) is not the subject.
            (["Mr Smith spoke. After the Acme ruling he said: \"We remain cautiously optimistic.\""], ["john-smith"]),
            (["Mr Smith spoke. After the Labour meeting the minister said: \"We remain cautiously optimistic.\""], [nil]),
            (["Ms Doe spoke. Mr Smith speaking to the Acme board said: \"We remain cautiously optimistic.\""], ["john-smith"]),
        ]
        try Self.expectSpeakers(cases)
    }
}
