import GlossContent

/// What the mention rules need to know about an entity, worked out once per registry.
public struct EntityProfile: Sendable, Hashable {
    public enum Gender: Sendable, Hashable { case male, female, unknown }

    public var kind: Entity.Kind
    /// From the entity's `pronoun`, else from an honorific in its names (`Mr Smith` → male), else
    /// from its given name (`NameWords.givenNameGender`).
    public var gender: Gender
    /// Titles of rank its own names carry ("Lord" for an alias "Lord Carloway").
    var titles: Set<String>
    /// The words of its name, lowercased: "the party said" may refer back to the Labour Party.
    var nameWords: Set<String>
    /// One of its names is a month or a day (`May`): such a match may be a date.
    var calendarName: Bool
    /// UTF-8 length of its name, to tell a match on the name from one on a short alias cheaply.
    var nameLength: Int
    /// A person's given names, the first words of its multi-word names ("Elijah" of "Elijah
    /// Cummings"): a longer name that starts with one ("Elijah Eugene Cummings") is the same person.
    var givenNames: Set<String>

    init(_ entity: Entity) {
        kind = entity.kind
        var titles: Set<String> = []
        var givenNames: Set<String> = []
        var gender = Gender.unknown
        for alias in entity.surfaceForms where alias.text.contains(" ") {
            guard let first = alias.text.split(separator: " ").first.map({ String($0).trimmingTrailingDot }) else { continue }
            if NameWords.peerage.contains(first) { titles.insert(first) }
            if let male = NameWords.honorifics[first] ?? nil { gender = male ? .male : .female }
            if entity.kind == .person, !NameWords.peerage.contains(first), NameWords.honorifics[first] == nil, !NameWords.roles.contains(first) {
                givenNames.insert(first)
            }
        }
        self.givenNames = givenNames
        // Else from a given name that is nearly always a man's or a woman's (`Tony Blair`).
        if gender == .unknown, entity.kind == .person, let first = entity.name.split(separator: " ").first,
           let male = NameWords.givenNameGender[String(first)] {
            gender = male ? .male : .female
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
        /// Matches of aliases the registry declares ambiguous that the article does not settle
        /// (`soleIntroducedHolder`): not mentions, reported.
        public var ambiguous: [EntityMatch] = []
        /// Surnames of people the document never introduces (`introductions`): not mentions, reported.
        public var unintroduced: [EntityMatch] = []
    }

    let registry: EntityRegistry
    /// News style: an article names a person in full or with a title, so a bare surname of someone
    /// it never introduces is someone or something else ("Washington" the city, where Denzel
    /// Washington is registered). On for articles, after `survey`; notes and descriptions are short
    /// texts read beside whatever introduced the person.
    let introductions: Bool
    /// People the whole document names in full or with a title (`survey`).
    var introduced: Set<Int> = []
    /// Entities mentioned so far in this document, and those named by a full form.
    var established: Set<Int> = []
    var namedInFull: Set<Int> = []
    /// Words seen inside other names in this document ("Lee" once "Kerry Lee" was read).
    var contested: Set<String> = []
    /// Other people's surnames with the honorific they were named with ("Dr Kelly" once "Dr David
    /// Kelly" was read), and names that begin with "The" ("The Hague"): that form is theirs even
    /// after the registered person is named in full, and even where a sentence starts with it.
    var contestedTitled: Set<String> = []
    /// Organisations' aliases inside the names of other bodies named here (`EntityRegistry.nestedAliases`).
    var nestedContested: Set<String> = []
    /// Longer names this document used for an entity ("Pierluisi Urrutia" once "Pedro R. Pierluisi
    /// Urrutia" was read).
    var fullerNames: [String: Int] = [:]

    public init(registry: EntityRegistry, introductions: Bool = false) {
        self.registry = registry
        self.introductions = introductions
        established.reserveCapacity(16)
        namedInFull.reserveCapacity(16)
    }

    /// Reads one block of the document before any is judged, for `introductions`: which people it
    /// names in full or with a title somewhere (a summary may use surnames before the story names them).
    public mutating func survey(_ matches: [EntityMatch], in text: [UInt8]) {
        let words = WordsAround(text: text)
        for match in matches where match.entity >= 0 && match.entity < registry.profiles.count && match.range.upperBound <= text.count {
            let profile = registry.profiles[match.entity]
            guard profile.kind == .person, !introduced.contains(match.entity) else { continue }
            if !Self.isShortForm(text[match.range]) || isTitle(words.previous(match.range.lowerBound), of: profile)
                || endsNicknamedName(match, in: words) {
                introduced.insert(match.entity)
            }
        }
    }

    /// Judges the `matches` (sorted, disjoint, from the registry's matcher) of one block of the document.
    /// - Parameter headline: a heading or title, where capitals are style: only hyphenated names are
    ///   judged there, and nothing is established.
    public mutating func judge(_ matches: [EntityMatch], in text: [UInt8], headline: Bool = false) -> Verdict {
        var verdict = Verdict()
        verdict.mentions.reserveCapacity(matches.count)
        let words = WordsAround(text: text)
        for (index, found) in matches.enumerated() {
            guard found.range.upperBound <= text.count, !found.range.isEmpty else { continue }
            var match = found
            if registry.isAmbiguous(found) {
                let form = words.string(found.range)
                guard let holder = soleIntroducedHolder(of: form) else {
                    verdict.ambiguous.append(found)
                    contested.insert(form)
                    continue
                }
                match.entity = holder
            }
            guard match.entity >= 0, match.entity < registry.profiles.count else { continue }
            let neighbours = (index > 0 ? matches[index - 1] : nil, index + 1 < matches.count ? matches[index + 1] : nil)
            switch judge(match, neighbours: neighbours, words, headline: headline) {
            case .mention:
                verdict.mentions.append(match)
                if !headline { establish(match, words) }
            case .fullerName(let name):
                verdict.mentions.append(match)
                establish(match, words)
                namedInFull.insert(match.entity)
                fullerNames[words.string(name).trimmingTrailingDot] = match.entity
                fullerNames[words.string(match.range.lowerBound..<name.upperBound).trimmingTrailingDot] = match.entity
            case .partOfName:
                let name = words.nameAround(match.range)
                verdict.nearMisses.append(NearMiss(match: match, name: name))
                let parts = words.string(name).split(whereSeparator: { $0 == " " || $0 == "-" })
                for word in parts { contested.insert(String(word)) }
                if let title = words.previous(name.lowerBound), NameWords.honorifics[title.bare] != nil || title.text == "The", let surname = parts.last {
                    contestedTitled.insert(title.bare + " " + surname)
                }
            case .unintroduced:
                verdict.unintroduced.append(match)
            case .word:
                break
            }
        }
        return verdict
    }

    /// The one entity sharing an ambiguous form that this article names in full or with a title
    /// (`Khan` where Sadiq Khan is named and Usman Khan is not); nil when none or several are. As
    /// for any surname, another person of that name (`Amir Khan`) blocks it only until the
    /// registered one is named in full. A form only one entity declares is shared with someone
    /// unregistered: never linked.
    func soleIntroducedHolder(of form: String) -> Int? {
        guard introductions, let holders = registry.ambiguousHolders[form], holders.count > 1 else { return nil }
        let named = holders.filter(introduced.contains)
        return named.count == 1 ? named[0] : nil
    }

    enum Judgement: Equatable {
        case mention, partOfName, word
        /// A person's surname in a document that never introduces them (`introductions`).
        case unintroduced
        /// A mention inside a longer name of the same person (the UTF-8 range of that name).
        case fullerName(Range<Int>)
    }

    /// Decides from the bytes next to the match; a neighbouring word is decoded only when it starts
    /// with a capital (or is needed for a date), so most matches cost a few byte comparisons.
    func judge(_ match: EntityMatch, neighbours: (EntityMatch?, EntityMatch?), _ words: WordsAround, headline: Bool) -> Judgement {
        let shortForm = Self.isShortForm(words.text[match.range])
        let isPerson = registry.profiles[match.entity].kind == .person

        // Hyphenated names (`Smith-Wells`); a compound of two names (`Trump-Abe`) or with a lowercase
        // word (`Trump-era`) is fine, and places and organisations compound freely (`US-Japanese`).
        if isPerson, let part = words.hyphenated(match.range), part.capitalised, !NameWords.isPlace(part.bare), !touches(match, neighbours) {
            return .partOfName
        }
        // A code of capitals and digits (`EP-CPP`, an aircraft's registration): an acronym in it
        // names nothing, unless the other part is a name too (`US-UK`).
        if !words.text[match.range].contains(where: { (0x61...0x7A).contains($0) }), let part = words.hyphenated(match.range),
           part.bare.allSatisfy({ $0.isUppercase || $0.isNumber }), !NameWords.isPlace(part.bare), !touches(match, neighbours) {
            return .partOfName
        }
        if headline { return .mention }

        let beforeRange = words.previousRange(match.range.lowerBound)
        let afterRange = words.nextRange(match.range.upperBound)
        let capitalisedAfter = afterRange.map(words.startsCapitalised) ?? false
        // The name of a day (`Labour Day`, `Boxing Day`): neither the body nor a Ms Day.
        if !isPerson, capitalisedAfter, afterRange.flatMap(words.word)?.bare == "Day" { return .word }
        if isPerson, shortForm, words.text[match.range].elementsEqual("Day".utf8), let previous = words.previous(match.range.lowerBound),
           previous.capitalised, holds(previous.bare, registry.profiles[match.entity]) == nil,
           !NameWords.roles.contains(previous.bare) || NameWords.partyLabels.contains(previous.bare),
           !registry.profiles[match.entity].givenNames.contains(previous.bare) {
            return .word
        }
        // A capitalised word straight after a person's name continues it: `Smith Jones`, `Donald Trump Jr.`.
        if isPerson, capitalisedAfter, let after = afterRange.flatMap(words.word), after.capitalised,
           !NameWords.calendar.contains(after.bare), !NameWords.postNominals.contains(after.bare) {
            return fullerName(match, words)
        }
        if !isPerson, let after = afterRange, words.isOne(of: Self.of, after), let next = words.next(after.upperBound),
           next.capitalised, !NameWords.openers.contains(next.bare) {
            return .partOfName  // `Supreme Court of Justice`, `Democratic Party of Japan`: another body's name
        }
        if !isPerson, let region = beforeRange.flatMap(words.word), NameWords.regions.contains(region.text)
            || (NameWords.regionSecondWords.contains(region.text)
                && words.previous(region.range.lowerBound).map({ NameWords.regionFirstWords.contains($0.text) }) == true) {
            return .partOfName  // `Maryland Democratic Party`: a state's own body, not the national one
        }
        guard shortForm else {
            // `Mr Smith` says no more than `Smith` once a Nick Smith was named here.
            if !contested.isEmpty, let surname = Self.honorificSurname(words.text[match.range]), isContested(match, surname, in: contested) { return .word }
            // Another body whose name holds this alias was named here ("Supreme Court" after "Supreme Court of the United Kingdom").
            return isContested(match, words.string(match.range), in: nestedContested) ? .word : .mention
        }
        if let afterRange, !capitalisedAfter, words.isOne(of: NameWords.families, afterRange) { return .word }
        if words.isReduplicated(match.range) { return .word }

        let before = beforeRange.flatMap { words.startsCapitalised($0) ? words.word($0) : nil }
        // A capital "The" inside a sentence starts a name of its own (`in The Hague`, `The Times`).
        if isPerson, let before, before.text == "The", !words.startsSentence(before.range.lowerBound) { return .partOfName }
        // "The" before a surname that a verb follows makes it a title or a thing (`The King said`),
        // not the person (`the Trump administration` is theirs: a noun follows).
        if isPerson, let previous = words.previous(match.range.lowerBound), previous.text == "The" || previous.text == "the",
           words.isFollowedByVerbOrComma(match.range.upperBound) {
            return .word
        }
        if isPerson, words.isPossessiveOfInstitution(match.range) || words.isJoinedByAmpersand(match.range) { return .partOfName }
        // `May I ask?`, `Will you resign?`: a sentence opening with a verb before its subject.
        if isPerson, shortForm, words.startsSentence(match.range.lowerBound), let after = words.next(match.range.upperBound),
           WordsAround.subjectPronouns.contains(after.text) {
            return .word
        }
        // `Will` opening a question is a verb (`Will Straw resign?`); before a name and a verb or a
        // comma (`Will Straw said`, `Will Straw, his son,`) it is a given name, as inside a sentence.
        if let before, before.capitalised,
           !isModifier(before, of: match, profile: registry.profiles[match.entity], previous: neighbours.0,
                       opensSentence: words.startsSentence(before.range.lowerBound)
                           && !(NameWords.givenNameOpeners.contains(before.bare) && words.isFollowedByVerbOrComma(match.range.upperBound))) {
            return isPerson ? fullerName(match, words) : .partOfName
        }
        // Months in dates: `in May`, `May 2019`, `5 May`.
        if registry.profiles[match.entity].calendarName, NameWords.calendar.contains(words.string(match.range)) {
            if afterRange.flatMap(words.word)?.isNumber == true { return .word }
            if let before = beforeRange.flatMap(words.word), before.isNumber || NameWords.datePrepositions.contains(before.text.lowercased()) { return .word }
        }
        if introductions, isPerson, !introduced.contains(match.entity) { return .unintroduced }
        // A surname that opens a sentence before the document has named the person is a name only
        // when a name's grammar follows: a possessive, a comma, or a verb (`Abe met`, `Brown said`),
        // not a plural verb or a noun (`Jobs were cut`, `Brown bears`, `King cobras`).
        if isPerson, words.startsSentence(match.range.lowerBound), !established.contains(match.entity),
           !words.isFollowedByNameGrammar(match.range.upperBound) {
            return .word
        }
        // Even once the person is named, a sentence that opens with the surname as an ordinary word
        // before a preposition or a gerund is not about them (`Short of cash, …`, `Fox hunting was banned`).
        if isPerson, words.startsSentence(match.range.lowerBound),
           words.isFollowedByWordGrammar(match.range.upperBound) || words.isFollowedByNoun(match.range.upperBound) {
            return .word
        }
        // Someone else was named with this honorific and surname (`Dr David Kelly`): `Dr Kelly` is them.
        let form = words.string(match.range)
        if let before, !contestedTitled.isEmpty, contestedTitled.contains(before.bare + " " + form) { return .word }
        // Someone else of that name was named here: the short form alone no longer says who.
        return isContested(match, form, in: contested) ? .word : .mention
    }

    static let of: Set<String> = ["of"]

    /// Whether a neighbouring match is joined to this one by a hyphen (`Trump-Abe`).
    func touches(_ match: EntityMatch, _ neighbours: (EntityMatch?, EntityMatch?)) -> Bool {
        (neighbours.0.map { $0.range.upperBound + 1 == match.range.lowerBound } ?? false)
            || (neighbours.1.map { $0.range.lowerBound == match.range.upperBound + 1 } ?? false)
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
    /// man), a possessive (`Japan's Abe`), a word that opens sentences (`But Smith said`; one that is
    /// also a given name only at the sentence's start: inside it, `Will Straw` is a name), an initialism or the name of an
    /// organisation or place (`NASA`). Anything else — another given name, a title of rank the
    /// entity does not hold (`Lord Smith`), a plural possessive (`Fishmongers' Hall`) — makes the
    /// match part of a longer name.
    func isModifier(_ word: WordsAround.Word, of match: EntityMatch, profile: EntityProfile, previous: EntityMatch?, opensSentence: Bool) -> Bool {
        let title = word.bare
        if let held = holds(title, profile) { return held }
        if word.possessive { return !NameWords.pluralPossessives.contains(title) }
        // Two initials written together (`WH Smith`, `JK Rowling`) are another's name, unless they are a
        // place's or a role's (`UK`, `MP`) or could be the person's own (`GB Brown` for Gordon Brown).
        if Self.isPairOfInitials(title), !NameWords.isPlace(title), !NameWords.roles.contains(title),
           !NameWords.commonAbbreviations.contains(title), !profile.givenNames.contains(where: { $0.first == title.first }) {
            return false
        }
        if word.isAcronym || (NameWords.openers.contains(title) && (opensSentence || !NameWords.givenNameOpeners.contains(title)))
            || NameWords.calendar.contains(title) || NameWords.isPlace(title)
            || NameWords.roles.contains(title) || word.hyphenParts.contains(where: { NameWords.roles.contains(String($0)) }) {
            return true
        }
        if let previous, previous.range.upperBound == word.range.upperBound, previous.entity < registry.profiles.count {
            return registry.profiles[previous.entity].kind != .person
        }
        return false
    }

    /// A longer name that is the person's own: their given name, initials, the surname and at most
    /// one more surname ("Pedro R. Pierluisi Urrutia", "Wanda Vázquez Garced"), or a name this
    /// document already used for them ("Pierluisi Urrutia"). A middle name may be someone else's (a
    /// mother "Gloria Morgan Vanderbilt" beside Gloria Vanderbilt), a generation marker is
    /// ("Donald Trump Jr."), and an institution's word makes it a thing ("Doris Day Show").
    func fullerName(_ match: EntityMatch, _ words: WordsAround) -> Judgement {
        let name = words.nameAround(match.range)
        if fullerNames[words.string(name).trimmingTrailingDot] == match.entity { return .fullerName(name) }
        let before = words.string(name.lowerBound..<match.range.lowerBound).split(separator: " ")
        let after = words.string(match.range.upperBound..<name.upperBound).split(separator: " ")
        // The given name is read before the match, or is the match's own first word (`Wanda Vázquez Garced`).
        let given = before.first ?? words.string(match.range).split(separator: " ").first.map { $0 }
        guard let given, registry.profiles[match.entity].givenNames.contains(String(given)),
              before.dropFirst().allSatisfy(Self.isInitial), after.count <= 1,
              !after.contains(where: { NameWords.generational.contains(String($0).trimmingTrailingDot) || NameWords.institutions.contains(String($0).trimmingTrailingDot) })
        else { return .partOfName }
        return .fullerName(name)
    }

    /// `WH`: two capital letters.
    static func isPairOfInitials(_ word: String) -> Bool {
        word.utf8.count == 2 && word.utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }

    /// `R.` or `R`: an initial between a given name and a surname.
    static func isInitial(_ word: Substring) -> Bool {
        let letters = word.hasSuffix(".") ? word.dropLast() : word
        return letters.count == 1 && letters.first!.isUppercase
    }

    /// For an honorific or a title of rank, whether it fits the person (`Mrs` a woman, `Lord` only a
    /// lord); nil for any other word.
    func holds(_ title: String, _ profile: EntityProfile) -> Bool? {
        if let male = NameWords.honorifics[title] { return male.map { $0 ? profile.gender != .female : profile.gender != .male } ?? true }
        if NameWords.peerage.contains(title) { return profile.titles.contains(title) }
        return nil
    }

    /// Someone or something else of that name was named here and this entity was not named in full.
    func isContested(_ match: EntityMatch, _ form: String, in names: Set<String>) -> Bool {
        !names.isEmpty && !namedInFull.contains(match.entity) && names.contains(form)
    }

    /// The surname of an alias written with an honorific (`Mr Smith` → `Smith`): a short form
    /// still, however many words it has.
    static func honorificSurname(_ bytes: ArraySlice<UInt8>) -> String? {
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard parts.count == 2, NameWords.honorifics[String(parts[0]).trimmingTrailingDot] != nil else { return nil }
        return String(parts[1])
    }

    /// Whether the word before a surname says it is this person: an honorific or rank they hold, an
    /// office (`President Trump`, `senator Warren`), a country's possessive (`Japan's Abe`).
    func isTitle(_ word: WordsAround.Word?, of profile: EntityProfile) -> Bool {
        guard let word else { return false }
        let title = word.bare.prefix(1).uppercased() + word.bare.dropFirst()
        if let held = holds(title, profile) { return held }
        return NameWords.roles.contains(title) || (word.possessive && NameWords.isPlace(word.bare))
    }

    mutating func establish(_ match: EntityMatch, _ words: WordsAround) {
        if established.insert(match.entity).inserted { nestedContested.formUnion(registry.nestedAliases[match.entity]) }
        guard !namedInFull.contains(match.entity) else { return }
        let bytes = words.text[match.range]
        guard (bytes.contains(0x20) && Self.honorificSurname(bytes) == nil) || (bytes.count == registry.profiles[match.entity].nameLength
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
