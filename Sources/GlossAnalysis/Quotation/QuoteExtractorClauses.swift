// Attribution clauses read around a quotation: the frame before it (`X said: "…"`, `X called it
// "…"`) and the inverted forms after it (`"…," said X`, `"…," X added`); the subjects of their
// speech verbs are read in QuoteExtractorSubjects.swift.

extension QuoteExtractor {
    /// What refers back to someone named earlier: "he", "she", "it", "the party", or a role noun
    /// ("the commissioner") that stood before or beside a person's name when they were introduced.
    enum Pronoun: Equatable { case he, she, it, organisation(String), role(RoleName) }

    /// Who a clause names as speaker: an entity, a pronoun to resolve, someone the registry does not
    /// know (`a spokesman`, an unregistered name), or nothing usable.
    enum Subject: Equatable { case entity(Int), pronoun(Pronoun, at: Int), nounPhrase, invalid }

    static let participles: Set<String> = [
        "saying", "calling", "describing", "adding", "telling", "writing", "noting", "warning", "insisting",
        "arguing", "claiming", "urging", "characterising", "characterizing", "terming", "dubbing", "labelling",
        "labeling", "branding", "stating", "explaining", "declaring", "stressing", "speaking", "commenting", "finding",
        "accusing",
    ]
    static let prepositions: Set<String> = [
        "of", "for", "to", "at", "from", "with", "by", "within", "inside", "near", "about", "against", "on", "in", "under",
    ]
    static let listeners: Set<String> = [
        "reporters", "journalists", "press", "media", "police", "court", "crowd", "audience", "supporters",
        "parliament", "lawmakers", "senators", "colleagues", "viewers", "listeners", "students", "delegates",
    ]
    /// Words after a partial quotation that show its clause has ended (`called it "a disgrace" and left`).
    static let clauseEnders: Set<String> = [
        "and", "or", "but", "while", "whereas", "as", "because", "although", "though", "which", "who", "that",
        "when", "after", "before", "since", "in", "on", "at", "for", "to", "from", "by", "with", "during", "despite",
        "over", "until", "if", "so", "than", "according", "saying", "adding", "where", "against", "across", "into",
        "within", "without", "under", "towards", "toward", "through", "about", "amid", "among",
        "whether", "unless", "whilst", "once", "between", "beyond", "upon", "behind", "around", "throughout", "via",
        "outside", "inside",
    ]
}

extension QuoteExtractor.Paragraph {
    typealias Q = QuoteExtractor

    func word(_ k: Int) -> String? { k >= 0 && k < tokens.count && tokens[k].kind == .word ? tokens[k].lower : nil }
    func kind(_ k: Int) -> QuoteExtractor.Kind? { k >= 0 && k < tokens.count ? tokens[k].kind : nil }
    /// A speech verb: lowercase, so "States" in "United States" is not "states".
    func isVerb(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized else { return false }
        return Q.speechVerbs.contains(w) || Q.participles.contains(w) || isPhrasalVerb(k)
    }
    /// A lowercase word of five letters or more ending in "-ed": a past tense (or participle) no
    /// list of speech verbs holds (`retaliated`, `repeated`), not a noun such as `seed`.
    func looksPastTense(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized else { return false }
        return w.count > 4 && w.hasSuffix("ed")
    }
    /// A finite speech verb by which its subject gives words of their own: not a participle, nor
    /// a question (`Hannity asked Trump…`: what follows is the answer, the other's).
    func tellsOwnWords(_ k: Int) -> Bool {
        isVerb(k) && !Q.participles.contains(word(k) ?? "") && !Q.questionVerbs.contains(word(k) ?? "")
    }
    /// `pointed out`, `went on:`: a speech verb only with its particle (`pointed to` is not speech),
    /// and `went on` only right before the quotation (not `the talks went on for "years"`).
    func isPhrasalVerb(_ k: Int) -> Bool {
        switch word(k) ?? "" {
        case "pointed", "points": word(k + 1) == "out"
        case "went", "goes": word(k + 1) == "on" && [.colon, .comma, .quote].contains(kind(k + 2))
        default: false
        }
    }
    func isAccordingTo(_ k: Int) -> Bool { word(k) == "according" && word(k + 1) == "to" }
    func isName(_ k: Int) -> Bool { kind(k) == .mention || (kind(k) == .word && tokens[k].capitalized) }

    /// Where the clause that leads into token `open` begins: after a full stop, a semicolon or a
    /// quotation in the same sentence, at most `clauseWindow` tokens back.
    func clauseStart(before open: Int) -> Int {
        var s = open
        while s > 0, open - s < Q.clauseWindow {
            let previous = tokens[s - 1]
            if previous.kind == .semicolon || previous.kind == .quote || (!quoted[s - 1] && previous.kind == .terminator) { break }
            s -= 1
        }
        return s
    }

    // MARK: Before the quotation

    /// `X said: "…"`, `X said "…"`, `X told reporters on Monday that "…"`, `According to X, "…"`,
    /// or `.inherit` for a quotation joined to the previous one (`"…" and "…"`).
    func leading(_ open: Int) -> Q.Attribution { leadingFrame(open, close: nil).attribution }

    /// The leading frame and whether it is tight: the verb, at most a listener or a time, then the
    /// quotation (`X said:`, `X told reporters:`), rather than a longer clause ending in a colon.
    /// - Parameter close: the quotation's closing mark: after a colon or comma the quotation must run
    ///   to the end of its clause (`announced the name: "COVID-19" is to replace…` is a term, not speech).
    func leadingFrame(_ open: Int, close: Int?) -> (attribution: Q.Attribution, tight: Bool) {
        let s = clauseStart(before: open)
        // A parenthetical between the frame and the quotation (`X commented — as the BBC noted — "…"`)
        // is read past, never as the frame.
        let quotationOpen = open
        let open = parenthesisStart(before: open, from: s) ?? open
        if s > 0, tokens[s - 1].kind == .quote, quoted[s - 1], joinsPrevious(s, open) { return (.inherit, true) }
        guard s < open else { return (.none, false) }
        if let k = (s..<open).first(where: isAccordingTo), open - 1 > k + 1, kind(open - 1) == .comma {
            return (Q.Attribution(subjectAfterVerb(k + 2, open - 1).subject), true)
        }
        if let speaker = namedBeforeColon(s, open) { return (.entity(speaker), true) }
        // A passive with an infinitive (`would be asked to contribute`) reports no speech of its own;
        // nor does a plural noun that looks like a verb (`dismissed the claims as "…"`). A participle
        // after an article still counts: `the alleged "…"` is someone else's words.
        guard let v = (s..<open).last(where: { isVerb($0) && !(isAdjective($0) && word($0)?.hasSuffix("s") == true)
                  && !(isPassive($0) && word($0 + 1) == "to") }),
              directGap(v + 1, open, punctuated: open != quotationOpen) else { return (.none, false) }
        if let close, !closesClause(close) { return (.none, false) }
        let tight = open - v <= 6
        // `Mr Smith dismissed Ms Doe's claim that "…"`: the words are the claim's owner's.
        if let owner = utteranceOwner(v + 1, before: open) { return (owner, tight) }
        if let agent = passiveAgent(v, before: open) { return (.entity(agent), tight) }
        if isPassive(v), kind(open - 1) != .colon { return (.none, false) }
        if isPassive(v), Q.tellVerbs.contains(word(v) ?? "") { return (.unnamed, tight) }
        if let quoted = quotedAs(v, from: s) { return (Q.Attribution(quoted), tight) }
        if let relayed = relayedWords(v, from: s, open: open) { return (relayed, tight) }
        // `voters were telling him:`: a progressive's subject is its own, before the "be".
        if Q.participles.contains(word(v) ?? ""), isPassive(v) { return (Q.Attribution(subjectBefore(s, v - 1)), tight) }
        if Q.participles.contains(word(v) ?? "") || word(v - 1) == "and" {
            if let speaker = invertedSpeaker(before: v) { return (.entity(speaker), tight) }
            return (Q.Attribution(sentenceSubject(from: sentenceStart[v], to: v)), tight)
        }
        let subject = subjectBefore(s, v)
        // `Mr Smith, who was dubbed "two Jags" by critics, said:`: the clause began before the
        // nickname's quotation marks, and its subject is named there.
        if subject == .nounPhrase || subject == .invalid, s > sentenceStart[v], kind(s - 1) == .quote {
            let whole = subjectBefore(sentenceStart[v], v)
            if case .entity = whole { return (Q.Attribution(whole), tight) }
        }
        return (Q.Attribution(subject), tight)
    }

    /// `Mr Smith: "…"`, `John Smith, Labour: "…"`: a sentence that is a name, perhaps a few words
    /// that say who they are, and a colon, as transcripts and round-ups of reactions credit words.
    func namedBeforeColon(_ s: Int, _ open: Int) -> Int? {
        guard s == sentenceStart[s], open - 1 > s, kind(open - 1) == .colon else { return nil }
        var name = s
        while name < open - 1, kind(name) == .word, Q.titleWords.contains(tokens[name].lower) { name += 1 }
        guard kind(name) == .mention, !tokens[name].possessive else { return nil }
        let rest = (name + 1)..<(open - 1)
        guard rest.isEmpty || (kind(name + 1) == .comma && rest.count <= 5
                               && rest.dropFirst().allSatisfy { (kind($0) == .word || kind($0) == .mention) && !isVerb($0) }) else { return nil }
        return tokens[name].entity
    }

    /// Whose words the verb at `v` passes on, when they are someone else's: what is read out from
    /// another (`read out a letter from a constituent:`, not `read out a statement:`) or written on
    /// a thing (`received a letter saying`, `wore a T-shirt saying`), unless the subject issued it
    /// (`issued a statement saying`). The document's author when the words name one (`read a
    /// statement from Mr Smith:`), else someone unnamed; nil when the words are the subject's own.
    func relayedWords(_ v: Int, from s: Int, open: Int) -> Q.Attribution? {
        guard relaysWords(v, from: s, open: open) else { return nil }
        let end = kind(open - 1) == .colon ? open - 1 : open
        if let document = ((v + 1)..<max(v + 1, end)).first(where: { Q.documents.contains(word($0) ?? "") }),
           let author = documentAuthor(document, end: end) { return author }
        return .unnamed
    }

    private func relaysWords(_ v: Int, from s: Int, open: Int) -> Bool {
        if ["read", "reads"].contains(word(v) ?? "") {
            // `read out a letter from a constituent`, `read a statement from Ms Doe`; not `read from a prepared statement`.
            let from = ((v + 2)..<max(v + 2, open)).first { ["from", "by"].contains(word($0) ?? "") }
            if let from, ["out", "aloud"].contains(word(v + 1) ?? "") || ((v + 1)..<from).contains(where: { Q.documents.contains(word($0) ?? "") }) {
                return true
            }
        }
        guard v - 1 >= s, Q.participles.contains(word(v) ?? ""), let noun = word(v - 1), Q.inscriptions.contains(noun) else { return false }
        return !(s..<(v - 1)).contains { Q.issuingVerbs.contains(word($0) ?? "") }
    }

    /// The speaker of an inverted attribution that ends right before the participle at `v`:
    /// `"…," said Mr Smith, adding: "…"`, `"…," Mr Smith said, adding: "…"`, `said before adding:`.
    func invertedSpeaker(before v: Int) -> Int? {
        guard kind(v - 1) == .comma || word(v - 1) == "before" else { return nil }
        if kind(v - 2) == .mention, !tokens[v - 2].possessive, isVerb(beforeName(v - 2, from: 0)) { return tokens[v - 2].entity }
        if isVerb(v - 2), kind(v - 3) == .mention, !tokens[v - 3].possessive, kind(beforeName(v - 3, from: 0)) == .quote { return tokens[v - 3].entity }
        return nil
    }

    /// `Smith was described as "…"`: whoever described him is not named, and is nobody a later
    /// "he" could mean (an unnamed speaker would block it).
    func isPassive(_ v: Int) -> Bool { Q.beForms.contains(word(v - 1) ?? "") }

    /// The passive names the speaker after "by": `was described by the CBCP as "…"`,
    /// `was told by Emergencies Minister Yevgeny Zinichev of "…"`.
    func passiveAgent(_ v: Int, before open: Int) -> Int? {
        word(v + 1) == "by" ? agent(from: v + 2, before: open) : nil
    }

    /// The agent named after "by" at `k` (past an article, a title, capitalised words), before `end`.
    func agent(from k: Int, before end: Int) -> Int? {
        var k = k
        let limit = k + 5
        while k < end, k < limit, kind(k) == .word, Q.determiners.contains(tokens[k].lower) || tokens[k].capitalized || Q.titleWords.contains(tokens[k].lower) { k += 1 }
        return k < end && kind(k) == .mention && !tokens[k].possessive ? tokens[k].entity : nil
    }

    /// The passive's agent after the quotation: `was described as "…" by Mr Smith`, `was branded
    /// "a disgrace" by Ms Doe.` (not `by Mr Smith's aides`).
    func agentAfter(_ close: Int) -> Int? {
        guard word(close + 1) == "by" else { return nil }
        return agent(from: close + 2, before: min(tokens.count, close + 8))
    }

    /// A quotation that goes on from the previous one in the same sentence: joined by "and" or a
    /// few words (`"humbled" by the results and "…"`), or interrupted by its attribution
    /// (`"…," he told Science News, "…"`, `"…," reads Judge Miller's statement, "…"`).
    func joinsPrevious(_ s: Int, _ open: Int) -> Bool {
        let gap = s..<open
        guard sentenceStart[open] <= s - 1, !isCopulaAfterQuotation(s, open) else { return false }
        if gap.allSatisfy({ tokens[$0].kind == .comma || ["and", "or", "but"].contains(word($0) ?? "") }) { return true }
        // The previous part must break off (`"…,"`), not end its sentence (`"…prayers."`).
        if gap.count <= 8, kind(open - 1) == .comma, gap.contains(where: isVerb), kind(s - 2) != .terminator { return true }
        // `"We stand ready" tweeted Johnson "to provide…"`: an inverted attribution, unpunctuated.
        if gap.count <= 4, isVerb(gap.lowerBound), gap.dropFirst().allSatisfy(isName), kind(s - 2) != .terminator { return true }
        // "…called it "a witch hunt", and on Twitter referred to the vote as "…"": the subject is left
        // out. A name that is not the object of a preposition is a new subject (`and Ross Spano calling`).
        if gap.count <= 12, word(gap.lowerBound) == "and" || (kind(gap.lowerBound) == .comma && word(gap.lowerBound + 1) == "and"),
           let v = gap.first(where: isVerb), !(gap.lowerBound..<v).contains(where: { kind($0) == .mention || Q.pronouns[word($0) ?? ""] != nil
               || (isName($0) && !isName($0 - 1) && !Q.prepositions.contains(word($0 - 1) ?? "")) }) {
            return true
        }
        // "…had "accepted responsibility" by pleading guilty to the charges and "spared …"": a
        // second object of the same verb, with nothing but lowercase words between.
        if gap.count <= 16, word(open - 1) == "and",
           gap.allSatisfy({ kind($0) == .word && !tokens[$0].capitalized && !isVerb($0) && Q.pronouns[tokens[$0].lower] == nil }) {
            return true
        }
        // Not after a name someone gave (`what he called "…" would "…"`): the clause goes on without the namer.
        if let opening = openingMark(before: s - 1), whatSomeoneCalled(opening, from: sentenceStart[opening]) != nil { return false }
        return gap.count <= 6 && !gap.contains { isName($0) || isVerb($0) || kind($0) == .terminator || kind($0) == .colon }
    }

    /// The opening dash or bracket of a parenthetical that ends right before `open`, if any.
    func parenthesisStart(before open: Int, from s: Int) -> Int? {
        guard open - 1 > s, let mark = kind(open - 1), mark == .dash || mark == .closeParen else { return nil }
        let opener: QuoteExtractor.Kind = mark == .dash ? .dash : .openParen
        return (max(s, open - 22)..<(open - 1)).last { kind($0) == opener }
    }

    /// Between a speech verb and the quotation: nothing, or a listener, time or place, closed by
    /// a colon, comma or "that" (`told the Parliamentary Labour Party (PLP) on Monday:`).
    func directGap(_ from: Int, _ open: Int, punctuated parenthesis: Bool = false) -> Bool {
        guard from < open else { return true }
        let punctuated = parenthesis || kind(open - 1) == .colon || kind(open - 1) == .comma || word(open - 1) == "that"
        let end = punctuated && !parenthesis ? open - 1 : open
        let colon = kind(open - 1) == .colon || parenthesis
        guard end - from <= (colon ? 24 : punctuated ? 16 : 4) else { return false }
        var depth = 0
        for k in from..<end {
            switch tokens[k].kind {
            case .word:
                let w = tokens[k].lower
                // Before a colon the verb may report a whole clause (`told the press the drugs were
                // only part of the solution:`); elsewhere a second verb means another clause.
                if isVerb(k) && !isAdjective(k) { return false }
                if !colon, Q.beForms.contains(w) || w == "has" || w == "had" { return false }
                if !punctuated, !(Q.afterNameWords.contains(w) || Q.timePrepositions.contains(w)
                                  || tokens[k].capitalized || w.first?.isNumber == true) { return false }
            case .mention, .other: break
            case .openParen: depth += 1
            case .closeParen: depth -= 1
            case .comma:
                if !punctuated { return false }
                // `suggested they would sue, Ms Doe fired back:`: a name and its verb after the
                // comma open a main clause of its own, whose subject speaks.
                if colon, opensMainClause(after: k, before: end) { return false }
            default: return false
            }
        }
        return depth == 0
    }

    /// A registry name, past its honorific, then a past-tense verb or an adverb, right after the
    /// comma at `comma`.
    func opensMainClause(after comma: Int, before end: Int) -> Bool {
        var n = comma + 1
        while n < end, kind(n) == .word, tokens[n].capitalized, NameWords.honorifics[text(n).trimmingTrailingDot] != nil { n += 1 }
        guard n + 1 < end, kind(n) == .mention, !tokens[n].possessive, let next = word(n + 1), !tokens[n + 1].capitalized else { return false }
        return (next.count > 3 && next.hasSuffix("ed")) || Q.adverbs.contains(next)
    }

    /// The name at `k` stands between an article and a lowercase word that is no speech verb
    /// (`a Blair ally`, `the Acme case`): it describes that word's thing rather than naming a speaker.
    func modifiesNoun(_ k: Int) -> Bool {
        guard ["a", "an", "the"].contains(word(k - 1) ?? ""), k + 1 < tokens.count, kind(k + 1) == .word, !tokens[k + 1].capitalized else { return false }
        return !isVerb(k + 1)
    }

    /// The last quotation mark before `end` that is not a closing one: where the quotation that
    /// closed just before a clause opened.
    func openingMark(before end: Int) -> Int? {
        (0..<max(0, end)).last { kind($0) == .quote && tokens[$0].role != .close }
    }

    /// Between a closing quotation mark and `open`, nothing but a form of "be".
    func isCopulaAfterQuotation(_ s: Int, _ open: Int) -> Bool {
        s > 0 && s < open && kind(s - 1) == .quote && (s..<open).allSatisfy { Q.beForms.contains(word($0) ?? "") }
    }

    /// A partial quotation inside reported speech: `X said the plan was "unworkable".`,
    /// `X called it "a disgrace"`. The quotation must end its clause, and no other speech verb or
    /// clause break may stand between the verb and it; one inside `X's claim that …` is X's.
    func partial(_ open: Int, close: Int) -> Q.Attribution {
        var s = clauseStart(before: open)
        // `X said Y's claim that "crime is falling" was "a con"`: the quotation a copula links this
        // one to belongs to the same clause, so the frame before it counts.
        if isCopulaAfterQuotation(s, open), let opening = openingMark(before: s - 1) {
            s = clauseStart(before: opening)
        }
        let open = parenthesisStart(before: open, from: s) ?? open
        if let owner = utteranceOwner(s, before: open) { return owner }
        if let namer = whatSomeoneCalled(open, from: s) { return namer }
        // A reduced relative too: `the plan, described as "…" by Mr Smith, …`.
        if let agent = agentAfter(close), let v = (s..<open).last(where: isVerb), isPassive(v) || kind(v - 1) == .comma, open - v <= 3 {
            return .entity(agent)
        }
        guard closesClause(close) || isFragmentBeforeClause(open, close) else { return .none }
        // `tasked every member "to gain full value …"`: what a directive asks for, in the words of whoever gave it.
        let infinitive = word(open + 1) == "to" || word(open - 1) == "to"
        guard let v = (s..<open).last(where: { !tokens[$0].capitalized && !isAdjective($0)
                  && (Q.partialQuoteVerbs.contains(word($0) ?? "") || Q.participles.contains(word($0) ?? "") || isPhrasalVerb($0)
                      || (infinitive && Q.directiveVerbs.contains(word($0) ?? ""))) }),
              open - v <= 25 else { return .none }
        for k in (v + 1)..<open where (isVerb(k) && !isAdjective(k)) || kind(k) == .colon || kind(k) == .semicolon { return .none }
        // `Mr Blair denied he had "misled" parliament`: the word denied is the accuser's, not the denier's.
        if Q.denialVerbs.contains(word(v) ?? "") { return .none }
        // `welcomed the plan, which Mr Smith had opposed as "…"`: a clause of someone else's between.
        if let m = ((v + 1)..<open).first(where: { kind($0) == .mention && !tokens[$0].possessive }),
           ["which", "whom"].contains(word(beforeName(m, from: v + 1)) ?? ""), ((m + 1)..<open).contains(where: startsPredicate) {
            return .none
        }
        // `she was directing six committees to "proceed …"`: a directive in the progressive.
        if Q.directiveVerbs.contains(word(v) ?? ""), word(v)?.hasSuffix("ing") == true {
            return isPassive(v) && v - 1 > s ? Q.Attribution(subjectBefore(s, v - 1)) : .none
        }
        if let agent = passiveAgent(v, before: open) { return .entity(agent) }
        if isPassive(v) { return .none }
        if word(v - 1) == "and" { return Q.Attribution(sentenceSubject(from: sentenceStart[v], to: v)) }
        if let quoted = quotedAs(v, from: s) { return Q.Attribution(quoted) }
        if Q.participles.contains(word(v) ?? "") {
            // "with Steve Scalise of Louisiana calling the investigation "Soviet-style"".
            if let with = (s..<v).last(where: { word($0) == "with" }), isName(with + 1), with + 1 < v {
                return Q.Attribution(subjectBefore(with + 1, v))
            }
            if isName(v - 1), kind(v - 1) == .word { return Q.Attribution(subjectBefore(s, v)) }
            // `Kato ended by telling troops that … "samurai spirit."`: the means, the subject's own words.
            guard kind(v - 1) == .comma || kind(v - 1) == .mention || kind(v - 1) == .other || word(v - 1) == "and" || word(v - 1) == "by" else { return .none }
            // `"…," said Jane Doe, the party's leader, adding that the plan was "…"`: whoever the
            // sentence's opening quotation is credited to goes on.
            let start = sentenceStart[v]
            if kind(start) == .quote, let close = ((start + 1)..<v).first(where: { kind($0) == .quote }) {
                let inverted = trailing(close, loose: true)
                if inverted.namesSpeaker { return inverted }
            }
            return Q.Attribution(sentenceSubject(from: start, to: v))
        }
        return Q.Attribution(subjectBefore(s, v))
    }

    /// `anyone who takes part in what he called "the plot …" would …`, `what Ms Doe described as
    /// "…"`: the name someone gave a thing is their words, however the clause around it goes on.
    func whatSomeoneCalled(_ open: Int, from s: Int) -> Q.Attribution? {
        let v = word(open - 1) == "as" ? open - 2 : open - 1
        guard v - 2 >= s, Q.namingVerbs.contains(word(v) ?? ""), word(v - 2) == "what" else { return nil }
        if kind(v - 1) == .mention, !tokens[v - 1].possessive { return .entity(tokens[v - 1].entity) }
        if let pronoun = Q.pronouns[word(v - 1) ?? ""] { return .pronoun(pronoun, at: v - 1) }
        return nil
    }

    /// `X's remark that … "…"`, `welcomed Mr Smith's claim that it was "…"`: the quotation is the
    /// owner's words, whoever the sentence's subject is; `the minister's words - "…"` are someone's
    /// the registry cannot name, and `Ms Doe dismissed his claim that "…"` the man's the pronoun
    /// stands for (`repeated his claim` the subject's own, so). Nil unless such an utterance is the
    /// last one named before the quotation, with no speech verb or other name between.
    func utteranceOwner(_ s: Int, before open: Int) -> Q.Attribution? {
        // Not past another quotation: `Mr Smith's claim that "…" was "a con"` gives the claim first.
        guard let noun = (s..<open).last(where: { Q.utterances.contains(word($0) ?? "") }), noun - 1 >= s,
              ["that", ":", "-", "\u{2013}", "\u{2014}"].contains(word(noun + 1) ?? text(noun + 1)),
              !((noun + 1)..<open).contains(where: { isVerb($0) || kind($0) == .mention || kind($0) == .quote }) else { return nil }
        let owner = word(noun - 1) ?? ""
        if let pronoun = Q.possessivePronounOwners[owner] { return .pronoun(pronoun, at: noun - 1) }
        // `their comments: "…", wrote Ms Doe`: a plural owner leaves the speaker to the rest of the frame.
        guard isPossessive(noun - 1) else { return nil }
        if kind(noun - 1) == .mention { return .entity(tokens[noun - 1].entity) }
        // `repeated his party's claim that "…"`: the subject speaks for what is theirs.
        return noun - 2 >= s && Q.possessivePronouns.contains(word(noun - 2) ?? "") ? nil : .anonymous
    }

    /// Who wrote the document named at `document`, when the words up to `end` say so: a registered
    /// owner (`a statement from Mr Smith`) or a role (`a letter from the minister`).
    func documentAuthor(_ document: Int, end: Int) -> Q.Attribution? {
        if let owner = documentOwner(document, end) { return .entity(owner) }
        if ["from", "by"].contains(word(document + 1) ?? ""), end - 1 >= document + 2, let reference = roleReference(end - 1, from: document + 2) {
            return .pronoun(.role(reference.role), at: end - 1)
        }
        return nil
    }

    /// A whole quotation after a colon that ends a sentence with no speech verb, whose subject is
    /// named or a pronoun: `President Donald Trump quickly took a parting shot on Twitter: "…"`,
    /// `In his message, he appreciated Soleimani's life: "…"`. Not after a passive (`by`, `was
    /// criticised`), where the subject is not who speaks.
    /// A comma may stand for the colon before a quotation of whole sentences (`Trump, also on
    /// Twitter, defended his decision, "As I have stated …"`) when the caller knows it ends its own.
    func colonFrame(_ open: Int, orCommaBeforeSentences: Bool = false) -> Q.Attribution {
        guard open > 0, kind(open - 1) == .colon
                || (orCommaBeforeSentences && kind(open - 1) == .comma && open + 1 < tokens.count && tokens[open + 1].capitalized) else { return .none }
        let start = sentenceStart[open - 1]
        // `According to U.S. Attorney Bash, the manifesto could strengthen the case: "…"`.
        let according = accordingToOpening(start, before: open)
        if according != .none { return according }
        // A passive in what the subject reported (`Mr Brown said some people would be asked to
        // contribute more: "…"`) is not the sentence's own: read only up to its first speech verb.
        let said = (start..<open).first { isVerb($0) && !isPassive($0) && !Q.participles.contains(word($0) ?? "") }
        let end = said.flatMap { v in ((v + 1)..<open).allSatisfy { !isVerb($0) || word($0 + 1) == "to" } ? v : nil } ?? open
        // `Mr Smith quoted Churchill: "…"`: someone else's words.
        guard !(start..<open).contains(where: { Q.quotingVerbs.contains(word($0) ?? "") }) else { return .none }
        // `The office released a statement from Mr Smith: "…"`: the author of the document it
        // issued (not of one the subject answered: `responded to a letter from Ms Doe:`).
        if let document = (start..<(open - 1)).last(where: { Q.documents.contains(word($0) ?? "") }),
           (start..<document).contains(where: { Q.issuingVerbs.contains(word($0) ?? "") || ["read", "shared", "circulated"].contains(word($0) ?? "") }) {
            if let author = documentAuthor(document, end: open - 1) { return author }
        }
        guard open - start <= Q.clauseWindow, !(start..<end).contains(where: { k in
            word(k) == "by" || ((word(k + 1) ?? "").hasSuffix("ed") && isPassive(k + 1))
        }) else { return .none }
        return Q.Attribution(named: sentenceSubject(from: start, to: open - 1)) ?? .none
    }

    /// A quotation that closes its clause in a sentence that opens `According to X,`.
    func accordingTo(_ open: Int, close: Int) -> Q.Attribution {
        guard closesClause(close) else { return .none }
        let opening = accordingToOpening(sentenceStart[open], before: open)
        if opening != .none { return opening }
        if let owner = inTheWordsOf(before: open) { return .entity(owner) }
        // `The report, according to Ms Doe, is "a whitewash"`: the same phrase set off by commas
        // inside the sentence, with no speech verb after it.
        guard let k = (sentenceStart[open]..<open).first(where: { isAccordingTo($0) && kind($0 - 1) == .comma }),
              let comma = ((k + 2)..<open).first(where: { kind($0) == .comma }), !((comma + 1)..<open).contains(where: isVerb) else { return .none }
        return accordingToSpeaker(k, comma: comma)
    }

    /// `"…," as Mr Smith put it`, `"…" — as the court's ruling put it —`, `is, as Mr Smith put it,
    /// "…"`: an "as" clause beside the quotation says whose words they are. Nil without one.
    func asTheyPutIt(_ open: Int, close: Int) -> Q.Attribution? {
        var a = close + 1
        if a < tokens.count, kind(a) == .comma || kind(a) == .dash { a += 1 }
        if word(a) == "as", let named = asClause(a) { return named }
        guard open > 1, kind(open - 1) == .comma || kind(open - 1) == .dash,
              let k = (max(0, open - 10)..<(open - 1)).last(where: { word($0) == "as" }), k > 0,
              kind(k - 1) == .comma || kind(k - 1) == .dash, let named = asClause(k, ending: open - 1) else { return nil }
        return named
    }

    /// The speaker of `as X put it` (or `said`, `wrote`, `told Y`) at `a`, when the clause ends at
    /// `ending` or at the next comma, dash or full stop.
    private func asClause(_ a: Int, ending: Int? = nil) -> Q.Attribution? {
        guard let v = ((a + 2)..<max(a + 2, min(tokens.count, a + 9))).first(where: { word($0) == "put" || (isVerb($0) && !Q.participles.contains(word($0) ?? "")) })
        else { return nil }
        var e = v + 1
        if word(e) == "it" || word(e) == "them" { e += 1 }
        while e < tokens.count, e - v < 5, kind(e) == .mention || (kind(e) == .word && !isVerb(e)) { e += 1 }
        if let ending { guard e == ending else { return nil } } else {
            guard e >= tokens.count || [.comma, .dash, .terminator, .semicolon].contains(kind(e)) else { return nil }
        }
        return Q.Attribution(named: subjectBefore(a + 1, v))
    }

    /// `The plan was, in Mr Smith's words, "…"`, `in the words of Mr Smith`: whose words the
    /// sentence says these are, with no speech verb after the phrase.
    func inTheWordsOf(before open: Int) -> Int? {
        for k in sentenceStart[open]..<open where word(k) == "in" {
            var name: Int?
            if kind(k + 1) == .mention, tokens[k + 1].possessive {
                if word(k + 2) == "words" || (word(k + 2) == "own" && word(k + 3) == "words") { name = k + 1 }
            } else if word(k + 1) == "the", word(k + 2) == "words", word(k + 3) == "of", kind(k + 4) == .mention, !tokens[k + 4].possessive {
                name = k + 4
            }
            if let name, name < open, !((name + 1)..<open).contains(where: isVerb) { return tokens[name].entity }
        }
        return nil
    }

    /// The speaker of a sentence at `start` that opens `According to X,`, before token `open`.
    func accordingToOpening(_ start: Int, before open: Int) -> Q.Attribution {
        guard isAccordingTo(start), let comma = (start..<min(open, start + 16)).first(where: { kind($0) == .comma }) else { return .none }
        return accordingToSpeaker(start, comma: comma)
    }

    /// Who the "according to" at `k` names, when the name runs up to the comma at `comma`.
    func accordingToSpeaker(_ k: Int, comma: Int) -> Q.Attribution {
        let (subject, end) = subjectAfterVerb(k + 2, comma)
        guard end >= comma - 1 || kind(end) == .comma else { return .none }
        return Q.Attribution(named: subject) ?? .none
    }

    /// A few of the speaker's words set in the middle of reported speech, with a new clause or
    /// phrase right after them: `said he remained "cautiously optimistic" a deal would be reached`,
    /// `said how "incredibly grateful" he was`, `said the crash was "likely" Iran's doing`; or a
    /// complement the rest of its phrase follows (`said the report was "a serious indictment" of
    /// the prison service`, `called it "a victory" for common sense`), or the verb of the reported
    /// clause before its object (`said she "fully accepted" the findings`). Not a term, which follows a
    /// determiner, an owner or a preposition, or goes on as a subject or an object (`said the
    /// "bedroom tax" would go`, `said "Plan B" was needed`).
    func isFragmentBeforeClause(_ open: Int, _ close: Int) -> Bool {
        guard open > 0, kind(open - 1) == .word, let before = word(open - 1), !isPossessive(open - 1),
              !Q.determiners.contains(before), !Q.prepositions.contains(before), before != "so-called",
              close + 1 < tokens.count else { return false }
        switch kind(close + 1) {
        case .mention: return true
        case .word:
            let after = tokens[close + 1].lower
            let complement = Q.beForms.contains(before) || ["as", "called", "calling", "branded", "had", "has", "have"].contains(before)
            // `said he "deeply regretted" the loss of life`: the reported clause's verb, its object after it.
            let predicate = Q.pronouns[before] != nil && !tokens[close - 1].capitalized && (word(close - 1)?.hasSuffix("ed") ?? false)
            return Q.pronouns[after] != nil || ["as", "a", "an", "i", "we", "they"].contains(after)
                || (tokens[close + 1].capitalized && isPossessive(close + 1))
                || (complement && Q.prepositions.contains(after))
                || (predicate && Q.determiners.contains(after))
        default: return false
        }
    }

    func closesClause(_ close: Int) -> Bool {
        let next = close + 1
        // A full stop in an editor's brackets (`incurable[.]"`) ends the sentence too.
        let ending = kind(close - 1) == .closeParen && kind(close - 2) == .terminator ? close - 2 : close - 1
        guard next < tokens.count, kind(ending) != .comma, kind(ending) != .terminator else { return true }
        switch tokens[next].kind {
        case .terminator, .comma, .semicolon, .colon, .dash, .openParen, .closeParen, .quote: return true
        case .word: return Q.clauseEnders.contains(tokens[next].lower) || endsWithAdverbial(from: next)
        default: return false
        }
    }

    /// At most three lowercase words, none a verb, a determiner or a pronoun, then the sentence's
    /// end: an adverbial (`would "not flinch from the decisions" ahead.`, `"…" last week.`).
    func endsWithAdverbial(from next: Int) -> Bool {
        var k = next
        while k < tokens.count, k - next < 3, let w = word(k), !tokens[k].capitalized, !startsPredicate(k),
              !Q.determiners.contains(w), Q.pronouns[w] == nil, Q.objectPronouns[w] == nil { k += 1 }
        return k > next && (k == tokens.count || kind(k) == .terminator)
    }

    // MARK: After the quotation

    /// The inverted forms only: `"…," said X`, `"…," X said`, `"…," X, chief economist, said`,
    /// `"…," he added`, `"…" Trump said in a tweet`. After a quotation that ends its own sentence
    /// the clause must be nothing but the attribution, so a new sentence about someone else
    /// (`"…the veto." On Monday Mr Smith insisted…`) never claims it.
    func trailing(_ close: Int, loose contentIsLoose: Bool) -> Q.Attribution {
        var a = close + 1
        var comma = false
        if a < tokens.count, tokens[a].kind == .comma || tokens[a].kind == .dash { a += 1; comma = true }
        var w = a
        while w < tokens.count, w - a < Q.clauseWindow, ![.terminator, .semicolon, .quote].contains(tokens[w].kind),
              !(w > a && sentenceStart[w] == w) { w += 1 }
        guard a < w, sentenceStart[a] != a || comma || contentIsLoose else { return .none }
        let loose = comma || contentIsLoose
        if isVerb(a) || isAccordingTo(a) {
            let (subject, end) = subjectAfterVerb(isAccordingTo(a) ? a + 2 : a + 1, w)
            if !loose, !bareTail(end, w, tell: false) || Q.reactionVerbs.contains(word(a) ?? "") { return .none }
            if subject == .nounPhrase, reportsClause(from: a + 1, to: w) { return .none }
            return Q.Attribution(subject)
        }
        // `The State Department gave its "deepest sympathies" and said …`: the quotation is what the
        // sentence's subject gave, and the same subject goes on to speak.
        if !comma, word(a) == "and", isVerb(a + 1), !Q.participles.contains(word(a + 1) ?? "") {
            return Q.Attribution(named: sentenceSubject(from: sentenceStart[a], to: a)) ?? .none
        }
        if let tail = sentenceTail(from: a, to: w) { return tail }
        guard let v = ((a + 1)..<min(w, a + 14)).first(where: isVerb) ?? closingVerb(after: a, end: w, commaInside: kind(close - 1) == .comma),
              !Q.participles.contains(word(v) ?? "") else { return .none }
        let subject = subjectBefore(a, v, mustReach: true)
        if subject == .invalid { return loose && !reportsClause(from: v + 1, to: w) && !continuesClause(a, comma: comma) ? .anonymous : .none }
        if !loose, !bareTail(v + 1, w, tell: Q.tellVerbs.contains(word(v) ?? "")) || Q.reactionVerbs.contains(word(v) ?? "") { return .none }
        return Q.Attribution(subject)
    }

    /// `"…," an angry Hollande retaliated.`: after a quotation that ends with a comma inside its
    /// marks, a sentence that ends with a subject and a past-tense verb no list of speech verbs
    /// holds is still the quotation's attribution (its speaker, or someone the registry does not know).
    func closingVerb(after a: Int, end w: Int, commaInside: Bool) -> Int? {
        let v = w - 1
        guard commaInside, v > a, w >= tokens.count || kind(w) == .terminator, looksPastTense(v) else { return nil }
        return v
    }

    /// The words after a quotation's closing mark (past a comma) open a clause with a subject of
    /// its own, a name or a noun phrase (`Roffman predicted`, `a spokesman added`), not a
    /// conjunction that goes on with the sentence (`, and called the demand "…"`).
    func opensSubjectClause(after close: Int?) -> Bool {
        guard var a = close.map({ $0 + 1 }) else { return false }
        if a < tokens.count, tokens[a].kind == .comma || tokens[a].kind == .dash { a += 1 }
        return a < tokens.count && (isName(a) || Q.determiners.contains(word(a) ?? ""))
    }

    /// `would "never" back the plan, which she called …`: after an unpunctuated quotation, a word of
    /// the clause (no name, article, pronoun or adverbial) goes on with it; no one unnamed speaks.
    func continuesClause(_ a: Int, comma: Bool) -> Bool {
        guard !comma, let next = word(a), !tokens[a].capitalized else { return false }
        return !Q.determiners.contains(next) && !Q.afterNameWords.contains(next) && Q.pronouns[next] == nil
    }

    /// What follows a speech verb after the quotation is a clause of its own, not the speaker: an
    /// auxiliary before any comma or relative pronoun (`John Smith, who joined "Hello VOA", said
    /// the courts' unit has received …`: reported speech of the sentence's subject).
    func reportsClause(from start: Int, to end: Int) -> Bool {
        for k in start..<end {
            if kind(k) == .comma || kind(k) == .dash || ["who", "which", "that", "whose"].contains(word(k) ?? "") { return false }
            if let w = word(k), Q.auxiliaries.contains(w), k > start { return true }
        }
        return false
    }

    /// A sentence that goes on after a partial quotation and ends with its attribution after a
    /// comma: `The border issue is the "main difference" between Greece and Turkey, he added.`
    /// Only a named speaker or a pronoun counts, and the sentence must end right after it.
    func sentenceTail(from a: Int, to end: Int) -> Q.Attribution? {
        guard end >= tokens.count || kind(end) == .terminator, var comma = (a..<end).last(where: { kind($0) == .comma }) else { return nil }
        // `, he said yesterday in Jiddah, Saudi Arabia.`: a place's country or state closes the
        // sentence after the attribution; the attribution ends before it.
        var w = end
        if placeApposition(from: comma + 1, to: end), let earlier = (a..<comma).last(where: { kind($0) == .comma }),
           ["in", "at", "from"].contains(word((earlier..<comma).last { !tokens[$0].capitalized && kind($0) == .word } ?? comma) ?? "") {
            (w, comma) = (comma, earlier)
        }
        guard comma > a, comma + 2 <= w,
              !(a..<comma).contains(where: { isVerb($0) || kind($0) == .colon }) else { return nil }
        let subject: Q.Subject
        if isVerb(comma + 1), !Q.participles.contains(word(comma + 1) ?? "") {
            let (after, end) = subjectAfterVerb(comma + 2, w)
            guard end >= w || bareTail(end, w, tell: false) else { return nil }
            subject = after
        } else {
            // Only a short adverbial may follow the verb (`, he told reporters on Monday.`), not a clause
            // of its own (`, Joe Biden called on the President to act.`).
            guard let v = ((comma + 2)..<min(w, comma + 8)).first(where: isVerb), !Q.participles.contains(word(v) ?? ""),
                  !Q.reactionVerbs.contains(word(v) ?? ""), !Q.namingVerbs.contains(word(v) ?? ""), w - v <= Q.tailWindow, bareTail(v + 1, w, tell: Q.tellVerbs.contains(word(v) ?? "")) else { return nil }
            subject = subjectBefore(comma + 1, v, mustReach: true)
        }
        return Q.Attribution(named: subject)
    }

    /// One to three capitalised words and nothing else: the `Saudi Arabia` of `in Jiddah, Saudi
    /// Arabia`, the `Calif` of `in Fresno, Calif.`.
    func placeApposition(from start: Int, to end: Int) -> Bool {
        (1...3).contains(end - start) && (start..<end).allSatisfy { (kind($0) == .word || kind($0) == .mention) && tokens[$0].capitalized }
    }

    /// After the attribution of a quotation that ended its own sentence, only a short adverbial
    /// may follow (`said in a tweet`, `told reporters`), never a clause of its own.
    func bareTail(_ from: Int, _ to: Int, tell: Bool) -> Bool {
        guard from < to else { return true }
        switch tokens[from].kind {
        case .comma, .dash, .openParen: return true
        case .word where Q.afterNameWords.contains(tokens[from].lower): return true
        default: break
        }
        guard tell else { return false }
        var j = from
        while j < to, j - from < 6, kind(j) == .mention || (kind(j) == .word && !isVerb(j) && word(j) != "that"
              && (Q.determiners.contains(tokens[j].lower) || tokens[j].capitalized || Q.listeners.contains(tokens[j].lower))) { j += 1 }
        return j == to || kind(j) == .comma || Q.afterNameWords.contains(word(j) ?? "")
    }
}
