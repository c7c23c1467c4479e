// A definite description as a sentence's subject, next to a sentence about one person:
// `Army Gen. Martin E. Dempsey said… The chairman of the Joint Chiefs of Staff discussed…`, or a
// lead that names the role first (`The chairman of the Joint Chiefs of Staff thanked… Marine Gen.
// Peter Pace spoke…`). News names a person's role so, once, and then writes "the chairman said".

extension QuoteExtractor.Speakers {
    /// Adds, for each sentence whose subject is a role (`The president will…`), a mention of the
    /// person who holds it; when nobody does yet and the description says more than the role
    /// (`The chairman of …`, `The Ethiopian leader`), of the person the sentence before was about
    /// (or, when that names no one, the sentence after). A later "the chairman said" (and "he
    /// said") then means them. A bare `The mayor said` after `John Smith arrived.` may be someone
    /// else, so it adds nothing; nor does a description next to a sentence that names anyone else.
    mutating func addDescriptions(_ paragraphs: [QuoteExtractor.Paragraph]) {
        for (p, paragraph) in paragraphs.enumerated() {
            for s in paragraph.tokens.indices where paragraph.sentenceStart[s] == s && !paragraph.quoted[s] {
                guard let (role, at, informative) = paragraph.describedRole(at: s) else { continue }
                // Whoever holds the role already (`President Bush… The president will visit…`);
                // else a description that says more than the role names the person next to it.
                guard let person = resolve(role: role, paragraph: p, token: at) ?? (informative
                        ? soleSubject(before: s, paragraph: p, paragraphs) ?? soleSubject(after: s, paragraph: p, paragraphs, role: role) : nil) else { continue }
                // The role noun stands for that person, not for an unnamed one (`unnamedSubjects`).
                referents[p].removeAll { mention in
                    if case .stranger = mention.referent { return mention.token == at }
                    return false
                }
                // At the description's first word, so "the leader" at the noun itself finds it.
                referents[p].append(Mention(token: s, referent: .entity(person), salience: .subject, sentence: s, roles: [role]))
                referents[p].sort { $0.token < $1.token }
            }
        }
    }

    /// The one person the sentence after the one at `s` names, as its subject, when the sentence
    /// before names no one (the description opens the article or follows narration). When it names
    /// two, someone introduced there in another role is not who the description is of (`The Prime
    /// Minister said… John Smith and Business Secretary Jane Doe visited`).
    func soleSubject(after s: Int, paragraph p: Int, _ paragraphs: [QuoteExtractor.Paragraph], role: String? = nil) -> Int? {
        let starts = paragraphs[p].sentenceStart
        let sentence: Range<Int>, q: Int
        if let next = (s + 1..<starts.count).first(where: { starts[$0] == $0 }) {
            (sentence, q) = (next..<((next + 1..<starts.count).first { starts[$0] == $0 } ?? starts.count), p)
        } else {
            guard p + 1 < paragraphs.count else { return nil }
            let following = paragraphs[p + 1].sentenceStart
            (sentence, q) = (0..<((1..<following.count).first { following[$0] == $0 } ?? following.count), p + 1)
        }
        return soleSubject(of: sentence, paragraph: q) ?? role.flatMap { soleSubject(of: sentence, paragraph: q, role: $0) }
    }

    /// The one person the sentence before `s` names, as its subject; nil when it names no one,
    /// someone the registry does not know, or two people. A sentence that is all quotation names
    /// no one outside it, so the one before it counts (`Bush said. "…" The president will…`).
    func soleSubject(before s: Int, paragraph p: Int, _ paragraphs: [QuoteExtractor.Paragraph]) -> Int? {
        var (q, end) = (p, s)
        for _ in 0..<3 {
            if end == 0 {
                guard q > 0 else { return nil }
                (q, end) = (q - 1, paragraphs[q - 1].tokens.count)
                guard end > 0 else { return nil }
            }
            let start = paragraphs[q].sentenceStart[end - 1]
            if referents[q].contains(where: { $0.token >= start && $0.token < end }) { return soleSubject(of: start..<end, paragraph: q) }
            guard (start..<end).allSatisfy({ paragraphs[q].quoted[$0] || paragraphs[q].kind($0) != .word }) else { return nil }
            end = start
        }
        return nil
    }

    /// The one person the tokens `range` of paragraph `q` name, as a subject, leaving out those
    /// introduced in a role other than `role`.
    func soleSubject(of range: Range<Int>, paragraph q: Int, role: String? = nil) -> Int? {
        var person: Int?
        var isSubject = false
        for mention in referents[q] where range.contains(mention.token) && (role.map { mention.roles.isEmpty || mention.roles.contains($0) } ?? true) {
            let entity: Int?
            switch mention.referent {
            case .entity(let e): entity = kind(e) == .person ? e : nil
            case .stranger: return nil
            case .pronoun(let pronoun): entity = resolve(pronoun, paragraph: q, token: mention.token)
            }
            guard let entity else { continue }
            if let person, person != entity { return nil }
            person = entity
            isSubject = isSubject || mention.salience == .subject
        }
        return isSubject ? person : nil
    }
}

extension QuoteExtractor.Paragraph {
    /// The role of `The (Ethiopian) chairman (of the Joint Chiefs of Staff) discussed…` at sentence
    /// start `s`: the role noun (and its token) and what it is of, then the sentence's verb, with no
    /// name in apposition; informative when it says more than the role (`The mayor said` does not).
    func describedRole(at s: Int) -> (role: String, at: Int, informative: Bool)? {
        guard word(s) == "the" else { return nil }
        // Past a nationality or a party (`The Ethiopian leader`).
        var r = s + 1
        while r < s + 3, kind(r) == .word, tokens[r].capitalized, QuoteExtractor.role(tokens[r].lower) == nil { r += 1 }
        guard let written = word(r), let noun = QuoteExtractor.role(written) else { return nil }
        var k = r + 1
        if word(k) == "of" {
            k += 1
            while k < tokens.count, k - s < 12, kind(k) == .mention || (kind(k) == .word && (tokens[k].capitalized || ["the", "of", "and"].contains(word(k)!))) {
                k += 1
            }
        }
        return startsPredicate(k) ? (noun, r, r > s + 1 || k > r + 1) : nil
    }

    /// A lowercase word that reads as a finite verb: a speech verb, an auxiliary, a past tense
    /// (`discussed`) or a present one (`thanks`), not a preposition or a determiner.
    func startsPredicate(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized, !Q.prepositions.contains(w), !Q.determiners.contains(w) else { return false }
        return isVerb(k) || Q.auxiliaries.contains(w) || w.hasSuffix("ed") || (w.hasSuffix("s") && !w.hasSuffix("ss"))
    }
}
