import GlossContent

// Who else a paragraph names besides the registry's entities: people introduced the way news
// introduces them, and unnamed subjects (`The father said…`). Either blocks a later pronoun, so a
// quotation gets no speaker rather than a wrong one.

extension QuoteExtractor.Speakers {
    typealias Paragraph = QuoteExtractor.Paragraph

    /// People the registry does not know, found by how news introduces them: a title or role
    /// before the name (`spokesman Tomasz Kubiak`, `Dr. Tomasz Stefaniak`), an appositive or a
    /// speech verb after it (`Tomasz Kubiak, a fire service spokesman, told`), or an
    /// affiliation (`Martin Smith of PBS`); later, the surname alone.
    static func strangers(in paragraph: Paragraph, surnames: inout Set<String>) -> [(token: Int, referent: Referent)] {
        let t = paragraph.tokens
        var found: [(token: Int, referent: Referent)] = []
        var k = 0
        while k < t.count {
            guard !paragraph.quoted[k], t[k].kind == .word, t[k].capitalized else { k += 1; continue }
            var end = k
            while end < t.count, !paragraph.quoted[end], t[end].kind == .word,
                  t[end].capitalized || (end > k && particles.contains(t[end].lower) && end + 1 < t.count && t[end + 1].capitalized) {
                end += 1
            }
            defer { k = max(end, k + 1) }
            var start = k
            var titled = false
            var gender = EntityProfile.Gender.unknown
            while start < end {
                let written = paragraph.text(start)
                if let male = NameWords.honorifics[written.trimmingTrailingDot] {
                    titled = true
                    if let male { gender = male ? .male : .female }
                } else if NameWords.roles.contains(written) || NameWords.peerage.contains(written) {
                    titled = true
                } else if !(NameWords.openers.contains(written) || NameWords.calendar.contains(written) || NameWords.isPlace(written)) {
                    break
                }
                start += 1
            }
            // `Senate Majority Whip John Cornyn`: a title the lists lack, before a given name.
            if end - start > 2, let given = (start..<(end - 1)).last(where: { NameWords.givenNameGender[paragraph.text($0)] != nil }), given > start {
                start = given
                titled = true
            }
            let count = end - start
            guard count > 0, count <= 4 else { continue }
            if NameWords.institutions.contains(paragraph.text(end - 1)) || NameWords.institutions.contains(paragraph.text(start)) { continue }
            if start > 0, QuoteExtractor.titleWords.contains(t[start - 1].lower), !t[start - 1].capitalized, !QuoteExtractor.determiners.contains(t[start - 1].lower) {
                titled = true
            }
            // `his wife, Sandra,`, `his wife Sandra`: a name in apposition to a noun that says who, and their sex.
            let noun = start >= 2 && t[start - 1].kind == .comma ? start - 2 : start - 1
            if start == k, noun >= 0, !t[noun].capitalized, let sex = personGender[t[noun].lower] {
                titled = true
                if gender == .unknown { gender = sex }
            }
            // `the Supreme Leader of Iran`: a capitalised title after "the" names no one by itself.
            if !titled, start == k, paragraph.word(start - 1) == "the" { continue }
            let introduced = titled || paragraph.isVerb(start - 1) || follows(paragraph, end) || isAppositive(paragraph, start, end)
                || (count <= 3 && isPersonName(paragraph, start) && (paragraph.kind(end) == .comma || actsNext(paragraph, end)))
            let known = count == 1 && surnames.contains(paragraph.text(start))
            guard (count >= 2 && introduced) || (count == 1 && (titled || known || speaksFirst(paragraph, start))) else { continue }
            surnames.insert(paragraph.text(end - 1))
            if gender == .unknown, count >= 2, let male = NameWords.givenNameGender[paragraph.text(start)] { gender = male ? .male : .female }
            found.append((end - 1, .stranger(gender)))
        }
        return found
    }

    /// A sentence whose subject is a person left unnamed (`One of the victims decided…`,
    /// `The father said…`): "she" in the next sentence is that person, not someone named earlier.
    static func unnamedSubjects(in paragraph: Paragraph) -> [(token: Int, referent: Referent)] {
        let t = paragraph.tokens
        var found: [(token: Int, referent: Referent)] = []
        for k in t.indices where paragraph.sentenceStart[k] == k && !paragraph.quoted[k] {
            var j = k
            // Past the organisation the person speaks for (`A Labour spokesman said`).
            while j < t.count, j - k < 6, t[j].kind == .word || (t[j].kind == .mention && !t[j].possessive), !paragraph.isVerb(j) {
                if t[j].kind == .word, personNouns.contains(t[j].lower) {
                    // The noun must head the subject: a verb (or "of the …" then a verb) follows.
                    var next = j + 1
                    if paragraph.word(next) == "of" { next += 1; while next < t.count, next - j < 5, t[next].kind == .word, !paragraph.isVerb(next), !["was", "is", "had", "has"].contains(t[next].lower), !(t[next].lower.hasSuffix("ed")) { next += 1 } }
                    if next < t.count, t[next].kind == .word, !t[next].capitalized, !QuoteExtractor.prepositions.contains(t[next].lower) {
                        found.append((j, .stranger(personGender[t[j].lower] ?? .unknown)))
                    }
                    break
                }
                j += 1
            }
        }
        return found
    }

    static let personNouns: Set<String> = [
        "man", "woman", "boy", "girl", "child", "victim", "victims", "official", "spokesman", "spokeswoman",
        "spokesperson", "officer", "witness", "eyewitness", "resident", "judge", "prosecutor", "lawyer", "doctor",
        "nurse", "teacher", "student", "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister",
        "aunt", "uncle", "actress", "actor", "singer", "player", "coach", "captain", "driver", "pilot", "passenger",
        "survivor", "protester", "activist", "expert", "analyst", "scientist", "researcher", "professor", "author",
        "writer", "candidate", "member", "one", "commissioner", "president", "minister", "leader", "chairman",
        "director", "governor", "mayor", "source", "attendee", "fan", "neighbour", "neighbor", "friend", "partner",
        "secretary", "chairwoman", "chair", "chief", "head", "boss", "adviser", "advisor", "aide", "campaigner",
    ]
    static let personGender: [String: EntityProfile.Gender] = [
        "man": .male, "boy": .male, "father": .male, "son": .male, "husband": .male, "brother": .male, "uncle": .male,
        "spokesman": .male, "actor": .male, "chairman": .male, "woman": .female, "girl": .female, "mother": .female,
        "daughter": .female, "wife": .female, "sister": .female, "aunt": .female, "actress": .female, "spokeswoman": .female,
    ]

    /// What follows a name that introduces a person: a speech verb, `, a/an/the …` or `, 54,`,
    /// or `of` and an organisation.
    static func follows(_ paragraph: Paragraph, _ end: Int) -> Bool {
        let t = paragraph.tokens
        guard end < t.count else { return false }
        if paragraph.isVerb(end) { return true }
        if t[end].kind == .comma, end + 1 < t.count {
            if let w = paragraph.word(end + 1), QuoteExtractor.determiners.contains(w) || w.first?.isNumber == true || !t[end + 1].capitalized && QuoteExtractor.titleWords.contains(w) { return true }
            // `Bob Russell, MP for Colchester,`, `Jane Roe, Minister for Schools,`.
            if t[end + 1].kind == .word, NameWords.postNominals.contains(paragraph.text(end + 1)) || NameWords.roles.contains(paragraph.text(end + 1)) { return true }
        }
        // `Bob Russell (Lib Dem)`, `Jane Roe (Lab, Leeds)`: the party in brackets, as reports of debates write it.
        if t[end].kind == .openParen, paragraph.isName(end + 1),
           let close = ((end + 1)..<min(t.count, end + 6)).first(where: { t[$0].kind == .closeParen }), close > end + 1 {
            return true
        }
        if paragraph.word(end) == "of", end + 1 < t.count {
            let next = paragraph.word(end + 1) == "the" ? end + 2 : end + 1
            return next < t.count && paragraph.isName(next)
        }
        return false
    }

    /// A name that reads as a person's whatever follows it: a given name that is nearly always one
    /// sex's (`Bill Blasio`, `John Archer, wearing a T-shirt, said`), or a surname's particle
    /// (`De Blasio`, `Van Hollen`).
    static func isPersonName(_ paragraph: Paragraph, _ start: Int) -> Bool {
        NameWords.givenNameGender[paragraph.text(start)] != nil || particles.contains(paragraph.tokens[start].lower)
    }

    /// A past-tense verb after a name, an adverb or two before it (`De Blasio also repeated his
    /// claim`): the name is the subject of a clause, someone "his" may stand for.
    static func actsNext(_ paragraph: Paragraph, _ end: Int) -> Bool {
        let t = paragraph.tokens
        var j = end
        while j < t.count, j - end < 2, t[j].kind == .word, !t[j].capitalized, QuoteExtractor.adverbs.contains(t[j].lower) || t[j].lower.hasSuffix("ly") { j += 1 }
        guard j < t.count, t[j].kind == .word, !t[j].capitalized else { return false }
        return paragraph.isVerb(j) || paragraph.looksPastTense(j)
    }

    /// A lone capitalised word that opens its sentence and speaks, past a short aside
    /// (`Humphrey, for example, said he was hopeful`, `Groberg concluded that`): someone named
    /// by surname alone, whom a later "he" may mean (not one who asks: see `tellsOwnWords`).
    static func speaksFirst(_ paragraph: Paragraph, _ k: Int) -> Bool {
        guard paragraph.sentenceStart[k] == k || ["but", "and"].contains(paragraph.word(k - 1) ?? "") else { return false }
        if paragraph.isVerb(k + 1) { return paragraph.tellsOwnWords(k + 1) }
        guard paragraph.kind(k + 1) == .comma, let close = ((k + 2)..<min(paragraph.tokens.count, k + 6)).first(where: { paragraph.kind($0) == .comma }) else { return false }
        return paragraph.tellsOwnWords(close + 1)
    }

    /// `Mr Smith's deputy, Bob Russell, said`: a name set off by commas right after a common noun.
    static func isAppositive(_ paragraph: Paragraph, _ start: Int, _ end: Int) -> Bool {
        let t = paragraph.tokens
        guard start >= 2, end < t.count, t[start - 1].kind == .comma, t[end].kind == .comma, t[start - 2].kind == .word else { return false }
        let noun = t[start - 2]
        return !noun.capitalized && !paragraph.isVerb(start - 2) && !QuoteExtractor.prepositions.contains(noun.lower) && !["and", "or", "but"].contains(noun.lower)
    }

    static let particles: Set<String> = ["de", "van", "von", "der", "al", "bin", "ibn", "la", "le", "da", "di", "del", "dos", "du"]
}
