// The part a word plays next to a name, for reading a speaker's name and titles: a modifier
// (`US President`, `Dr.`), a description (`fashion designer`), an adjective, a time phrase.

extension QuoteExtractor.Paragraph {
    /// A name or word that owns the next: `UK's`, `Argentina’s`.
    func isPossessive(_ k: Int) -> Bool {
        guard let kind = kind(k) else { return false }
        if kind == .mention { return tokens[k].possessive }
        guard let w = word(k) else { return false }
        return w.hasSuffix("'s") || w.hasSuffix("’s")
    }

    /// A title word or a name that modifies the next (`US President`, `Huber's`, `NASA`).
    func isModifier(_ k: Int) -> Bool {
        switch tokens[k].kind {
        case .other:
            // The full stop of an abbreviated title before a name (`said Dr. Livermore`).
            return isAbbreviationDot(k) && isName(k + 1)
        case .mention:
            return tokens[k].possessive || (k + 1 < tokens.count && (isName(k + 1) || Q.titleWords.contains(word(k + 1) ?? "")))
        case .word:
            let w = tokens[k].lower
            if w == "of" || w == "for" { return k > 0 && (isName(k - 1) || Q.titleWords.contains(word(k - 1) ?? "")) && isName(k + 1) }
            guard !isVerb(k), Q.pronouns[w] == nil, !Q.notTitles.contains(w), !Q.prepositions.contains(w) else { return false }
            if tokens[k].capitalized {
                // A capitalised word followed by a name is a title or a first name: either way, read on.
                return k + 1 < tokens.count && (isName(k + 1) || Q.titleWords.contains(word(k + 1) ?? "")
                                                 || (isAbbreviationDot(k + 1) && isName(k + 2))
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

    /// A full stop that the tokeniser kept inside a sentence, after an abbreviation (`Dr.`, `Gen.`).
    func isAbbreviationDot(_ k: Int) -> Bool {
        kind(k) == .other && k > 0 && kind(k - 1) == .word && tokens[k - 1].range.upperBound == tokens[k].range.lowerBound
            && bytes[tokens[k].range.lowerBound] == UInt8(ascii: ".")
    }

    /// A past participle right after a common noun, describing it: `a statement posted to her account`.
    func describesNoun(_ k: Int) -> Bool {
        guard let w = word(k), w.hasSuffix("ed"), let before = word(k - 1), !tokens[k - 1].capitalized else { return false }
        return !(Q.pronouns[before] != nil || Q.notTitles.contains(before) || ["and", "or", "but", "who", "that", "which"].contains(before))
    }

    /// A verb form used as an adjective: `May's proposed Brexit deal`.
    func isAdjective(_ k: Int) -> Bool {
        k > 0 && (Q.determiners.contains(word(k - 1) ?? "") || isPossessive(k - 1))
    }

    /// A lowercase word that can describe a person before their name (`fashion designer`,
    /// `assistant coach`): not a verb, an auxiliary, a preposition or a pronoun.
    func isDescriptive(_ k: Int) -> Bool {
        guard let w = word(k), !tokens[k].capitalized else { return false }
        if isVerb(k) || Q.prepositions.contains(w) || Q.clauseOpeners.contains(w) || Q.notTitles.contains(w) || Q.pronouns[w] != nil
            || Q.auxiliaries.contains(w) || ["met", "made", "took", "gave", "got", "went", "came", "saw", "left"].contains(w) {
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
            // The place of a title: `Chancellor of the Exchequer Gordon Brown`, `Secretary of State for Scotland X`.
            if ["of", "for", "to"].contains(w), k > segment.lowerBound, isName(k - 1),
               isName(k + 1) || (word(k + 1) == "the" && isName(k + 2)) { return true }
            return !(isVerb(k) || Q.prepositions.contains(w) || Q.pronouns[w] != nil || Q.notTitles.contains(w)
                     || Q.beForms.contains(w) || ["has", "had", "who", "which", "that"].contains(w)
                     // `Mr Blair's critics, including Mr Howard, say`: one of a group, not the subject.
                     || ["including", "excluding", "notably", "especially", "particularly", "such", "like"].contains(w))
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
}
