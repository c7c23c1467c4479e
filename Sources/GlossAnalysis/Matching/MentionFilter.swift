import GlossContent

/// What the mention rules need to know about an entity, worked out once per registry.
public struct EntityProfile: Sendable, Hashable {
    public enum Gender: Sendable, Hashable { case male, female, unknown }

    public var kind: Entity.Kind
    /// From the entity's `pronoun`, else from an honorific in its names (`Mr Smith` → male).
    public var gender: Gender
    /// Titles of rank its own names carry ("Lord" for an alias "Lord Carloway").
    var titles: Set<String>
    /// The words of its name, lowercased: "the party said" may refer back to the Labour Party.
    var nameWords: Set<String>
    /// One of its names is a month or a day (`May`): such a match may be a date.
    var calendarName: Bool
    /// UTF-8 length of its name, to tell a match on the name from one on a short alias cheaply.
    var nameLength: Int

    init(_ entity: Entity) {
        kind = entity.kind
        var titles: Set<String> = []
        var gender = Gender.unknown
        for alias in entity.surfaceForms where alias.text.contains(" ") {
            guard let first = alias.text.split(separator: " ").first.map({ String($0).trimmingTrailingDot }) else { continue }
            if NameWords.peerage.contains(first) { titles.insert(first) }
            if let male = NameWords.honorifics[first] ?? nil { gender = male ? .male : .female }
        }
        switch entity.pronoun {
        case "he": gender = .male
        case "she": gender = .female
        case "they": gender = .unknown
        default: break
        }
        self.gender = gender
        self.titles = titles
        nameWords = Set(entity.name.lowercased().split(separator: " ").map(String.init))
        calendarName = entity.surfaceForms.contains { NameWords.calendar.contains($0.text) }
        nameLength = entity.name.utf8.count
    }
}

/// Which matches of the registry's automaton are mentions of their entity: the one rule behind
/// links, mention counts, quote speakers and `gloss import`. A match is not a mention when it is
/// part of a longer proper name (`Jane Smith`, `Sir Ian Smith`, `Lord Smith`, `Smith-Wells`,
/// `Smith Jones`, `Mrs Smith` for a man), when it is an ordinary word (`in May`, a sentence that
/// starts with `Jobs` before the document has mentioned Steve Jobs, `the Kennedy family`), or when
/// a surname alone has become ambiguous here (a Kerry Lee was named and the registered Lee was not).
/// One instance reads one document, block by block, in order; each decision looks only at the
/// words next to a match, so the cost is linear in the text and small next to the scan.
public struct MentionFilter {
    /// A match rejected because it sits inside a longer name: `gloss check` lists these so an editor
    /// can register that person or declare the alias ambiguous.
    public struct NearMiss: Sendable, Hashable {
        public var match: EntityMatch
        /// UTF-8 range of the longer name in the same text.
        public var name: Range<Int>
    }

    public struct Verdict {
        public var mentions: [EntityMatch] = []
        public var nearMisses: [NearMiss] = []
        /// Matches of aliases the registry declares ambiguous: never mentions, reported.
        public var ambiguous: [EntityMatch] = []
    }

    let registry: EntityRegistry
    /// Entities mentioned so far in this document, and those named by a full form.
    var established: Set<Int> = []
    var namedInFull: Set<Int> = []
    /// Words seen inside other names in this document ("Lee" once "Kerry Lee" was read).
    var contested: Set<String> = []

    public init(registry: EntityRegistry) {
        self.registry = registry
        established.reserveCapacity(16)
        namedInFull.reserveCapacity(16)
    }

    /// Judges the `matches` (sorted, disjoint, from the registry's matcher) of one block of the document.
    /// - Parameter headline: a heading or title, where capitals are style: only hyphenated names are
    ///   judged there, and nothing is established.
    public mutating func judge(_ matches: [EntityMatch], in text: [UInt8], headline: Bool = false) -> Verdict {
        var verdict = Verdict()
        verdict.mentions.reserveCapacity(matches.count)
        let words = WordsAround(text: text)
        for (index, match) in matches.enumerated() {
            guard match.range.upperBound <= text.count, !match.range.isEmpty else { continue }
            if registry.isAmbiguous(match) {
                verdict.ambiguous.append(match)
                contested.insert(words.string(match.range))
                continue
            }
            guard match.entity >= 0, match.entity < registry.profiles.count else { continue }
            let neighbours = (index > 0 ? matches[index - 1] : nil, index + 1 < matches.count ? matches[index + 1] : nil)
            switch judge(match, neighbours: neighbours, words, headline: headline) {
            case .mention:
                verdict.mentions.append(match)
                if !headline { establish(match, words) }
            case .partOfName:
                let name = words.nameAround(match.range)
                verdict.nearMisses.append(NearMiss(match: match, name: name))
                for word in words.string(name).split(whereSeparator: { $0 == " " || $0 == "-" }) { contested.insert(String(word)) }
            case .word:
                break
            }
        }
        return verdict
    }

    enum Judgement { case mention, partOfName, word }

    /// Decides from the bytes next to the match; a neighbouring word is decoded only when it starts
    /// with a capital (or is needed for a date), so most matches cost a few byte comparisons.
    func judge(_ match: EntityMatch, neighbours: (EntityMatch?, EntityMatch?), _ words: WordsAround, headline: Bool) -> Judgement {
        let shortForm = Self.isShortForm(words.text[match.range])
        let isPerson = registry.profiles[match.entity].kind == .person

        // Hyphenated names (`Smith-Wells`); a compound of two names (`Trump-Abe`) or with a lowercase
        // word (`Trump-era`) is fine, and places and organisations compound freely (`US-Japanese`).
        if isPerson, let part = words.hyphenated(match.range), part.capitalised, !NameWords.isPlace(part.bare),
           !(neighbours.0.map { $0.range.upperBound + 1 == match.range.lowerBound } ?? false),
           !(neighbours.1.map { $0.range.lowerBound == match.range.upperBound + 1 } ?? false) {
            return .partOfName
        }
        if headline { return .mention }

        let beforeRange = words.previousRange(match.range.lowerBound)
        let afterRange = words.nextRange(match.range.upperBound)
        let capitalisedAfter = afterRange.map(words.startsCapitalised) ?? false
        // A capitalised word straight after a person's name continues it: `Smith Jones`, `Donald Trump Jr.`.
        if isPerson, capitalisedAfter, let after = afterRange.flatMap(words.word), after.capitalised,
           !NameWords.calendar.contains(after.bare), !NameWords.postNominals.contains(after.bare) {
            return .partOfName
        }
        guard shortForm else { return .mention }
        if let afterRange, !capitalisedAfter, words.isOne(of: NameWords.families, afterRange) { return .word }

        if let beforeRange, words.startsCapitalised(beforeRange), let before = words.word(beforeRange), before.capitalised,
           !isModifier(before, of: match, profile: registry.profiles[match.entity], previous: neighbours.0) {
            return .partOfName
        }
        // Months in dates: `in May`, `May 2019`, `5 May`.
        if registry.profiles[match.entity].calendarName, NameWords.calendar.contains(words.string(match.range)) {
            if afterRange.flatMap(words.word)?.isNumber == true { return .word }
            if let before = beforeRange.flatMap(words.word), before.isNumber || NameWords.datePrepositions.contains(before.text) { return .word }
        }
        // A surname that opens a sentence before the document has named the person is a name only
        // when a name's grammar follows: a possessive, a comma, or a verb (`Abe met`, `Brown said`),
        // not a plural verb or a noun (`Jobs were cut`, `Brown bears`, `King cobras`).
        if isPerson, words.startsSentence(match.range.lowerBound), !established.contains(match.entity),
           !words.isFollowedByNameGrammar(match.range.upperBound) {
            return .word
        }
        // Someone else of that name was named here: the short form alone no longer says who.
        if !contested.isEmpty, !namedInFull.contains(match.entity), contested.contains(words.string(match.range)) { return .word }
        return .mention
    }

    /// One word, not an initialism (`Smith`, not `John Smith` or `NASA`).
    static func isShortForm(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(0x20) { return false }
        if bytes.contains(where: { $0 >= 0x80 }) {
            let surface = String(decoding: bytes, as: UTF8.self)
            return !(surface.count > 1 && surface.allSatisfy { !$0.isLowercase })
        }
        return bytes.count <= 1 || bytes.contains { (0x61...0x7A).contains($0) }
    }

    /// Whether a capitalised word right before a short form leaves it a name on its own: a title
    /// (`President Trump`, `Sheriff Lee`), an honorific that fits (`Mrs May`, not `Mrs Smith` for a
    /// man), a possessive (`Japan's Abe`), a sentence opener, an initialism or the name of an
    /// organisation or place (`NASA`). Anything else — another given name, a title of rank the
    /// entity does not hold (`Lord Smith`), a plural possessive (`Fishmongers' Hall`) — makes the
    /// match part of a longer name.
    func isModifier(_ word: WordsAround.Word, of match: EntityMatch, profile: EntityProfile, previous: EntityMatch?) -> Bool {
        let title = word.bare
        if let male = NameWords.honorifics[title] {
            guard let male else { return true }
            return male ? profile.gender != .female : profile.gender != .male
        }
        if NameWords.peerage.contains(title) { return profile.titles.contains(title) }
        if word.possessive { return !NameWords.pluralPossessives.contains(title) }
        if word.isAcronym || NameWords.openers.contains(title) || NameWords.calendar.contains(title) || NameWords.isPlace(title)
            || NameWords.roles.contains(title) || word.hyphenParts.contains(where: { NameWords.roles.contains(String($0)) }) {
            return true
        }
        if let previous, previous.range.upperBound == word.range.upperBound, previous.entity < registry.profiles.count {
            return registry.profiles[previous.entity].kind != .person
        }
        return false
    }

    mutating func establish(_ match: EntityMatch, _ words: WordsAround) {
        established.insert(match.entity)
        guard !namedInFull.contains(match.entity) else { return }
        let bytes = words.text[match.range]
        guard bytes.contains(0x20) || (bytes.count == registry.profiles[match.entity].nameLength
                                       && bytes.elementsEqual(registry.entities[EntityID(match.entity)].name.utf8)) else { return }
        namedInFull.insert(match.entity)
        // The words of one person's full name make the same words ambiguous as another's alias:
        // after "Andrew Johnson", a bare "Johnson" is not Boris Johnson unless he was named too.
        // (A place or company named after someone, "Trump Tower", does not.)
        guard registry.profiles[match.entity].kind == .person else { return }
        var start = match.range.lowerBound
        for end in match.range.lowerBound...match.range.upperBound where end == match.range.upperBound || words.text[end] == 0x20 {
            if start < end, words.startsCapitalised(start..<end) { contested.insert(words.string(start..<end)) }
            start = end + 1
        }
    }
}

extension String {
    var trimmingTrailingDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
