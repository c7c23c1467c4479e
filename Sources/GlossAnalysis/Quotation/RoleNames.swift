// Roles as written around names (`Prime Minister Tony Blair`, `the home secretary`): the noun an
// article's own references are matched on, and the whole phrase the site's table of role
// holders (`RoleHolders`) is keyed on, since "the home secretary" is not "the foreign secretary";
// and the question a quotation credited to a role nobody in the article holds leaves for it.

import GlossContent

/// A person an article names in a role: `Chancellor Gordon Brown`, `Mr Blair, the prime minister,`.
public struct RoleTitle: Sendable, Hashable {
    /// The role as written, lowercased, modifiers and all: "prime minister", "tory leader".
    public var phrase: String
    public var entity: EntityID

    public init(phrase: String, entity: EntityID) {
        self.phrase = phrase
        self.entity = entity
    }

    /// The phrases this title answers for: itself and each shorter ending of two words or more
    /// (`Tory shadow chancellor` is "the shadow chancellor" too), but none that drops a word
    /// changing who holds it (`deputy prime minister` is not "the prime minister"). A noun alone
    /// says too little unless written alone: `Prime Minister Tony Blair` is not "the minister".
    public var keys: [String] {
        let words = Self.canonical(phrase).split(separator: " ")
        let lastStart = words.lastIndex { Self.holderChanging.contains(String($0)) } ?? max(0, words.count - 2)
        return (0...lastStart).map { words[$0...].joined(separator: " ") }
    }

    /// `phrase` with one name for each party that goes by two, so that `Conservative leader
    /// Michael Howard` in one article answers "the Tory leader" in another. (Labour and Labor
    /// are different parties, in different countries.)
    static func canonical(_ phrase: String) -> String {
        let words = phrase.split(separator: " ").map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            if i + 1 < words.count, let same = partyNames[[words[i], words[i + 1]]] {
                out += same
                i += 2
            } else {
                out += partyNames[[words[i]]] ?? [words[i]]
                i += 1
            }
        }
        return out.joined(separator: " ")
    }

    static let partyNames: [[String]: [String]] = [
        ["tory"]: ["conservative"], ["lib", "dem"]: ["liberal", "democrat"], ["libdem"]: ["liberal", "democrat"],
        ["gop"]: ["republican"],
    ]

    /// Modifiers that name a different holder from the bare role.
    static let holderChanging: Set<String> = [
        "former", "ex", "deputy", "shadow", "vice", "assistant", "junior", "acting", "then", "late", "outgoing",
        "incoming", "future", "interim", "caretaker", "prospective", "would-be", "one-time", "co", "under",
        "retired", "previous", "next",
    ]
}

/// A quotation whose speaker is only a role no one in the article was named in (`"…," the prime
/// minister said` after `Tony Blair has said…`): who held it then is a fact of the whole site.
public struct RoleQuestion: Sendable, Hashable {
    /// The role as written ("prime minister").
    public var phrase: String
    /// The people the article named before the quotation: the holder must be one of them.
    public var candidates: [EntityID]
}

extension QuoteExtractor {
    /// A role as a reference or title gives it: its noun (`minister`); the sense matched within
    /// the article, the noun with the modifiers that change its holder (`former minister` for
    /// `former prime minister`, who is not "the prime minister"); and the phrase matched across
    /// the site (`prime minister`).
    struct RoleName: Hashable {
        var noun: String
        var sense: String
        var phrase: String

        /// `modifiers` in reading order, lowercased; "PM" is the prime minister.
        init(noun written: String, modifiers: [String]) {
            noun = QuoteExtractor.role(written) ?? written
            sense = (modifiers.filter(RoleTitle.holderChanging.contains) + [noun]).joined(separator: " ")
            phrase = (modifiers + (written == "pm" ? ["prime", "minister"] : [noun])).joined(separator: " ")
        }
    }

    /// Words that end a role's modifiers going back from its noun: joins and honorifics.
    static let roleBoundaries: Set<String> = ["and", "or", "but", "as", "than", "mr", "mrs", "ms", "dr", "prof", "sir"]
}

extension QuoteExtractor.Paragraph {
    /// The role whose noun (`written`, as a role noun or rank) is at token `r`, with up to three
    /// modifiers before it, capitalised or title words, that are not a determiner, a preposition,
    /// a verb or an owner:
    /// `said Prime Minister Tony Blair` → "prime minister"; `the Tory leader` → "tory leader".
    func roleName(_ written: String, at r: Int) -> QuoteExtractor.RoleName {
        var modifiers: [String] = []
        var j = r - 1
        while j >= 0, r - j <= 3, let w = word(j), !Q.determiners.contains(w), !Q.prepositions.contains(w),
              !QuoteExtractor.roleBoundaries.contains(w), Q.pronouns[w] == nil, !isVerb(j), !isPossessive(j),
              tokens[j].capitalized || Q.titleWords.contains(w) {
            modifiers.append(w)
            j -= 1
        }
        return QuoteExtractor.RoleName(noun: written, modifiers: modifiers.reversed())
    }
}

extension QuoteExtractor.Speakers {
    /// Who `pronoun` at `token` credits: its referent, or, for a role no one in the article was
    /// introduced in (`the prime minister said` after `Tony Blair has said…`), the question
    /// `RoleHolders` answers from the whole site, among the people named before it.
    func credit(_ pronoun: QuoteExtractor.Pronoun, paragraph: Int, token: Int) -> QuoteExtractor.Credit {
        if let speaker = resolve(pronoun, paragraph: paragraph, token: token) { return QuoteExtractor.Credit(speaker: speaker) }
        guard paragraph >= 0, paragraph < referents.count else { return QuoteExtractor.Credit() }
        // "He added" after `The prime minister said…`: the role's holder too.
        if pronoun == .he || pronoun == .she, let chosen = antecedent(pronoun, paragraph: paragraph, token: token),
           case .stranger = chosen.mention.referent,
           let reference = paragraphs[chosen.paragraph].roleReference(chosen.mention.token, from: chosen.mention.sentence) {
            return credit(.role(reference.role), paragraph: chosen.paragraph, token: chosen.mention.token)
        }
        guard case .role(let role) = pronoun else { return QuoteExtractor.Credit() }
        var candidates: Set<Int> = []
        let phrase = RoleTitle.canonical(role.phrase)
        for p in 0...paragraph {
            for mention in referents[p] where p < paragraph || mention.token < token {
                // Someone was introduced in it: `resolve` chose, or a stranger holds it.
                if mention.roles.contains(role.sense) { return QuoteExtractor.Credit() }
                if case .entity(let e) = mention.referent, kind(e) == .person || kind(e) == .other { candidates.insert(e) }
            }
            // A like role written otherwise (`met the Italian prime minister`): the one meant may be theirs.
            let text = paragraphs[p]
            for k in 0..<(p < paragraph ? text.tokens.count : token) where !text.quoted[k] {
                if let w = text.word(k), QuoteExtractor.role(w) == role.noun, RoleTitle.canonical(text.roleName(w, at: k).phrase) != phrase {
                    return QuoteExtractor.Credit()
                }
            }
        }
        guard !candidates.isEmpty else { return QuoteExtractor.Credit() }
        return QuoteExtractor.Credit(role: RoleQuestion(phrase: role.phrase, candidates: candidates.sorted().map(EntityID.init)))
    }
}
