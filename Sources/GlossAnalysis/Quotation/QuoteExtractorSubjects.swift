// The subject of a speech verb, read around a quotation's attribution clause: backwards from the
// verb past adverbs, time phrases, parentheses, appositives and titles (`Shadow home secretary Jane
// Doe said`), or forwards after an inverted verb (`said Jane Doe, the party's deputy leader`).

extension QuoteExtractor.Paragraph {
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
            // What a speech will say: "is expected to say", "is due to tell", "is to say".
            else if ["expected", "due", "set", "likely"].contains(word(k - 1) ?? ""), Q.beForms.contains(word(k - 2) ?? "") { k -= 3 }
            else if Q.beForms.contains(word(k - 1) ?? "") { k -= 2 }
        }
        // What someone is reported to have said: "is said to have told", "is understood to have said".
        if word(k) == "have", word(k - 1) == "to", ["said", "understood", "reported", "thought", "believed", "known"].contains(word(k - 2) ?? ""),
           Q.beForms.contains(word(k - 3) ?? "") {
            k -= 4
        }
        // Past adverbs, time phrases, brackets and appositives, in any order.
        for _ in 0..<6 {
            while k >= s {
                if let w = word(k), Q.adverbs.contains(w) || (!tokens[k].capitalized && w.count > 3 && w.hasSuffix("ly")) { k -= 1; continue }
                // `Jane Doe MP said`; not `Labour MPs said`, several people the party is not.
                if kind(k) == .word, NameWords.postNominals.contains(text(k)), !text(k).hasSuffix("s"), k > s, isName(k - 1) { k -= 1; continue }
                if kind(k) == .closeParen, let o = (max(s, k - 14)..<k).last(where: { kind($0) == .openParen }) { k = o - 1; continue }
                if let start = timePhraseStart(k, s) { k = start - 1; continue }
                break
            }
            guard k >= s else { return .invalid }
            guard kind(k) == .comma || kind(k) == .dash else { break }
            let mark = tokens[k].kind
            guard let c = (max(s, k - 24)..<k).last(where: { kind($0) == mark }) else { return .invalid }
            let segment = (c + 1)..<k
            // "The letter, signed by Ms Doe, said": the document's author.
            if segment.count >= 3, c - 1 >= s, Q.documents.contains(word(c - 1) ?? ""), word(segment.lowerBound + 1) == "by",
               Q.authoringVerbs.contains(word(segment.lowerBound) ?? ""),  // not `The report, seen by Mr Smith,`
               kind(segment.upperBound - 1) == .mention, !tokens[segment.upperBound - 1].possessive {
                return .entity(tokens[segment.upperBound - 1].entity)
            }
            // "The Vice President, Mike Pence, said": the name between the commas is the subject.
            // A name before it that only modifies a noun (`The Labour MP for Leeds, Mr Smith,`) is no rival.
            if isNameSegment(segment), c > s, !(s..<c).contains(where: { kind($0) == .mention && !tokens[$0].possessive
                                                                  && !(kind($0 + 1) == .word && tokens[$0 + 1].capitalized) }) {
                // The segment was read as a description and a name (`civil engineering professor Julian Marshall`).
                let last = segment.upperBound - 1
                if kind(last) == .mention, !tokens[last].possessive { return .entity(tokens[last].entity) }
                return head(at: last, s: c + 1, mustReach: false)
            }
            k = c - 1
            // Two appositions in a row (`Jane Doe, 45, from Leeds, said`): a short one before this,
            // naming no one, is passed too.
            if let c2 = (max(s, c - 5)..<c).last(where: { kind($0) == .comma }), c2 > s, isName(c2 - 1),
               !((c2 + 1)..<c).contains(where: { isVerb($0) || kind($0) == .mention || tokens[$0].capitalized }) {
                k = c2 - 1
            }
            guard k >= s else { return .invalid }
        }
        // "Mitsotakis speaking to the Atlantic Council think tank called…": past a participle phrase.
        // Not past a pronoun that is the subject itself, nor a noun in -ing after a name used as a
        // modifier (`After the Acme ruling he said`, `after the Labour meeting the minister said`).
        if !isName(k), Q.pronouns[word(k) ?? ""] == nil, let participle = ((max(s, k - 10))..<k).last(where: { (word($0) ?? "").hasSuffix("ing") }),
           participle > s, kind(participle - 1) == .mention, !tokens[participle - 1].possessive,
           !Q.determiners.contains(word(participle - 2) ?? ""),
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
            // Back past the determiners and owners of the name (`of the UK's National Crime Agency`).
            var p = k - 1
            while p >= s, k - p <= 4, Q.determiners.contains(word(p) ?? "") || isPossessive(p) { p -= 1 }
            if let sender = documentSender(k, from: s) { return .entity(sender) }
            // A preposition before the clause start is outside it (`with Zinichev describing…`).
            if p >= s, let preposition = word(p), Q.prepositions.contains(preposition) {
                // "Gerstenmaier of NASA said", "Yvette Cooper of the Labour Party added": the name
                // before the phrase is the subject.
                if ["of", "at", "from", "in"].contains(preposition), p - 1 >= s, isName(p - 1) { return head(at: p - 1, s: s, mustReach: mustReach) }
                if ["of", "at", "from"].contains(preposition), p - 2 >= s, kind(p - 1) == .comma, isName(p - 2) { return head(at: p - 2, s: s, mustReach: mustReach) }
                if issuesDocument(by: p, from: s) { return .entity(token.entity) }
                return .nounPhrase
            }
            // `A statement from Mr Smith said`: the document's author, past an honorific.
            if p >= s, isHonorific(p), issuesDocument(by: p - 1, from: s) { return .entity(token.entity) }
            // `Mr Smith and Ms Doe said`: two speakers, neither alone.
            let before = p >= s && isHonorific(p) ? p - 1 : k - 1
            if let conjunction = word(before), conjunction == "and" || conjunction == "or", before - 1 >= s, isName(before - 1) { return .nounPhrase }
            return titlesBefore(k, s: s, mustReach: mustReach) ? .entity(token.entity) : .invalid
        case .word:
            if let pronoun = Q.pronouns[token.lower] { return mustReach && k != s ? .invalid : .pronoun(pronoun, at: k) }
            // "The commissioner said", "the Wooster professor added": the person introduced in that role.
            if let reference = roleReference(k, from: s) {
                // `A spokesman for the prime minister said`, `The prime minister and the chancellor said`:
                // not the speaker, or not alone; but `The decree signed by the Pope read` is theirs.
                if reference.the > s, let before = word(reference.the - 1), Q.prepositions.contains(before) || before == "and" || before == "or",
                   !issuesDocument(by: reference.the - 1, from: s) {
                    return .nounPhrase
                }
                return mustReach && reference.the != s ? .invalid : .pronoun(.role(reference.role), at: k)
            }
            if token.capitalized {
                // "Abdel Fattah el-Sisi of Egypt said": past a capitalised phrase after of/at/from/in.
                var j = k
                while j - 1 >= s, kind(j - 1) == .word, tokens[j - 1].capitalized, k - j < 5 { j -= 1 }
                let p = Q.determiners.contains(word(j - 1) ?? "") ? j - 2 : j - 1
                if let preposition = word(p), ["of", "at", "from", "in"].contains(preposition), p - 1 >= s, isName(p - 1) {
                    return head(at: p - 1, s: s, mustReach: mustReach)
                }
            }
            if Q.organisationNouns.contains(token.lower), word(k - 1) == "the" {
                // `A spokesman for the firm said`: someone who speaks for it, unnamed (but `The
                // opinion of the Court read` is the court's document).
                if let before = word(k - 2), Q.prepositions.contains(before), !Q.documents.contains(word(k - 3) ?? "") { return .nounPhrase }
                return .pronoun(.organisation(token.lower), at: k)
            }
            // "Alex Greenwich who said", "Cherry, who led the petition, said", "Mark Hay, a marine
            // ecologist at GT, who said".
            if token.lower == "who" {
                var name = kind(k - 1) == .comma ? k - 2 : k - 1
                if kind(k - 1) == .comma, let c = (max(s, k - 14)..<(k - 1)).last(where: { kind($0) == .comma }),
                   Q.determiners.contains(word(c + 1) ?? ""), kind(c - 1) == .mention, !tokens[c - 1].possessive {
                    name = c - 1
                }
                if name >= s, kind(name) == .mention, !tokens[name].possessive { return .entity(tokens[name].entity) }
                if name >= s, isName(name) { return head(at: name, s: s, mustReach: mustReach) }
            }
            // "Facebook released a statement which read": the statement's author; not who received
            // it ("Mr Smith received a letter which said", "Mr Smith was sent a letter which said").
            if token.lower == "which" || token.lower == "that", let document = [k - 1, k - 2].first(where: { Q.documents.contains(word($0) ?? "") }),
               let owner = (s..<document).first(where: { kind($0) == .mention && !tokens[$0].possessive }),
               !((owner + 1)..<document).contains(where: { j in
                   Q.receivingVerbs.contains(word(j) ?? "") || (Q.beForms.contains(word(j - 1) ?? "") && Q.passiveReceivingVerbs.contains(word(j) ?? ""))
               }) {
                return .entity(tokens[owner].entity)
            }
            // "Regina Ip from the pro-Beijing camp said": the name before the affiliation.
            // (`Part of the judge's statement reads`: a share of a document, not a name.)
            if !token.capitalized, let p = (max(s, k - 5)..<k).last(where: { ["of", "from", "at", "with"].contains(word($0) ?? "") }),
               p - 1 >= s, isName(p - 1), !Q.portions.contains(word(p - 1) ?? ""), ((p + 1)...k).allSatisfy({ kind($0) == .word || kind($0) == .mention }) {
                return head(at: p - 1, s: s, mustReach: mustReach)
            }
            if Q.documents.contains(token.lower) {
                // "Judge Miller's statement reads", "an AEW press release": the document speaks for its author.
                var j = k - 1
                while j >= s, j > k - 6, kind(j) == .word || kind(j) == .mention {
                    if kind(j) == .mention { return .entity(tokens[j].entity) }
                    // `the judge's statement reads`: the person introduced in that role.
                    if kind(j) == .word, isPossessive(j), case let owner = String((word(j) ?? "").dropLast(2)), Q.role(owner) != nil,
                       (max(s, j - 3)..<j).contains(where: { word($0) == "the" }) {
                        return .pronoun(.role(roleName(owner, at: j)), at: j)
                    }
                    j -= 1
                }
            }
            return .nounPhrase
        default:
            return .invalid
        }
    }

    /// `Politico quoted Tim Manning, a former official, as saying "…"`: the speaker is who was
    /// quoted, not the sentence's subject; in the passive (`Mr Smith was quoted by Reuters as
    /// saying`) the subject. Nil when the participle at `v` is not in that frame.
    func quotedAs(_ v: Int, from s: Int) -> Q.Subject? {
        guard word(v - 1) == "as", let q = (max(s, v - 16)..<(v - 1)).last(where: { ["quoted", "quotes", "quoting", "cited", "cites"].contains(word($0) ?? "") })
        else { return nil }
        if isPassive(q) { return q - 1 > s ? subjectBefore(s, q - 1) : .nounPhrase }
        let subject = subjectAfterVerb(q + 1, v - 1).subject
        return subject == .invalid ? .nounPhrase : subject
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
                // A speech verb opens reported speech as "that" would (`Ms Doe said Mr Smith had told her:`).
                if Q.clauseOpeners.contains(w) || NameWords.openers.contains(written) || NameWords.calendar.contains(written) || isVerb(j) {
                    return !mustReach
                }
                // `A spokeswoman for Ms Doe said`: the name is whom the speaker works for, not a title's end.
                if ["of", "for", "to"].contains(w), isObjectOfCircle(k, from: s) { return false }
                guard token.capitalized || Q.titleWords.contains(w) || ["of", "for", "to", "and", "the", "in", "at"].contains(w)
                        || isDescriptive(j) else {
                    return !mustReach && opensWithParticiplePhrase(s, before: j)
                }
            case .comma:
                // A list of titles ("Minister for Economy, Trade and Industry X"), else the clause begins
                // here: at once when an honorific follows (`Asked about Mr Smith, Ms Doe said`).
                if isName(j + 1), j + 1 < k, isName(j - 1), NameWords.honorifics[text(j + 1).trimmingTrailingDot] == nil { break }
                return !mustReach
            case .other: break
            default: return !mustReach || j < s
            }
            j -= 1
        }
        return true
    }

    /// The name at `k` follows `for`, `to` or `of` after a common noun (`a spokeswoman for Ms Doe`,
    /// `an aide to Mr Smith`, `Supporters of Ms Doe`): whom that person or group works for or
    /// stands with, not a title's end (`Minister for Europe Jane Doe`).
    func isObjectOfCircle(_ k: Int, from s: Int) -> Bool {
        let p = beforeName(k, from: s)
        guard p - 1 >= s, ["of", "for", "to"].contains(word(p) ?? ""), kind(p - 1) == .word else { return false }
        let noun = tokens[p - 1]
        return NameWords.circleNouns.contains(noun.lower) || (!noun.capitalized && !Q.determiners.contains(noun.lower))
    }

    /// `Ms Doe's letter to Mr Smith said`, `Mr Smith's reply to Ms Doe read`: the document speaks
    /// for whoever sent it, not for the name it was sent to (at `k`). Nil for any other phrase.
    func documentSender(_ k: Int, from s: Int) -> Int? {
        let p = beforeName(k, from: s)
        guard p - 2 >= s, word(p) == "to", let noun = word(p - 1), !tokens[p - 1].capitalized, Q.documents.contains(noun) || Q.utterances.contains(noun),
              kind(p - 2) == .mention, tokens[p - 2].possessive else { return nil }
        return tokens[p - 2].entity
    }

    /// Token `k` is an honorific (`Mr`, `Ms.`).
    func isHonorific(_ k: Int) -> Bool { NameWords.honorifics[text(k).trimmingTrailingDot] != nil }

    /// The token before the name at `k`, past an honorific written apart from it (`for Ms Doe`).
    func beforeName(_ k: Int, from s: Int) -> Int { k - 1 >= s && isHonorific(k - 1) ? k - 2 : k - 1 }

    /// The clause at `s` opens with a participle phrase that runs up to token `j` with no comma
    /// and names nobody: `Welcoming the opportunity to consult with local groups Mr Boateng
    /// said:`. The name after it is the clause's subject.
    func opensWithParticiplePhrase(_ s: Int, before j: Int) -> Bool {
        guard let first = word(s), tokens[s].capitalized, first.hasSuffix("ing"), first.count > 4, !isAccordingTo(s) else { return false }
        return !(s...j).contains { kind($0) == .mention || kind($0) == .comma || kind($0) == .terminator || kind($0) == .quote }
    }

    /// The speaker named after a verb: `said Prime Minister X`, `said his father, X`, `writes
    /// Huber's tag team partner X`, `reads an AEW press release`.
    func subjectAfterVerb(_ from: Int, _ to: Int) -> (subject: Q.Subject, end: Int) {
        var k = from
        guard k < to else { return (.invalid, k) }
        // `According to him,`: an object pronoun on its own (not `her lawyer`).
        if let w = word(k), let pronoun = Q.objectPronouns[w], k + 1 >= to || (kind(k + 1) != .word && kind(k + 1) != .mention) {
            return (.pronoun(pronoun, at: k), k + 1)
        }
        if let w = word(k), Q.determiners.contains(w) {
            // `according to a tweet on Monday by US Secretary of State Mike Pompeo`.
            if let owner = documentOwner(k + 1, to) { return (.entity(owner), to) }
            var j = k
            var mention: Int?
            while j < to, j - k < 8, kind(j) == .mention || (kind(j) == .word && !isVerb(j)) {
                if kind(j) == .mention, mention == nil { mention = j }
                j += 1
            }
            if let last = word(j - 1), Q.documents.contains(last), let mention { return (.entity(tokens[mention].entity), j) }
            // `said a confident Mr Blair`, `said the former prime minister Tony Blair`: adjectives and
            // titles, then the name that ends the clause. Not a bare article and a name (`according to
            // the BBC`), which stays a source, not a speaker.
            if let mention, mention - k >= 2, mention - k <= 4, !tokens[mention].possessive,
               ((k + 1)..<mention).allSatisfy({ kind($0) == .word && !tokens[$0].capitalized && !Q.prepositions.contains(word($0) ?? "") }),
               mention + 1 >= to || [.terminator, .comma, .quote].contains(kind(mention + 1)) {
                return (.entity(tokens[mention].entity), mention + 1)
            }
            // `said the prime minister.`: the person introduced in that role (with no name in
            // apposition: `said the chancellor, Mark Jones,` is his).
            if mention == nil, w == "the", j - 1 > k, j >= to || [.terminator, .comma, .quote].contains(kind(j)), !(kind(j) == .comma && isName(j + 1)),
               let reference = roleReference(j - 1, from: k), reference.the == k {
                return (.pronoun(.role(reference.role), at: j - 1), j)
            }
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

    /// `statement from`, `letter signed by`: the preposition at `p` gives a document's author.
    func issuesDocument(by p: Int, from s: Int) -> Bool {
        guard p - 1 >= s, ["by", "from"].contains(word(p) ?? "") else { return false }
        return Q.documents.contains(word(p - 1) ?? "") || (p - 2 >= s && Q.documents.contains(word(p - 2) ?? ""))
    }

    /// Who issued the document named at `k`: `tweet sent from Biden's Twitter account`, `statement
    /// from Acme`; nil when the document is someone else's (`a statement from Acme's lawyer`).
    func documentOwner(_ k: Int, _ end: Int) -> Int? {
        guard let document = word(k), Q.documents.contains(document) else { return nil }
        var m = k + 1
        while m < min(end, k + 6), kind(m) == .word, !isVerb(m), !tokens[m].capitalized || NameWords.calendar.contains(text(m)) { m += 1 }
        guard ["from", "by", "of"].contains(word(m - 1) ?? "") else { return nil }
        // Past titles (`from Ms Doe's account`, `by US Secretary of State Mike Pompeo`).
        while m < end, kind(m) == .word, Q.titleWords.contains(tokens[m].lower) || isModifier(m) { m += 1 }
        guard m < end, kind(m) == .mention else { return nil }
        var after = m + 1
        if tokens[m].possessive {
            while after < end, kind(after) == .word, tokens[after].capitalized || Q.documents.contains(tokens[after].lower) { after += 1 }
            guard after > m + 1, Q.documents.contains(word(after - 1) ?? "") else { return nil }
        }
        // The owner ends the clause, or a lowercase word or comma follows it.
        guard after == end || (after < end && (kind(after) == .word || kind(after) == .comma) && !tokens[after].capitalized) else { return nil }
        return tokens[m].entity
    }

    /// Token `k` is a role noun after "the" (`the commissioner`, `the Wooster professor`, `the
    /// PM`): the index of that "the", at or after `s`, and the role (`minister`, "prime minister" for "PM").
    func roleReference(_ k: Int, from s: Int) -> (the: Int, role: Q.RoleName)? {
        guard let written = word(k), Q.role(written) != nil, let the = (max(s, k - 3)..<k).last(where: { word($0) == "the" }),
              ((the + 1)..<k).allSatisfy({ kind($0) == .mention || (kind($0) == .word && !isVerb($0)) }) else { return nil }
        return (the, roleName(written, at: k))
    }

    /// The subject of a whole sentence, for a participle clause (`Sanders …, saying "…"`): the first
    /// name, after an opening adverbial and titles, that a verb follows.
    func sentenceSubject(from start: Int, to end: Int) -> Q.Subject {
        var k = start
        // An opening subordinate clause (`When Mr Smith suggested they would sue, Ms Doe fired
        // back`) has a subject of its own: the sentence's comes after its comma.
        if let opener = word(k), Q.adverbialOpeners.contains(opener),
           let comma = (k..<min(end, k + 30)).first(where: { kind($0) == .comma || kind($0) == .quote }), kind(comma) == .comma,
           comma + 1 < end, isName(comma + 1) || Q.determiners.contains(word(comma + 1) ?? "") || Q.pronouns[word(comma + 1) ?? ""] != nil {
            k = comma + 1
        }
        // Leading adverbials: "In March, at the party's final debate, Biden announced…", "In a
        // statement posted to her account, Vázquez affirmed…" (a participle after a noun describes it).
        for _ in 0..<2 {
            guard let comma = (k..<min(end, k + 16)).first(where: { kind($0) == .comma }),
                  !(k..<comma).contains(where: { (kind($0) == .mention && !tokens[$0].possessive) || (isVerb($0) && !describesNoun($0)) }),
                  word(k).map({ Q.prepositions.contains($0) || Q.clauseOpeners.contains($0) || ["following", "speaking", "responding"].contains($0) }) ?? false
            else { break }
            k = comma + 1
        }
        // A short opening phrase without its comma (`In the filing itself Ford also made…`): the
        // name right after it is the subject when what follows it is a verb or an adverb.
        if k == start, let w = word(k), Q.prepositions.contains(w), let m = ((k + 1)..<min(end, k + 7)).first(where: { kind($0) != .word || tokens[$0].capitalized }),
           kind(m) == .mention, !tokens[m].possessive, m + 1 < end, let next = word(m + 1), !tokens[m + 1].capitalized,
           Q.adverbs.contains(next) || isVerb(m + 1) || (next.count > 3 && next.hasSuffix("ed")),
           !((k + 1)..<m).contains(where: { isVerb($0) }) {
            k = m
        }
        while k < end {
            switch tokens[k].kind {
            // `Mr Smith's verdict was blunt: "…"`: the owner of the words.
            case .mention where tokens[k].possessive && Q.utterances.contains(word(k + 1) ?? ""):
                return .entity(tokens[k].entity)
            case .mention where !tokens[k].possessive:
                // `Mr Smith: "…"`, a name alone before the colon, as interviews are set.
                if k == start, k + 1 == end, kind(end) == .colon { return .entity(tokens[k].entity) }
                // `Supporters of Ms Doe chanted`, `an aide to Mr Smith`: whom the subject is for or against.
                if isObjectOfCircle(k, from: start) { return .nounPhrase }
                // `Mr Smith and Ms Doe issued a joint statement: "…"`: two speakers, neither alone.
                if ["and", "or"].contains(word(k + 1) ?? ""), k + 2 < end, isName(k + 2) || Q.determiners.contains(word(k + 2) ?? "") { return .nounPhrase }
                if kind(k + 1) == .comma { return .entity(tokens[k].entity) }
                // `The Biden campaign recycled…`: a name before a body or a role names whose it is, not who speaks;
                // so does one after an article before any noun (`In the Acme case Mr Smith said`).
                if let next = word(k + 1), !tokens[k + 1].capitalized, !Q.prepositions.contains(next) {
                    if modifiesNoun(k), !Q.adverbs.contains(next), !WordsAround.singularVerbs.contains(next),
                       !next.hasSuffix("s"), !next.hasSuffix("ed") { return .nounPhrase }
                    return Q.organisationNouns.contains(next) || Q.roleNouns.contains(next) || Q.staffNouns.contains(next) ? .nounPhrase : .entity(tokens[k].entity)
                }
            case .word:
                if let pronoun = Q.pronouns[tokens[k].lower] { return .pronoun(pronoun, at: k) }
                // `The Ethiopian leader said … and warned`: the person introduced in that role.
                if let reference = roleReference(k, from: start), startsPredicate(k + 1) { return .pronoun(.role(reference.role), at: k) }
                if Q.determiners.contains(tokens[k].lower), let owner = documentOwner(k + 1, end) { return .entity(owner) }
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
