// Roles as written around names (`Prime Minister Tony Blair`, `the home secretary`): the noun an
// article's own references are matched on, and the whole phrase the site's table of role
// holders (`RoleHolders`) is keyed on, since "the home secretary" is not "the foreign secretary".

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
        let words = phrase.split(separator: " ")
        let lastStart = words.lastIndex { Self.holderChanging.contains(String($0)) } ?? max(0, words.count - 2)
        return (0...lastStart).map { words[$0...].joined(separator: " ") }
    }

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
    /// A role as a reference or title gives it: the noun matched within the article (`minister`)
    /// and the phrase matched across the site (`prime minister`).
    struct RoleName: Hashable {
        var noun: String
        var phrase: String

        /// `modifiers` in reading order, lowercased; "PM" is the prime minister.
        init(noun written: String, modifiers: [String]) {
            noun = QuoteExtractor.role(written) ?? written
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
