import GlossContent

// Who "he", "she", "it" and "the party" refer to: the most recently named person or organisation
// of the right kind, outside quotations. A person the registry does not know, or an unnamed
// speaker ("a spokesman said"), named more recently blocks the pronoun: no speaker rather than a
// wrong one.

extension QuoteExtractor {
    struct Speakers {
        enum Referent {
            case entity(Int)
            /// Someone not in the registry: an unregistered name or an unnamed speaker.
            case stranger(EntityProfile.Gender)
            /// "he" or "she" outside a quotation: refers on to its own antecedent.
            case pronoun(Pronoun)
        }

        struct Mention {
            var token: Int
            var referent: Referent
            /// Whether it is the subject of its clause (`Bloomberg endorsed Joe Biden`: Bloomberg): when a
            /// sentence names two people, "he" in the next one means its subject, and the subject of
            /// the main clause before that of a relative one (`Mugabe agreed to a deal in which Tsvangirai…`).
            var salience: Salience
            /// First token of its sentence.
            var sentence: Int
            /// Roles written before or beside the name, as senses (`commissioner`, `actress`, `former
            /// minister`: see `RoleName`), for "the commissioner said".
            var roles: Set<String> = []
            /// Inside an opening participle phrase (`Speaking to Martin Smith of PBS, he said`), whose
            /// subject is the sentence's: "he" later in the sentence is never this name.
            var inOpeningPhrase = false
        }

        /// By paragraph: referents in reading order.
        var referents: [[Mention]]
        let profiles: [EntityProfile]
        /// The paragraphs, for the few questions asked only when a pronoun is resolved.
        let paragraphs: [Paragraph]
        /// The people of the registry named with a role, once each, for the site's table of
        /// who holds which (`RoleHolders`).
        let titles: [RoleTitle]

        init(paragraphs: [Paragraph], profiles: [EntityProfile]) {
            self.profiles = profiles
            var surnames: Set<String> = []
            var titles: [RoleTitle] = []
            referents = paragraphs.map { paragraph in
                var found: [(token: Int, referent: Referent)] = []
                for (k, token) in paragraph.tokens.enumerated() where !paragraph.quoted[k] {
                    if token.kind == .mention, !Speakers.isAttributive(k, paragraph, profiles: profiles) { found.append((k, .entity(token.entity))) }
                    if token.kind == .word, let pronoun = QuoteExtractor.pronouns[token.lower], pronoun != .it {
                        found.append((k, .pronoun(pronoun)))
                    }
                }
                found += Speakers.strangers(in: paragraph, surnames: &surnames)
                found += Speakers.unnamedSubjects(in: paragraph)
                return found.sorted { $0.token < $1.token }.map {
                    var roles: (senses: Set<String>, titles: Set<RoleName>) = ([], [])
                    if case .pronoun = $0.referent {} else { roles = Speakers.roles(of: $0.token, paragraph) }
                    if case .entity(let e) = $0.referent, e >= profiles.count || profiles[e].kind == .person {
                        titles += roles.titles.map { RoleTitle(phrase: $0.phrase, entity: EntityID(e)) }
                    }
                    let sentence = paragraph.sentenceStart[$0.token]
                    return Mention(token: $0.token, referent: $0.referent, salience: Speakers.salience($0.token, paragraph),
                                   sentence: sentence, roles: roles.senses, inOpeningPhrase: Speakers.opensWithParticiple(sentence, before: $0.token, paragraph))
                }
            }
            self.paragraphs = paragraphs
            self.titles = Set(titles).sorted { ($0.phrase, $0.entity.index) < ($1.phrase, $1.entity.index) }
            addDescriptions(paragraphs)
        }

        /// A person's name used to describe something (`a Blair ally`, `the Obama administration`)
        /// or whose people someone is (`Sanders campaign manager Jeff Weaver said`): no one a later
        /// "he" can mean.
        static func isAttributive(_ k: Int, _ paragraph: Paragraph, profiles: [EntityProfile]) -> Bool {
            let entity = paragraph.tokens[k].entity
            guard entity < profiles.count, profiles[entity].kind == .person, !paragraph.tokens[k].possessive else { return false }
            if paragraph.modifiesNoun(k) { return true }
            guard let next = paragraph.word(k + 1), !paragraph.tokens[k + 1].capitalized else { return false }
            return QuoteExtractor.organisationNouns.contains(next) || QuoteExtractor.staffNouns.contains(next) || QuoteExtractor.staffRoles.contains(next)
        }

        /// Who the name at `k` of paragraph `p` is joined to by "and" or "or", past an honorific
        /// written apart (`Mr Blair and Mr Brown`) or a role it is in apposition to (`Mr Blair and his
        /// chancellor, Gordon Brown`): a name found as a referent, or, for a name the registry lacks
        /// that was not introduced (`Mr Blair and John Prescott met`), a stranger of either sex. "He"
        /// after a pair of men could be either.
        func partner(of k: Int, inParagraph p: Int) -> Referent? {
            let paragraph = paragraphs[p]
            let joins: Set<String> = ["and", "or"]
            let capitalised = { (j: Int) in paragraph.kind(j) == .word && paragraph.tokens[j].capitalized && !paragraph.quoted[j] }
            /// The referent among the tokens `run` (read outward from the conjunction), or a stranger
            /// when they are two or three capitalised words that name no place.
            func joined(_ run: some Sequence<Int>) -> Referent? {
                var words: [Int] = []
                for j in run {
                    if let name = referents[p].first(where: { $0.token == j }) { return name.referent }
                    guard capitalised(j), words.count < 3 else { break }
                    if !paragraph.isHonorific(j) { words.append(j) }
                }
                guard words.count >= 2, !words.contains(where: { NameWords.isPlace(paragraph.text($0)) || NameWords.institutions.contains(paragraph.text($0)) })
                else { return nil }
                return .stranger(.unknown)
            }
            let before = paragraph.beforeName(k, from: 0)
            if joins.contains(paragraph.word(before) ?? ""), let partner = joined(stride(from: before - 1, through: max(0, before - 4), by: -1)) {
                return partner
            }
            // In apposition to the second of a pair. (Not every name after a comma: taking `A, B and C`
            // as a list cost a held-out credit.)
            if before > 0, paragraph.kind(before) == .comma {
                var j = before - 1
                while j >= max(0, before - 4), paragraph.kind(j) == .word, !paragraph.tokens[j].capitalized, !joins.contains(paragraph.word(j) ?? "") { j -= 1 }
                if j < before - 1, j >= 0, joins.contains(paragraph.word(j) ?? ""), let partner = joined(stride(from: j - 1, through: max(0, j - 4), by: -1)) {
                    return partner
                }
            }
            guard joins.contains(paragraph.word(k + 1) ?? "") else { return nil }
            return joined((k + 2)..<min(paragraph.tokens.count, k + 6))
        }

        /// The sentence at `start` opens with a participle addressing someone (`Speaking to…,`,
        /// `Talking with…,`) and token `k` is in that phrase.
        static func opensWithParticiple(_ start: Int, before k: Int, _ paragraph: Paragraph) -> Bool {
            guard let first = paragraph.word(start), first.hasSuffix("ing"), first != "according", paragraph.tokens[start].capitalized,
                  ["to", "with"].contains(paragraph.word(start + 1) ?? ""), k > start else { return false }
            return !(start..<k).contains { paragraph.kind($0) == .comma || paragraph.kind($0) == .terminator }
        }

        enum Salience: Int, Comparable {
            case other, subordinateSubject, subject
            static func < (a: Salience, b: Salience) -> Bool { a.rawValue < b.rawValue }
        }

        /// Words that open a relative or adverbial clause: a name right after one is not the subject
        /// of the sentence. Not the contrastive ones (`while`, `whereas`): they join two clauses of
        /// equal weight, and the later subject is the one a pronoun goes on with.
        static let subordinators: Set<String> = [
            "which", "who", "whom", "whose", "that", "where", "when", "because", "since", "after", "before", "if", "unless", "until",
        ]

        /// A name is a subject when nothing but the sentence start, punctuation, a title or a
        /// conjunction comes before it, and a verb, an adverb or an appositive after it; the subject
        /// of a subordinate clause when that conjunction opens one.
        static func salience(_ k: Int, _ paragraph: Paragraph) -> Salience {
            let t = paragraph.tokens
            // Back over the titles and modifiers of the name (`President Trump`, `US envoy Haley`)
            // to what precedes the whole phrase.
            var j = k - 1
            while j >= 0 {
                if t[j].kind == .mention, !t[j].possessive { j -= 1; continue }
                if paragraph.isAbbreviationDot(j) { j -= 1; continue }  // `Army Gen. Martin E. Dempsey`
                guard t[j].kind == .word else { break }
                let written = paragraph.text(j)
                if NameWords.calendar.contains(written) || NameWords.openers.contains(written) { break }
                guard t[j].capitalized || (QuoteExtractor.titleWords.contains(t[j].lower) && !QuoteExtractor.determiners.contains(t[j].lower)) else { break }
                j -= 1
            }
            var subordinate = false
            if j >= 0 {
                switch t[j].kind {
                case .comma where isObjectAppositive(comma: j, paragraph): return .other
                case .comma, .colon, .semicolon, .dash, .openParen, .terminator: break
                case .quote: break  // `"…," Bush said.`
                case .word:
                    let w = t[j].lower
                    // `"…," said study co-author Karen Alley.`: the speaker of an inverted attribution is
                    // who the sentence is about, as much as `"…," Bush said.`
                    if !t[j].capitalized, QuoteExtractor.speechVerbs.contains(w), j > 0,
                       t[j - 1].kind == .quote || (t[j - 1].kind == .comma && j > 1 && t[j - 2].kind == .quote) { return .subject }
                    guard t[j].capitalized || QuoteExtractor.clauseOpeners.contains(w) || QuoteExtractor.adverbs.contains(w) else { return .other }
                    // `on behalf of himself and Sgt. Maj. Battaglia`: "and" after a common word joins
                    // two objects; after a comma or a name it joins clauses or subjects.
                    if w == "and" || w == "or", j > 0, t[j - 1].kind == .word, !t[j - 1].capitalized { return .other }
                    subordinate = !t[j].capitalized && subordinators.contains(w)
                default: return .other
                }
            }
            guard k + 1 < t.count, !t[k].possessive else { return .other }
            // Past the name's place or organisation (`Mohammad bin Salman of Saudi Arabia accepted`).
            var next = k + 1
            if paragraph.word(next) == "of" {
                var n = next + 1
                if paragraph.word(n) == "the" { n += 1 }
                while n < t.count, n - next < 6, t[n].kind == .mention || (t[n].kind == .word && t[n].capitalized) { n += 1 }
                if n > next + 1, n < t.count, paragraph.isName(n - 1) { next = n }
            }
            guard next < t.count else { return .other }
            let subject: Bool
            switch t[next].kind {
            case .comma: subject = true
            case .word:
                let w = t[next].lower
                subject = !t[next].capitalized && !QuoteExtractor.prepositions.contains(w) && !QuoteExtractor.determiners.contains(w)
                    && !["and", "or", "but", "as", "than"].contains(w) || (w == "and" && joinsSubject(after: next, paragraph))
            default: subject = false
            }
            return subject ? (subordinate ? .subordinateSubject : .subject) : .other
        }

        /// `Mr Blair met the chancellor, Gordon Brown, on Monday`: the name after `comma` restates a
        /// role noun that a verb or preposition governs, so it is that verb's object, not a subject
        /// (`Mr Blair's chancellor, Gordon Brown, said` stays one: nothing governs the role; nor does
        /// a speech verb in `"…," said the chancellor, Gordon Brown`).
        static func isObjectAppositive(comma: Int, _ paragraph: Paragraph) -> Bool {
            let t = paragraph.tokens
            var j = comma - 1
            guard j > 0, t[j].kind == .word, !t[j].capitalized,
                  QuoteExtractor.role(t[j].lower) != nil || QuoteExtractor.titleWords.contains(t[j].lower) else { return false }
            while j > 0, t[j - 1].kind == .word, !t[j - 1].capitalized,
                  QuoteExtractor.titleWords.contains(t[j - 1].lower) || QuoteExtractor.determiners.contains(t[j - 1].lower) {
                j -= 1
            }
            guard j > 0, t[j - 1].kind == .word, !t[j - 1].capitalized else { return false }
            let governor = t[j - 1].lower
            return !["and", "or", "but"].contains(governor) && !QuoteExtractor.clauseOpeners.contains(governor)
                && !QuoteExtractor.speechVerbs.contains(governor)
        }

        /// `John Smith and Business Secretary Jane Doe visited`: "and" at `and` joins a second name,
        /// titles and all, that a verb follows, so the first is a subject too.
        static func joinsSubject(after and: Int, _ paragraph: Paragraph) -> Bool {
            var n = and + 1
            while n < paragraph.tokens.count, n - and <= 6, paragraph.isName(n) || paragraph.isAbbreviationDot(n) { n += 1 }
            return n > and + 1 && paragraph.isName(n - 1) && paragraph.startsPredicate(n)
        }

        /// The role nouns introducing the name that ends at token `k`: before it (`AU trade commissioner
        /// Albert Muchanga`, `Actress Denise Crosby`) or in an appositive after it (`Gray Miller, a federal judge,`).
        /// The titles are the roles written right against the name or in apposition to it, which
        /// the site's table of role holders may trust: not one further back (`Prime Minister John
        /// Smith met Deputy Prime Minister Jane Doe`) or after a preposition (`Ms Doe, an adviser
        /// to the prime minister,`).
        static func roles(of k: Int, _ paragraph: Paragraph) -> (senses: Set<String>, titles: Set<RoleName>) {
            let t = paragraph.tokens
            var senses: Set<String> = [], titles: Set<RoleName> = []
            func add(_ role: RoleName, title: Bool) {
                senses.insert(role.sense)
                if title { titles.insert(role) }
            }
            // A title in the name as matched (an alias `King Maha Vajiralongkorn`, `President Trump`).
            if t[k].kind == .mention {
                let words = paragraph.text(k).lowercased().split(separator: " ").dropLast().map(String.init)
                for (i, word) in words.enumerated() where QuoteExtractor.role(word) != nil {
                    add(RoleName(noun: word, modifiers: Array(words[max(0, i - 3)..<i])), title: true)
                }
            }
            var j = k - 1
            // Past the given names of a name read as words (a stranger's), and the full stop of an
            // abbreviated rank (`Gen. Paul Green`).
            while j >= 0, k - j < 5,
                  paragraph.isAbbreviationDot(j) || (t[j].kind == .word && t[j].capitalized && QuoteExtractor.role(t[j].lower) == nil) {
                j -= 1
            }
            // Past the place of a title (`President of Argentina Alberto Fernández`).
            if j > 0, j < k - 1, paragraph.word(j) == "of", QuoteExtractor.roleNouns.contains(t[j - 1].lower) { j -= 1 }
            let adjacent = j
            while j >= 0, k - j < 9, t[j].kind == .word || t[j].kind == .mention {
                let w = t[j].lower
                if t[j].kind == .word, QuoteExtractor.determiners.contains(w) || QuoteExtractor.prepositions.contains(w) || paragraph.isVerb(j) { break }
                if QuoteExtractor.role(w) != nil { add(paragraph.roleName(w, at: j), title: j == adjacent) }
                j -= 1
            }
            for role in appositiveRoles(before: j, name: k, paragraph) { add(role, title: true) }
            if k + 2 < t.count, t[k + 1].kind == .comma, let w = paragraph.word(k + 2), QuoteExtractor.determiners.contains(w) {
                var a = k + 3
                var beforePreposition = true
                while a < t.count, a - k < 10, t[a].kind == .word || t[a].kind == .mention, !paragraph.isVerb(a) {
                    if QuoteExtractor.prepositions.contains(t[a].lower) { beforePreposition = false }
                    if QuoteExtractor.roleNouns.contains(t[a].lower) { add(paragraph.roleName(t[a].lower, at: a), title: beforePreposition) }
                    a += 1
                }
            }
            return (senses, titles)
        }

        /// The roles of an appositive set before a name, as British news introduces people:
        /// `the Chancellor of the Exchequer, the Rt Hon Gordon Brown MP, will…`, `Chief Secretary
        /// to the Treasury, Paul Boateng, will…`, `The Prime Minister, Tony Blair, said`. The phrase
        /// ends with a comma right before the name (or its "the"), runs back through the place of
        /// its title (`of the Exchequer`), and is no object (`Speaking to the minister, Brown said`:
        /// nothing before it may be a verb or a preposition); the name is followed by a comma or
        /// a speech verb, closing the apposition.
        /// - Parameter j: the token before the name and the titles written right before it.
        static func appositiveRoles(before j: Int, name k: Int, _ paragraph: Paragraph) -> Set<RoleName> {
            let t = paragraph.tokens
            let comma = j >= 1 && paragraph.word(j) == "the" ? j - 1 : j
            var after = k + 1
            while after < t.count, after - k <= 2, t[after].kind == .word, t[after].capitalized { after += 1 }
            guard comma >= 1, t[comma].kind == .comma,
                  after >= t.count || t[after].kind == .comma || paragraph.isVerb(after) else { return [] }
            var found: Set<RoleName> = []
            var a = comma - 1
            while a >= 0, comma - a <= 10, t[a].kind == .word || t[a].kind == .mention, !paragraph.isVerb(a) {
                let w = t[a].lower
                if t[a].kind == .word, QuoteExtractor.determiners.contains(w) || QuoteExtractor.prepositions.contains(w) {
                    // `Secretary of State for Scotland`, `Chancellor of the Exchequer`: through the place.
                    let b = QuoteExtractor.determiners.contains(w) ? a - 1 : a
                    guard b >= 1, let preposition = paragraph.word(b), ["of", "to", "for"].contains(preposition),
                          let head = paragraph.word(b - 1), QuoteExtractor.role(head) != nil || (t[b - 1].capitalized && !head.hasSuffix("ing")) else {
                        // The phrase starts at its determiner; what is before it is checked below.
                        if b < a { a -= 1 }
                        break
                    }
                    a = b - 1
                    continue
                }
                if QuoteExtractor.role(w) != nil { found.insert(paragraph.roleName(w, at: a)) }
                a -= 1
            }
            // What comes before the phrase: nothing, punctuation or a noun; not a verb or preposition
            // whose object it is.
            if a >= 0, let w = paragraph.word(a), paragraph.isVerb(a) || QuoteExtractor.prepositions.contains(w) {
                return []
            }
            return found
        }

        /// The person "the commissioner" at `token` refers to: of those introduced in that role
        /// anywhere earlier in the article, the one last named in that role or as a subject (the
        /// story's general, named again and again, rather than another general it mentions once;
        /// not a president named since only as an object); nil when someone the registry does not
        /// know was introduced in that role since.
        func resolve(role noun: String, paragraph: Int, token: Int) -> Int? {
            let earlier = stride(from: min(paragraph, referents.count - 1), through: 0, by: -1).lazy.flatMap { p in
                self.referents[p].reversed().lazy.filter { p < paragraph || $0.token < token }
            }
            var holders: Set<Int> = []
            for mention in earlier where mention.roles.contains(noun) {
                if case .entity(let e) = mention.referent { holders.insert(e) }
            }
            for mention in earlier {
                switch mention.referent {
                case .entity(let e) where holders.contains(e) && (mention.salience == .subject || mention.roles.contains(noun)):
                    return kind(e) == .person || kind(e) == .other ? e : nil
                case .stranger where mention.roles.contains(noun): return nil
                default: continue
                }
            }
            return nil
        }

        /// An unnamed speaker blocks pronouns after it, like a named stranger.
        mutating func addAnonymous(paragraph: Int, token: Int) {
            guard paragraph < referents.count else { return }
            // In the sentence it speaks in: a name the sentence gives later (`Ms Slayen said Mr Smith is
            // "proud" to back Ms Doe's plan`) must not outrank it as though it stood alone.
            referents[paragraph].append(Mention(token: token, referent: .stranger(.unknown), salience: .subject,
                                                sentence: paragraphs[paragraph].sentenceStart[token]))
            referents[paragraph].sort { $0.token < $1.token }
        }

        func kind(_ entity: Int) -> Entity.Kind { entity < profiles.count ? profiles[entity].kind : .other }
        func gender(_ entity: Int) -> EntityProfile.Gender { entity < profiles.count ? profiles[entity].gender : .unknown }

        /// The entity `pronoun` at `token` of `paragraph` refers to: the most recently named person
        /// (or organisation, for "it" and "the party") of the right kind, looking back through this
        /// paragraph and the `pronounReach` before, preferring the subject of that sentence; nil when it is
        /// someone the registry does not know.
        func resolve(_ pronoun: Pronoun, paragraph: Int, token: Int, depth: Int = 0) -> Int? {
            guard paragraph >= 0, paragraph < referents.count, depth < 4 else { return nil }
            if case .role(let role) = pronoun { return resolve(role: role.sense, paragraph: paragraph, token: token) }
            guard let chosen = antecedent(pronoun, paragraph: paragraph, token: token) else { return nil }
            // One of a pair who both fit (`Mr Blair and Mr Brown met. He said`): either.
            if let partner = partner(of: chosen.mention.token, inParagraph: chosen.paragraph), fits(pronoun, partner) { return nil }
            switch chosen.mention.referent {
            case .entity(let e):
                if case .organisation(let noun) = pronoun, !(Speakers.generic.contains(noun) || names(e, contain: noun)) { return nil }
                return e
            case .stranger: return nil
            case .pronoun: return resolve(pronoun, paragraph: chosen.paragraph, token: chosen.mention.token, depth: depth + 1)
            }
        }

        /// The mention "he", "she", "it" or "the party" at `token` points to, before its kind is
        /// weighed: nil when the sentence contradicts it or no one fits.
        func antecedent(_ pronoun: Pronoun, paragraph: Int, token: Int) -> (paragraph: Int, mention: Mention)? {
            let sentence = referents[paragraph].first { $0.token == token }?.sentence
            if let sentence, contradicted(pronoun, paragraph: paragraph, sentence: sentence, before: token) { return nil }
            var chosen: (paragraph: Int, mention: Mention)?
            let described = describedByRelative(paragraph, before: token)
            search: for p in stride(from: paragraph, through: max(0, paragraph - QuoteExtractor.pronounReach), by: -1) {
                for mention in referents[p].reversed() where (p < paragraph || mention.token < token) && fits(pronoun, mention.referent)
                    && !(mention.inOpeningPhrase && p == paragraph && mention.sentence == sentence)
                    && !(p == paragraph && mention.token == described) {
                    if let first = chosen {
                        // Earlier in the same sentence: prefer it only as that sentence's subject, and
                        // never over a stranger named after it (no speaker rather than a wrong one).
                        guard p == first.paragraph, mention.sentence == first.mention.sentence else { break search }
                        if case .stranger = first.mention.referent { break search }
                        if mention.salience > first.mention.salience || reports(mention.token, about: first.mention, in: p) { chosen = (p, mention) }
                    } else {
                        chosen = (p, mention)
                        if mention.salience == .subject { break search }
                    }
                }
                if chosen != nil { break }
            }
            return chosen
        }

        /// `Dianne Feinstein, who said none of the emails came from Ms Doe`: a name inside what
        /// someone earlier in the sentence reports (after their speech verb, and no subject) is
        /// what was spoken of; "she said" next goes on with whoever spoke. Not after a question
        /// (`Mr Jones asked Mr Smith about…`): who was asked answers next.
        func reports(_ speaker: Int, about later: Mention, in paragraph: Int) -> Bool {
            guard later.salience != .subject else { return false }
            let p = paragraphs[paragraph]
            return ((speaker + 1)..<later.token).contains(where: p.tellsOwnWords)
        }

        /// `Mr Smith, whom he called "…"`: the name a relative clause describes is never its subject,
        /// so "he" right after the relative pronoun means someone else. The token of that name.
        func describedByRelative(_ paragraph: Int, before token: Int) -> Int? {
            let p = paragraphs[paragraph]
            guard token >= 2, ["whom", "who"].contains(p.word(token - 1) ?? "") else { return nil }
            let k = p.tokens[token - 2].kind == .comma ? token - 3 : token - 2
            return k >= 0 && p.isName(k) ? k : nil
        }

        /// "he" in a sentence whose subject is a woman the registry knows (`Morgan Ortagus indicated…:
        /// "…," he said`): the text is wrong about one of them, and no one earlier is more likely.
        func contradicted(_ pronoun: Pronoun, paragraph: Int, sentence: Int, before token: Int) -> Bool {
            guard pronoun == .he || pronoun == .she else { return false }
            return referents[paragraph].contains { mention in
                guard mention.token < token, mention.sentence == sentence, mention.salience == .subject else { return false }
                switch mention.referent {
                case .entity(let e): return kind(e) == .person && mismatched(pronoun, gender(e))
                case .stranger(let g): return mismatched(pronoun, g)
                case .pronoun: return false
                }
            }
        }

        /// Whether a referent can be what `pronoun` points to; strangers fit "he" and "she" (and then block).
        func fits(_ pronoun: Pronoun, _ referent: Referent) -> Bool {
            switch (pronoun, referent) {
            case (.he, .entity(let e)), (.she, .entity(let e)):
                return (kind(e) == .person || kind(e) == .other) && !mismatched(pronoun, gender(e))
            case (.he, .stranger(let g)), (.she, .stranger(let g)):
                return !mismatched(pronoun, g)
            case (.he, .pronoun(let p)), (.she, .pronoun(let p)):
                return p == pronoun
            case (.it, .entity(let e)), (.organisation, .entity(let e)):
                return kind(e) == .organization
            default:
                return false
            }
        }

        func mismatched(_ pronoun: Pronoun, _ gender: EntityProfile.Gender) -> Bool {
            (pronoun == .he && gender == .female) || (pronoun == .she && gender == .male)
        }

        /// Organisation nouns that fit any organisation; the others must be in its name ("the party").
        static let generic: Set<String> = ["company", "firm", "group", "organisation", "organization", "network", "broadcaster", "charity", "campaign"]

        /// Names are only known through profiles here, so "the party" accepts any organisation when
        /// the noun cannot be checked.
        func names(_ entity: Int, contain noun: String) -> Bool {
            entity < profiles.count ? profiles[entity].nameWords.contains(noun) : true
        }
    }
}

extension QuoteExtractor.Paragraph {
    /// A token's text as written.
    func text(_ k: Int) -> String { String(decoding: bytes[tokens[k].range], as: UTF8.self) }
}
