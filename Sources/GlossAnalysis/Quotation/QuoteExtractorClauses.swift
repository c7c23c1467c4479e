// Attribution clauses read around a quotation: the frame before it (`X said: "…"`, `X called it
// "…"`), the inverted forms after it (`"…," said X`, `"…," X added`) and the subject of a speech
// verb, past titles, roles and parenthetical clauses.

extension QuoteExtractor {
    enum Pronoun: Equatable { case he, she, it, organisation(String) }

    /// Who a clause names as speaker: an entity, a pronoun to resolve, someone the registry does not
    /// know (`a spokesman`, an unregistered name), or nothing usable.
    enum Subject: Equatable { case entity(Int), pronoun(Pronoun, at: Int), nounPhrase, invalid }

    static let participles: Set<String> = [
        "saying", "calling", "describing", "adding", "telling", "writing", "noting", "warning", "insisting",
        "arguing", "claiming", "urging", "characterising", "characterizing", "terming", "dubbing", "labelling",
        "labeling", "branding", "stating", "explaining", "declaring", "stressing", "speaking", "commenting", "finding",
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
        "over", "until", "if", "so", "than", "according", "saying", "adding",
    ]
}

extension QuoteExtractor.Paragraph {
    typealias Q = QuoteExtractor

    func word(_ k: Int) -> String? { k >= 0 && k < tokens.count && tokens[k].kind == .word ? tokens[k].lower : nil }
    func kind(_ k: Int) -> QuoteExtractor.Kind? { k >= 0 && k < tokens.count ? tokens[k].kind : nil }
    /// A speech verb: lowercase, so "States" in "United States" is not "states".
    func isVerb(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized else { return false }
        return Q.speechVerbs.contains(w) || Q.participles.contains(w)
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
        guard let v = (s..<open).last(where: isVerb), directGap(v + 1, open, punctuated: open != quotationOpen) else { return (.none, false) }
        if let close, !closesClause(close) { return (.none, false) }
        let tight = open - v <= 6
        if let agent = passiveAgent(v, before: open) { return (.entity(agent), tight) }
        if Q.participles.contains(word(v) ?? "") || word(v - 1) == "and" {
            return (Q.Attribution(sentenceSubject(from: sentenceStart[v], to: v)), tight)
        }
        return (Q.Attribution(subjectBefore(s, v)), tight)
    }

    /// The passive names the speaker after "by": `was described by the CBCP as "…"`,
    /// `was told by Emergencies Minister Yevgeny Zinichev of "…"`.
    func passiveAgent(_ v: Int, before open: Int) -> Int? {
        guard word(v + 1) == "by" else { return nil }
        var k = v + 2
        while k < open, k < v + 7, kind(k) == .word, Q.determiners.contains(tokens[k].lower) || tokens[k].capitalized || Q.titleWords.contains(tokens[k].lower) { k += 1 }
        return k < open && kind(k) == .mention ? tokens[k].entity : nil
    }

    /// A quotation that goes on from the previous one in the same sentence: joined by "and" or a
    /// few words (`"humbled" by the results and "…"`), or interrupted by its attribution
    /// (`"…," he told Science News, "…"`, `"…," reads Judge Miller's statement, "…"`).
    func joinsPrevious(_ s: Int, _ open: Int) -> Bool {
        let gap = s..<open
        guard sentenceStart[open] <= s - 1 else { return false }
        if gap.allSatisfy({ tokens[$0].kind == .comma || ["and", "or", "but"].contains(word($0) ?? "") }) { return true }
        if gap.count <= 8, kind(open - 1) == .comma, gap.contains(where: isVerb) { return true }
        // "…called it "a witch hunt", and on Twitter referred to the vote as "…"": the subject is left out.
        if gap.count <= 12, word(gap.lowerBound) == "and" || (kind(gap.lowerBound) == .comma && word(gap.lowerBound + 1) == "and"),
           let v = gap.first(where: isVerb), !(gap.lowerBound..<v).contains(where: { kind($0) == .mention || Q.pronouns[word($0) ?? ""] != nil }) {
            return true
        }
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
                if !colon, ["is", "was", "are", "were", "be", "been", "being", "has", "had"].contains(w) { return false }
                if !punctuated, !(Q.afterNameWords.contains(w) || Q.timePrepositions.contains(w)
                                  || tokens[k].capitalized || w.first?.isNumber == true) { return false }
            case .mention, .other: break
            case .openParen: depth += 1
            case .closeParen: depth -= 1
            case .comma: if !punctuated { return false }
            default: return false
            }
        }
        return depth == 0
    }

    /// A partial quotation inside reported speech: `X said the plan was "unworkable".`,
    /// `X called it "a disgrace"`. The quotation must end its clause, and no other speech verb or
    /// clause break may stand between the verb and it.
    func partial(_ open: Int, close: Int) -> Q.Attribution {
        guard closesClause(close) else { return .none }
        let s = clauseStart(before: open)
        let open = parenthesisStart(before: open, from: s) ?? open
        guard let v = (s..<open).last(where: { !tokens[$0].capitalized && (Q.partialQuoteVerbs.contains(word($0) ?? "") || Q.participles.contains(word($0) ?? "")) }),
              open - v <= 25 else { return .none }
        for k in (v + 1)..<open where (isVerb(k) && !isAdjective(k)) || kind(k) == .colon || kind(k) == .semicolon { return .none }
        if let agent = passiveAgent(v, before: open) { return .entity(agent) }
        if word(v - 1) == "and" { return Q.Attribution(sentenceSubject(from: sentenceStart[v], to: v)) }
        if Q.participles.contains(word(v) ?? "") {
            // "with Steve Scalise of Louisiana calling the investigation "Soviet-style"".
            if let with = (s..<v).last(where: { word($0) == "with" }), isName(with + 1), with + 1 < v {
                return Q.Attribution(subjectBefore(with + 1, v))
            }
            if isName(v - 1), kind(v - 1) == .word { return Q.Attribution(subjectBefore(s, v)) }
            guard kind(v - 1) == .comma || kind(v - 1) == .mention || kind(v - 1) == .other || word(v - 1) == "and" else { return .none }
            return Q.Attribution(sentenceSubject(from: sentenceStart[v], to: v))
        }
        return Q.Attribution(subjectBefore(s, v))
    }

    /// A quotation that closes its clause in a sentence that opens `According to X,`.
    func accordingTo(_ open: Int, close: Int) -> Q.Attribution {
        let start = sentenceStart[open]
        guard isAccordingTo(start), closesClause(close),
              let comma = (start..<min(open, start + 16)).first(where: { kind($0) == .comma }) else { return .none }
        let (subject, end) = subjectAfterVerb(start + 2, comma)
        guard end >= comma - 1 || kind(end) == .comma else { return .none }
        switch subject {
        case .entity, .pronoun: return Q.Attribution(subject)
        default: return .none
        }
    }

    func closesClause(_ close: Int) -> Bool {
        let next = close + 1
        guard next < tokens.count, kind(close - 1) != .comma, kind(close - 1) != .terminator else { return true }
        switch tokens[next].kind {
        case .terminator, .comma, .semicolon, .colon, .dash, .openParen, .closeParen, .quote: return true
        case .word: return Q.clauseEnders.contains(tokens[next].lower)
        default: return false
        }
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
            return Q.Attribution(subject)
        }
        guard let v = ((a + 1)..<min(w, a + 14)).first(where: isVerb), !Q.participles.contains(word(v) ?? "") else { return .none }
        let subject = subjectBefore(a, v, mustReach: true)
        if subject == .invalid { return loose ? .anonymous : .none }
        if !loose, !bareTail(v + 1, w, tell: Q.tellVerbs.contains(word(v) ?? "")) || Q.reactionVerbs.contains(word(v) ?? "") { return .none }
        return Q.Attribution(subject)
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

    // MARK: Subjects

    /// The subject of the speech verb at `v`, read backwards from it to `s`: past adverbs, time
    /// phrases, parentheses and appositives (`Koll, chief economist at WisdomTree, said`), to a name
    /// that only titles precede (`Shadow home secretary Jane Doe said`).
    /// - Parameter mustReach: the subject must begin at `s` (a clause after a quotation).
    func subjectBefore(_ s: Int, _ v: Int, mustReach: Bool = false) -> Q.Subject {
        var k = v - 1
        // "Schwartz went on to say", "she continued to say": the subject is before the phrase.
        if word(k) == "to" {
            if word(k - 1) == "on", ["went", "goes"].contains(word(k - 2) ?? "") { k -= 3 }
            else if ["continued", "began", "proceeded", "wanted", "declined", "refused"].contains(word(k - 1) ?? "") { k -= 2 }
        }
        // Past adverbs, time phrases, brackets and appositives, in any order.
        for _ in 0..<6 {
            while k >= s {
                if let w = word(k), Q.adverbs.contains(w) || (!tokens[k].capitalized && w.count > 3 && w.hasSuffix("ly")) { k -= 1; continue }
                if kind(k) == .word, NameWords.postNominals.contains(text(k)), k > s, isName(k - 1) { k -= 1; continue }
                if kind(k) == .closeParen, let o = (max(s, k - 14)..<k).last(where: { kind($0) == .openParen }) { k = o - 1; continue }
                if let start = timePhraseStart(k, s) { k = start - 1; continue }
                break
            }
            guard k >= s else { return .invalid }
            guard kind(k) == .comma || kind(k) == .dash else { break }
            let mark = tokens[k].kind
            guard let c = (max(s, k - 24)..<k).last(where: { kind($0) == mark }) else { return .invalid }
            let segment = (c + 1)..<k
            // "The Vice President, Mike Pence, said": the name between the commas is the subject.
            if isNameSegment(segment), c > s, !(s..<c).contains(where: { kind($0) == .mention && !tokens[$0].possessive }) {
                return head(at: segment.upperBound - 1, s: c + 1, mustReach: false)
            }
            k = c - 1
            guard k >= s else { return .invalid }
        }
        // "Mitsotakis speaking to the Atlantic Council think tank called…": past a participle phrase.
        if !isName(k), let participle = ((max(s, k - 10))..<k).last(where: { (word($0) ?? "").hasSuffix("ing") }),
           participle > s, kind(participle - 1) == .mention, !tokens[participle - 1].possessive,
           !((participle + 1)...k).contains(where: { isVerb($0) || kind($0) == .comma || kind($0) == .terminator }) {
            return head(at: participle - 1, s: s, mustReach: mustReach)
        }
        return head(at: k, s: s, mustReach: mustReach)
    }

    /// The subject whose last token is `k`.
    func head(at k: Int, s: Int, mustReach: Bool) -> Q.Subject {
        let token = tokens[k]
        switch token.kind {
        case .mention:
            if token.possessive { return .nounPhrase }
            let p = Q.determiners.contains(word(k - 1) ?? "") ? k - 2 : k - 1
            if let preposition = word(p), Q.prepositions.contains(preposition) {
                // "Gerstenmaier of NASA said", "Yvette Cooper of the Labour Party added": the name
                // before the phrase is the subject.
                if ["of", "at", "from", "in"].contains(preposition), p - 1 >= s, isName(p - 1) { return head(at: p - 1, s: s, mustReach: mustReach) }
                if ["of", "at", "from"].contains(preposition), p - 2 >= s, kind(p - 1) == .comma, isName(p - 2) { return head(at: p - 2, s: s, mustReach: mustReach) }
                if preposition == "by", p - 2 >= s, Q.documents.contains(word(p - 2) ?? "") { return .entity(token.entity) }
                return .nounPhrase
            }
            if let conjunction = word(k - 1), conjunction == "and" || conjunction == "or", k - 2 >= s, isName(k - 2) { return .nounPhrase }
            return titlesBefore(k, s: s, mustReach: mustReach) ? .entity(token.entity) : .invalid
        case .word:
            if let pronoun = Q.pronouns[token.lower] { return mustReach && k != s ? .invalid : .pronoun(pronoun, at: k) }
            if token.capitalized {
                // "Abdel Fattah el-Sisi of Egypt said": past a capitalised phrase after of/at/from/in.
                var j = k
                while j - 1 >= s, kind(j - 1) == .word, tokens[j - 1].capitalized, k - j < 5 { j -= 1 }
                let p = Q.determiners.contains(word(j - 1) ?? "") ? j - 2 : j - 1
                if let preposition = word(p), ["of", "at", "from", "in"].contains(preposition), p - 1 >= s, isName(p - 1) {
                    return head(at: p - 1, s: s, mustReach: mustReach)
                }
            }
            if Q.organisationNouns.contains(token.lower), word(k - 1) == "the" { return .pronoun(.organisation(token.lower), at: k) }
            // "Alex Greenwich who said", "Cherry, who led the petition, said".
            if token.lower == "who" {
                let name = kind(k - 1) == .comma ? k - 2 : k - 1
                if name >= s, kind(name) == .mention, !tokens[name].possessive { return .entity(tokens[name].entity) }
                if name >= s, isName(name) { return head(at: name, s: s, mustReach: mustReach) }
            }
            // "Facebook released a statement which read": the statement's author.
            if token.lower == "which" || token.lower == "that", let document = [k - 1, k - 2].first(where: { Q.documents.contains(word($0) ?? "") }),
               let owner = (s..<document).first(where: { kind($0) == .mention && !tokens[$0].possessive }) {
                return .entity(tokens[owner].entity)
            }
            // "Regina Ip from the pro-Beijing camp said": the name before the affiliation.
            if !token.capitalized, let p = (max(s, k - 5)..<k).last(where: { ["of", "from", "at", "with"].contains(word($0) ?? "") }),
               p - 1 >= s, isName(p - 1), ((p + 1)...k).allSatisfy({ kind($0) == .word || kind($0) == .mention }) {
                return head(at: p - 1, s: s, mustReach: mustReach)
            }
            if Q.documents.contains(token.lower) {
                // "Judge Miller's statement reads", "an AEW press release": the document speaks for its author.
                var j = k - 1
                while j >= s, j > k - 6, kind(j) == .word || kind(j) == .mention {
                    if kind(j) == .mention { return .entity(tokens[j].entity) }
                    j -= 1
                }
            }
            return .nounPhrase
        default:
            return .invalid
        }
    }

    /// Only titles, roles and modifiers stand between the clause start and a subject at `k`.
    func titlesBefore(_ k: Int, s: Int, mustReach: Bool) -> Bool {
        var j = k - 1
        while j >= s {
            let token = tokens[j]
            switch token.kind {
            case .mention: break
            case .word:
                let w = token.lower
                let written = String(decoding: bytes[token.range], as: UTF8.self)
                if NameWords.honorifics[written.trimmingTrailingDot] != nil { break }  // "Ms Doe said"
                if Q.clauseOpeners.contains(w) || NameWords.openers.contains(written) || NameWords.calendar.contains(written) {
                    return !mustReach
                }
                guard token.capitalized || Q.titleWords.contains(w) || ["of", "for", "to", "and", "the", "in", "at"].contains(w)
                        || isDescriptive(j) else {
                    return false
                }
            case .comma:
                // A list of titles ("Minister for Economy, Trade and Industry X"), else the clause begins here.
                if isName(j + 1), j + 1 < k, isName(j - 1) { break }
                return !mustReach
            case .other: break
            default: return !mustReach || j < s
            }
            j -= 1
        }
        return true
    }

    /// A verb form used as an adjective: `May's proposed Brexit deal`.
    func isAdjective(_ k: Int) -> Bool {
        k > 0 && (Q.determiners.contains(word(k - 1) ?? "") || tokens[k - 1].possessive || (word(k - 1) ?? "").hasSuffix("'s")
                  || (word(k - 1) ?? "").hasSuffix("’s"))
    }

    /// A lowercase word that can describe a person before their name (`fashion designer`,
    /// `assistant coach`): not a verb, an auxiliary, a preposition or a pronoun.
    func isDescriptive(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized else { return false }
        if isVerb(k) || Q.prepositions.contains(w) || Q.clauseOpeners.contains(w) || Q.notTitles.contains(w) || Q.pronouns[w] != nil
            || ["is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "did", "does",
                "met", "made", "took", "gave", "got", "went", "came", "saw", "left"].contains(w) {
            return false
        }
        return !(w.hasSuffix("ed") || w.hasSuffix("ing")) || Q.titleWords.contains(w)
    }

    /// A name between two commas or dashes, with at most a description before it
    /// (`, Mike Pence,`, `, civil engineering professor Julian Marshall,`), not a role (`, the Defence Secretary,`).
    func isNameSegment(_ segment: Range<Int>) -> Bool {
        guard !segment.isEmpty, segment.count <= 8, let last = segment.last, isName(last) else { return false }
        if kind(last) == .word {
            let written = text(last)
            if NameWords.roles.contains(written) || Q.titleWords.contains(written.lowercased()) { return false }
            guard segment.count >= 2, isName(last - 1), kind(last - 1) == .word, !NameWords.roles.contains(text(last - 1)) else { return false }
        }
        if Q.determiners.contains(word(segment.lowerBound) ?? "") { return false }
        return segment.allSatisfy { k in
            guard let w = word(k), !tokens[k].capitalized else { return isName(k) || kind(k) == .other }
            return !(isVerb(k) || Q.prepositions.contains(w) || Q.pronouns[w] != nil || Q.notTitles.contains(w)
                     || ["is", "was", "are", "were", "has", "had", "who", "which", "that"].contains(w))
        }
    }

    /// `on Friday`, `last week`, `on Monday night`, `in 2002` ending at token `k`.
    func timePhraseStart(_ k: Int, _ s: Int) -> Int? {
        let words: Set<String> = ["morning", "afternoon", "evening", "night", "week", "month", "year", "weekend", "day"]
        let text = tokens[k].lower
        guard kind(k) == .word, words.contains(text) || NameWords.calendar.contains(String(decoding: bytes[tokens[k].range], as: UTF8.self))
                || text.first?.isNumber == true else { return nil }
        for j in stride(from: k - 1, through: max(s, k - 3), by: -1) where Q.timePrepositions.contains(word(j) ?? "") { return j }
        return nil
    }

    /// The speaker named after a verb: `said Prime Minister X`, `said his father, X`, `writes
    /// Huber's tag team partner X`, `reads an AEW press release`.
    func subjectAfterVerb(_ from: Int, _ to: Int) -> (subject: Q.Subject, end: Int) {
        var k = from
        guard k < to else { return (.invalid, k) }
        if let w = word(k), Q.determiners.contains(w) {
            var j = k
            var mention: Int?
            while j < to, j - k < 8, kind(j) == .mention || (kind(j) == .word && !isVerb(j)) {
                if kind(j) == .mention, mention == nil { mention = j }
                j += 1
            }
            if let last = word(j - 1), Q.documents.contains(last), let mention { return (.entity(tokens[mention].entity), j) }
            guard j + 1 < to, kind(j) == .comma, isName(j + 1) else { return (.nounPhrase, j) }
            k = j + 1
        }
        var owner: Int?
        while k < to, isModifier(k) {
            if kind(k) == .mention { owner = tokens[k].entity }
            k += 1
        }
        guard k < to else { return (.invalid, k) }
        switch tokens[k].kind {
        case .mention:
            // "said Trump administration officials": the name modifies a noun, it is not the speaker.
            if let next = word(k + 1), !tokens[k + 1].capitalized, !Q.afterNameWords.contains(next), !isVerb(k + 1) { return (.nounPhrase, k + 2) }
            return (.entity(tokens[k].entity), k + 1)
        case .word:
            if let pronoun = Q.pronouns[tokens[k].lower] { return (.pronoun(pronoun, at: k), k + 1) }
            if let owner, Q.documents.contains(tokens[k].lower) { return (.entity(owner), k + 1) }
            var end = k
            while end < to, isName(end) { end += 1 }
            return (.nounPhrase, max(end, k + 1))
        default: return (.invalid, k)
        }
    }

    /// A title word or a name that modifies the next (`US President`, `Huber's`, `NASA`).
    func isModifier(_ k: Int) -> Bool {
        switch tokens[k].kind {
        case .mention:
            return tokens[k].possessive || (k + 1 < tokens.count && (isName(k + 1) || Q.titleWords.contains(word(k + 1) ?? "")))
        case .word:
            let w = tokens[k].lower
            if w == "of" || w == "for" { return k > 0 && (isName(k - 1) || Q.titleWords.contains(word(k - 1) ?? "")) && isName(k + 1) }
            guard !isVerb(k), Q.pronouns[w] == nil, !Q.notTitles.contains(w), !Q.prepositions.contains(w) else { return false }
            if tokens[k].capitalized {
                // A capitalised word followed by a name is a title or a first name: either way, read on.
                return k + 1 < tokens.count && (isName(k + 1) || Q.titleWords.contains(word(k + 1) ?? "")
                                                 || (["of", "for"].contains(word(k + 1) ?? "") && isName(k + 2))
                                                 || (kind(k + 1) == .comma && isName(k + 2) && isModifier(k + 2)))
            }
            return Q.titleWords.contains(w) || (isDescriptive(k) && ((k + 1)..<min(tokens.count, k + 4)).contains(where: isName)
                                                 && !((k + 1)..<min(tokens.count, k + 4)).contains(where: { isVerb($0) || kind($0) == .comma }))
        case .comma:
            // "…'s chancellor, Pradeep Khosla": a title, then the name in apposition.
            return k + 1 < tokens.count && isName(k + 1) && k > 0 && (isName(k - 1) || Q.titleWords.contains(word(k - 1) ?? ""))
        default:
            return false
        }
    }

    /// The subject of a whole sentence, for a participle clause (`Sanders …, saying "…"`): the first
    /// name, after an opening adverbial and titles, that a verb follows.
    func sentenceSubject(from start: Int, to end: Int) -> Q.Subject {
        var k = start
        // Leading adverbials: "In March, at the party's final debate, Biden announced…".
        for _ in 0..<2 {
            guard let comma = (k..<min(end, k + 16)).first(where: { kind($0) == .comma }),
                  !(k..<comma).contains(where: { (kind($0) == .mention && !tokens[$0].possessive) || isVerb($0) }),
                  word(k).map({ Q.prepositions.contains($0) || Q.clauseOpeners.contains($0) || ["following", "speaking", "responding"].contains($0) }) ?? false
            else { break }
            k = comma + 1
        }
        while k < end {
            switch tokens[k].kind {
            case .mention where !tokens[k].possessive:
                if kind(k + 1) == .comma { return .entity(tokens[k].entity) }
                if let next = word(k + 1), !tokens[k + 1].capitalized, !Q.prepositions.contains(next) { return .entity(tokens[k].entity) }
            case .word:
                if let pronoun = Q.pronouns[tokens[k].lower] { return .pronoun(pronoun, at: k) }
                // "a Republican, Mark Amodei, has…": the name in apposition.
                if Q.determiners.contains(tokens[k].lower), let comma = ((k + 1)..<min(end, k + 5)).first(where: { kind($0) == .comma }),
                   kind(comma + 1) == .mention { k = comma + 1; continue }
                guard tokens[k].capitalized || Q.titleWords.contains(tokens[k].lower) || isDescriptive(k)
                        || ["of", "for", "the"].contains(tokens[k].lower) else { return .nounPhrase }
            case .mention, .dash, .other: break
            default: return .invalid
            }
            k += 1
        }
        return .invalid
    }
}
