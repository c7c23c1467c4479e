// A definite description as a sentence's subject, right after a sentence about one person:
// `Army Gen. Martin E. Dempsey said… The chairman of the Joint Chiefs of Staff discussed…`. News
// names a person's role so, once, and then writes "the chairman said".

extension QuoteExtractor.Speakers {
    /// Adds, for each sentence whose subject is `The <role> (of …)` and names no one, a mention of
    /// the person the sentence before it was about, in that role: a later "the chairman said" (and
    /// "he said") then means them. Nothing is added when that sentence names anyone else.
    mutating func addDescriptions(_ paragraphs: [QuoteExtractor.Paragraph]) {
        for (p, paragraph) in paragraphs.enumerated() {
            for s in paragraph.tokens.indices where paragraph.sentenceStart[s] == s && !paragraph.quoted[s] {
                guard let role = paragraph.describedRole(at: s), let person = soleSubject(before: s, paragraph: p, paragraphs) else { continue }
                // The role noun stands for that person, not for an unnamed one (`unnamedSubjects`).
                referents[p].removeAll { mention in
                    if case .stranger = mention.referent { return mention.token == s + 1 }
                    return false
                }
                referents[p].append(Mention(token: s + 1, referent: .entity(person), salience: .subject, sentence: s, roles: [role]))
                referents[p].sort { $0.token < $1.token }
            }
        }
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

    /// The one person the tokens `range` of paragraph `q` name, as a subject.
    func soleSubject(of range: Range<Int>, paragraph q: Int) -> Int? {
        var person: Int?
        var isSubject = false
        for mention in referents[q] where range.contains(mention.token) {
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
    /// The role of `The chairman (of the Joint Chiefs of Staff) discussed…` at sentence start `s`:
    /// the role noun and what it is of, then the sentence's verb, with no name in apposition.
    func describedRole(at s: Int) -> String? {
        guard word(s) == "the", let noun = word(s + 1), QuoteExtractor.roleNouns.contains(noun) else { return nil }
        var k = s + 2
        if word(k) == "of" {
            k += 1
            while k < tokens.count, k - s < 12, kind(k) == .mention || (kind(k) == .word && (tokens[k].capitalized || ["the", "of", "and"].contains(word(k)!))) {
                k += 1
            }
        }
        return startsPredicate(k) ? noun : nil
    }

    /// A lowercase word that reads as a finite verb: a speech verb, an auxiliary, a past tense
    /// (`discussed`) or a present one (`thanks`), not a preposition or a determiner.
    func startsPredicate(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized, !Q.prepositions.contains(w), !Q.determiners.contains(w) else { return false }
        return isVerb(k) || Q.auxiliaries.contains(w) || w.hasSuffix("ed") || (w.hasSuffix("s") && !w.hasSuffix("ss"))
    }
}
