/// The words on either side of a match, read from UTF-8 bytes without building the whole text as a
/// String: only the one or two words next to a match are ever decoded.
struct WordsAround {
    let text: [UInt8]

    struct Word {
        var range: Range<Int>
        /// As written, apostrophes and a final full stop included.
        var text: String
        /// Without a possessive ending or a final full stop: the form looked up in word lists.
        var bare: String
        var capitalised: Bool
        /// Ends in 's (`Japan's`); a plural possessive (`Fishmongers'`) is a name part, not this.
        var possessive: Bool
        var isNumber: Bool
        var isAcronym: Bool
        var hyphenParts: [Substring] { bare.split(separator: "-") }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }

    /// The word just before `index`, when only spaces separate them.
    func previous(_ index: Int) -> Word? { previousRange(index).flatMap(word) }

    /// The word just after `index`, when only spaces separate them.
    func next(_ index: Int) -> Word? { nextRange(index).flatMap(word) }

    /// Whether the word in `range` starts with a capital, read from its first byte: most words next
    /// to a name do not, and are then never decoded.
    func startsCapitalised(_ range: Range<Int>) -> Bool {
        var lower = range.lowerBound
        while lower < range.upperBound, text[lower] < 0x80, !isASCIIWord(text[lower]) { lower += 1 }
        guard lower < range.upperBound else { return false }
        if text[lower] < 0x80 { return (0x41...0x5A).contains(text[lower]) }
        return word(range)?.capitalised == true
    }

    /// Whether the word in `range`, without a final full stop or possessive, is one of `words`
    /// (lowercase ASCII lists).
    func isOne(of words: Set<String>, _ range: Range<Int>) -> Bool {
        var upper = range.upperBound
        if upper > range.lowerBound, text[upper - 1] == 0x2E { upper -= 1 }
        if upper - range.lowerBound > 2, text[upper - 1] == 0x73, text[upper - 2] == 0x27 { upper -= 2 }
        if upper - range.lowerBound > 4, text[upper - 1] == 0x73, isCurlyApostrophe(at: upper - 4) { upper -= 4 }
        guard upper > range.lowerBound, (0x61...0x7A).contains(text[range.lowerBound]) else { return false }
        return words.contains(string(range.lowerBound..<upper))
    }

    /// The range of the word just before `index`, when only spaces separate them and no full stop
    /// ends a sentence between.
    func previousRange(_ index: Int) -> Range<Int>? {
        var end = index
        var spaced = false
        while end > 0 {
            if text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1; spaced = true }
            else if end >= 2, text[end - 2] == 0xC2, text[end - 1] == 0xA0 { end -= 2; spaced = true }
            else { break }
        }
        guard spaced, end > 0 else { return nil }
        var start = end
        while start > 0 {
            let byte = text[start - 1]
            if byte < 0x80 {
                guard isASCIIWord(byte) || byte == 0x2E || byte == 0x27 || byte == 0x2D || byte == 0x26 else { break }
                start -= 1
            } else {
                var lead = start - 1
                while lead > 0, text[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard isWordScalar(at: lead) || isCurlyApostrophe(at: lead) else { break }
                start = lead
            }
        }
        // A full stop ends the sentence unless it ends an abbreviation or an initial (`Mr.`, `R.`).
        if text[end - 1] == 0x2E, let token = previousToken(end - 1),
           !(token.count == 1 || NameWords.abbreviations.contains(token.lowercased())) {
            return nil
        }
        return start..<end
    }

    /// The range of the word just after `index`, when only spaces separate them.
    func nextRange(_ index: Int) -> Range<Int>? {
        var start = index
        var spaced = false
        while start < text.count {
            if text[start] == 0x20 || text[start] == 0x09 { start += 1; spaced = true }
            else if start + 1 < text.count, text[start] == 0xC2, text[start + 1] == 0xA0 { start += 2; spaced = true }
            else { break }
        }
        guard spaced else { return nil }
        let end = wordEnd(from: start)
        return start < end ? start..<end : nil
    }

    /// Whether the word in `range` is said twice around a linking word (`Day after Day`, `King to
    /// King`, `Step by Step`): an idiom or a title, not a surname, whatever its capitals.
    /// Nothing is decoded unless a linking word is next to the match (rarely): this runs on most
    /// surname matches.
    func isReduplicated(_ range: Range<Int>) -> Bool {
        let same = { (other: Range<Int>) in string(other).trimmingTrailingDot.lowercased() == string(range).lowercased() }
        if let link = nextRange(range.upperBound), isOne(of: Self.reduplicationLinks, link),
           let other = nextRange(link.upperBound), same(other) { return true }
        if let link = previousRange(range.lowerBound), isOne(of: Self.reduplicationLinks, link),
           let other = previousRange(link.lowerBound), same(other) { return true }
        return false
    }

    static let reduplicationLinks: Set<String> = ["after", "by", "to", "upon", "for"]

    /// The other part of a hyphenated compound the match belongs to, if any.
    func hyphenated(_ range: Range<Int>) -> Word? {
        if range.upperBound + 1 < text.count, text[range.upperBound] == 0x2D, isWordStart(range.upperBound + 1) {
            return word((range.upperBound + 1)..<wordEnd(from: range.upperBound + 1, hyphens: false))
        }
        if range.lowerBound >= 2, text[range.lowerBound - 1] == 0x2D, isWordByte(before: range.lowerBound - 1) {
            var start = range.lowerBound - 1
            while start > 0, isWordByte(before: start) { start -= 1; while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 } }
            return word(start..<(range.lowerBound - 1))
        }
        return nil
    }

    /// After a name: a possessive, a comma, or a verb a singular subject takes (`said`, `was`,
    /// `met`, `dined`); not `were`, `are` or a noun.
    func isFollowedByNameGrammar(_ index: Int) -> Bool {
        guard index < text.count else { return false }
        if text[index] == 0x2C { return true }
        if text[index] == 0x27 || isCurlyApostrophe(at: index) { return true }
        guard let next = next(index), !next.capitalised else { return false }
        let w = next.bare
        return Self.singularVerbs.contains(w) || (w.count > 3 && w.hasSuffix("ed"))
    }

    /// A comma or a verb after `index`: name grammar without the possessive, which follows a name
    /// in a question too (`Will Brown's plan work?`).
    func isFollowedByVerbOrComma(_ index: Int) -> Bool {
        index < text.count && text[index] != 0x27 && !isCurlyApostrophe(at: index) && isFollowedByNameGrammar(index)
    }

    /// Whether the word after a capitalised word at `index` makes it an ordinary word opening the
    /// sentence: a preposition (`Short of cash`) or a gerund (`Fox hunting`), which never follow a
    /// surname that is the subject.
    func isFollowedByWordGrammar(_ index: Int) -> Bool {
        guard index < text.count, text[index] == 0x20, let next = next(index), !next.capitalised else { return false }
        let w = next.bare
        if Self.prepositions.contains(w) || (w.count > 5 && w.hasSuffix("ing") && !Self.singularVerbs.contains(w)) { return true }
        // A plural verb straight after it (`Jobs were cut`): no one person is its subject.
        if Self.pluralVerbs.contains(next.text) { return true }
        // A plural noun the plural verb after it agrees with (`Brown envelopes were`, `Straw polls
        // are`): the surname opens a noun phrase; unless the noun is the people around the person
        // (`Brown allies are`). (`Brown says` is followed by a clause, not by these.)
        guard w.count > 3, w.hasSuffix("s"), !Self.singularVerbs.contains(w), !NameWords.circleNouns.contains(w), next.text == w,
              let after = self.next(next.range.upperBound) else { return false }
        return Self.pluralVerbs.contains(after.text)
    }

    /// After a surname opening a sentence, a lowercase word that is no verb, adverb or conjunction
    /// (`Brown rice is healthy`, `King prawns`): the surname is an ordinary word opening a noun phrase.
    func isFollowedByNoun(_ index: Int) -> Bool {
        guard index < text.count, text[index] == 0x20, let next = next(index), !next.capitalised, !next.isNumber else { return false }
        let w = next.bare
        guard w.allSatisfy({ $0.isLetter }) else { return false }
        return !(Self.singularVerbs.contains(w) || Self.pastTenses.contains(w) || Self.linkingWords.contains(w)
                 || (w.count > 3 && (w.hasSuffix("ed") || w.hasSuffix("ly"))) || (w.count > 2 && w.hasSuffix("s")))
    }

    /// Irregular past tenses a subject may take (`Brown rose`, `Blair quit`).
    static let pastTenses: Set<String> = [
        "arose", "awoke", "bore", "beat", "bent", "bet", "bit", "bled", "blew", "broke", "built", "burnt", "burst", "caught",
        "chose", "cost", "crept", "cut", "dealt", "dug", "drew", "dreamt", "drank", "drove", "ate", "fell", "fed", "fought",
        "fled", "flew", "forbade", "forgot", "forgave", "froze", "grew", "hung", "heard", "hid", "hit", "hurt", "knelt",
        "laid", "lay", "leant", "leapt", "learnt", "lent", "let", "lit", "meant", "quit", "read", "rode", "rang", "rose",
        "sought", "sold", "shook", "shone", "shot", "showed", "shut", "sang", "sank", "sat", "slept", "slid", "spent",
        "spun", "split", "spread", "sprang", "stood", "stole", "stuck", "struck", "strove", "swore", "swept", "swam",
        "swung", "taught", "tore", "threw", "understood", "woke", "wore", "wept", "withdrew", "undertook", "underwent",
        "overcame", "oversaw", "overtook", "foresaw", "withheld", "upheld", "mistook", "misled", "rebuilt", "rewrote",
    ]

    /// Adverbs and conjunctions that may follow a sentence's subject (`Brown and Blair`, `Brown now
    /// says`), besides the verbs and words of `singularVerbs`.
    static let linkingWords: Set<String> = [
        "and", "or", "nor", "but", "too", "now", "first", "still", "never", "always", "once", "again", "alone",
        "only", "even", "however", "though", "itself", "themselves", "soon", "often", "already", "yet", "just", "ever",
        "rarely", "seldom", "instead", "meanwhile", "today", "yesterday", "tonight", "here", "there", "not", "shall",
    ]

    static let pluralVerbs: Set<String> = ["are", "were", "have", "remain", "do"]

    static let prepositions: Set<String> = ["of", "in", "on", "at", "for", "from", "with", "into", "than", "by", "about", "per"]

    static let singularVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "was", "is", "has", "had", "will", "would", "could", "can",
        "did", "does", "may", "might", "must", "should", "met", "left", "went", "came", "took", "gave", "got", "made",
        "saw", "spoke", "wrote", "won", "lost", "ran", "led", "held", "became", "began", "sent", "set", "put", "kept",
        "paid", "thought", "knew", "found", "felt", "brought", "bought", "wants", "plans", "hopes", "believes",
        "thinks", "needs", "seeks", "also", "himself", "herself", "then", "later", "who", "insists", "argues", "warns",
    ]

    /// A firm's name of two names joined by an ampersand (`Smith & Wesson`, `Marks & Spencer`).
    func isJoinedByAmpersand(_ range: Range<Int>) -> Bool {
        let after = range.upperBound
        if after + 3 < text.count, text[after] == 0x20, text[after + 1] == 0x26, text[after + 2] == 0x20, next(after + 2)?.capitalised == true {
            return true
        }
        let before = range.lowerBound
        return before >= 4 && text[before - 1] == 0x20 && text[before - 2] == 0x26 && text[before - 3] == 0x20 && previous(before - 2)?.capitalised == true
    }

    /// Subject pronouns: after a sentence's first word they make it a question's verb (`May I ask?`).
    static let subjectPronouns: Set<String> = ["I", "we", "you", "he", "she", "it", "they"]

    /// An organisation named after someone: the name's possessive and an institution's word
    /// (`King's College`, `St Thomas' Hospital`).
    func isPossessiveOfInstitution(_ range: Range<Int>) -> Bool {
        var k = range.upperBound
        if k < text.count, text[k] == 0x27 { k += 1 } else if isCurlyApostrophe(at: k) { k += 3 } else { return false }
        if k < text.count, text[k] == 0x73 { k += 1 }
        guard let next = next(k) else { return false }
        return Self.namedAfterSomeone.contains(next.bare)
    }

    /// Places and bodies named with someone's possessive; not what a person owns or runs
    /// (`Biden's Twitter account`, `Brown's Budget`).
    static let namedAfterSomeone: Set<String> = [
        "College", "School", "University", "Academy", "Institute", "Hospital", "Church", "Cathedral", "Chapel", "Abbey",
        "Hall", "Road", "Street", "Square", "Park", "Cross", "Lynn", "Island", "Bay", "Inn",
    ]

    /// The whole proper name around `range`: neighbouring capitalised words and hyphenated parts,
    /// without titles or sentence openers. For reports only.
    func nameAround(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        if let part = hyphenated(lower..<upper) { lower = min(lower, part.range.lowerBound); upper = max(upper, part.range.upperBound) }
        for _ in 0..<4 {
            guard let word = previous(lower), word.capitalised, !word.possessive, !NameWords.openers.contains(word.bare),
                  !NameWords.roles.contains(word.bare), NameWords.honorifics[word.bare] == nil else { break }
            lower = word.range.lowerBound
        }
        for _ in 0..<4 {
            guard let word = next(upper), word.capitalised, !NameWords.calendar.contains(word.bare) else { break }
            upper = word.range.upperBound
            // A full stop after it ends the sentence, unless it ends an initial or an abbreviation (`Jr.`).
            if word.text.hasSuffix("."), word.bare.count > 1, !NameWords.abbreviations.contains(word.bare.lowercased()) { break }
        }
        return lower..<upper
    }

    /// True at the start of the block or of a sentence, or just inside an opening quotation mark or bracket.
    func startsSentence(_ index: Int) -> Bool {
        var i = index
        while i > 0, text[i - 1] == 0x20 || text[i - 1] == 0x09 || text[i - 1] == 0x0A { i -= 1 }
        guard i > 0 else { return true }
        let byte = text[i - 1]
        if byte == 0x28 || byte == 0x5B { return true }                                             // ( [
        if i >= 3, text[i - 3] == 0xE2, text[i - 2] == 0x80, text[i - 1] == 0x9C || text[i - 1] == 0x98 { return true }  // “ ‘
        var end = i
        if byte == 0x22 {                                                                           // "
            if i == 1 || text[i - 2] == 0x20 || text[i - 2] == 0x28 { return true }                // opening
            end = i - 1                                                                             // closing: look before it
        } else if i >= 3, text[i - 3] == 0xE2, text[i - 2] == 0x80, text[i - 1] == 0x9D {          // ”
            end = i - 3
        }
        guard end > 0 else { return true }
        switch text[end - 1] {
        case 0x21, 0x3F: return true
        case 0x2E:
            guard let before = previousToken(end - 1) else { return true }
            return !(before.count == 1 || NameWords.abbreviations.contains(before.lowercased()))
        default: return false
        }
    }

    /// The letters right before a full stop at `index` ("Mr" of "Mr.", "U.S" of "U.S.").
    func previousToken(_ index: Int) -> String? {
        var start = index
        while start > 0, isASCIIWord(text[start - 1]) || text[start - 1] == 0x2E { start -= 1 }
        return start < index ? string(start..<index) : nil
    }

    func word(_ range: Range<Int>) -> Word? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower] < 0x80, !isASCIIWord(text[lower]) { lower += 1 }
        guard lower < upper else { return nil }
        let written = string(lower..<upper)
        var bare = written
        var possessive = false
        for suffix in ["'s", "’s"] where bare.hasSuffix(suffix) && bare.count > 2 { bare.removeLast(2); possessive = true }
        while let last = bare.last, last == "." || last == "-" || last == "'" || last == "&" { bare.removeLast() }
        var letters = 0, capitals = 0
        let capitalised: Bool, isNumber: Bool
        // Most words are ASCII: their bytes say it all, without Unicode's property tables (which
        // were a percent of a large build's CPU).
        if bare.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in bare.utf8 where (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                letters += 1
                if byte <= 0x5A { capitals += 1 }
            }
            let first = bare.utf8.first ?? 0
            (capitalised, isNumber) = ((0x41...0x5A).contains(first), (0x30...0x39).contains(first))
        } else {
            for scalar in bare.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { capitals += 1 }
            }
            (capitalised, isNumber) = (bare.first?.isUppercase == true, bare.first?.isNumber == true)
        }
        return Word(range: lower..<upper, text: written, bare: bare, capitalised: capitalised, possessive: possessive,
                    isNumber: isNumber, isAcronym: letters >= 2 && capitals == letters)
    }

    func wordEnd(from start: Int, hyphens: Bool = true) -> Int {
        var end = start
        while end < text.count {
            let byte = text[end]
            if byte < 0x80 {
                if isASCIIWord(byte) || byte == 0x26 || (hyphens && byte == 0x2D) { end += 1; continue }
                // An apostrophe or full stop stays inside a word only before another letter (`O'Neill`, `U.S`).
                if (byte == 0x27 || byte == 0x2E), end + 1 < text.count, isWordStart(end + 1) { end += 1; continue }
                if byte == 0x2E { end += 1 }  // keep an abbreviation's stop: `Jr.`, `Mr.`
                break
            }
            if isCurlyApostrophe(at: end), end + 3 < text.count, isWordStart(end + 3) { end += 3; continue }
            guard isWordScalar(at: end) else { break }
            end += 1
            while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        }
        return end
    }

    func isASCIIWord(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    func isWordStart(_ index: Int) -> Bool {
        index < text.count && (text[index] < 0x80 ? isASCIIWord(text[index]) : isWordScalar(at: index))
    }

    func isWordByte(before index: Int) -> Bool {
        guard index > 0 else { return false }
        var lead = index - 1
        while lead > 0, text[lead] & 0xC0 == 0x80 { lead -= 1 }
        return text[lead] < 0x80 ? isASCIIWord(text[lead]) : isWordScalar(at: lead)
    }

    /// Non-ASCII scalars are letters unless they are spaces, quotation marks, dashes or other
    /// punctuation of the General Punctuation block or Latin-1 (the ones news text uses).
    func isWordScalar(at index: Int) -> Bool {
        let byte = text[index]
        if byte == 0xE2, index + 1 < text.count, text[index + 1] == 0x80 || text[index + 1] == 0x81 { return false }
        if byte == 0xC2, index + 1 < text.count, text[index + 1] < 0xC0 { return false }
        if byte == 0xE3, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] < 0x84 { return false }
        return byte >= 0xC3
    }

    func isCurlyApostrophe(at index: Int) -> Bool {
        index + 2 < text.count && text[index] == 0xE2 && text[index + 1] == 0x80 && text[index + 2] == 0x99
    }
}
