// Word lists for quote attribution: the verbs that report speech and the words that may stand
// between a speaker's name and that verb.

extension QuoteExtractor {
    /// Verbs that introduce a direct quotation (`X said: "…"`, `"…," X added`).
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "wrote", "writes",
        "tweeted", "tweets", "noted", "notes", "note", "explained", "explains", "argued", "argues", "warned", "warns",
        "insisted", "insists", "asked", "asks", "replied", "declared", "commented", "remarked", "stressed",
        "emphasized", "emphasised", "cautioned", "recalled", "recalls", "acknowledged", "admitted", "conceded",
        "announced", "predicted", "posted", "continued", "concluded", "claimed", "claims", "alleged", "urged",
        "quipped", "recounted", "lamented", "observed", "described", "describes", "called", "calls",
        "characterized", "characterised", "termed", "dubbed", "labelled", "labeled", "branded", "reads", "read",
        "revealed", "promised", "pledged", "vowed", "suggested", "reiterated", "confirmed", "denied", "maintained",
        "praised", "thanked", "mourned", "criticised", "criticized", "disagreed", "agreed", "responded", "answered",
        "proposed", "elaborated", "underlined", "expressed", "recalled", "shouted", "exclaimed", "talked", "spoke",
        "referred", "attacked", "dismissed", "denounced", "condemned", "add", "reacted", "informed", "justified", "reported",
        // The livelier verbs of British political copy (`"It's a disgrace," fumed Mr Howard`).
        "fumed", "raged", "snapped", "retorted", "countered", "joked", "jokes", "scoffed", "sneered", "thundered",
        "boasted", "boasts", "complained", "complains", "protested", "pleaded", "mused", "jibed", "taunted", "mocked",
        "demanded", "asserted", "contended", "interjected",
    ]

    /// Speech verbs that, after a quotation closed with a full stop, tell how someone reacted to
    /// it rather than who said it: `"…the best plan." Mr Smith disagreed.`
    static let reactionVerbs: Set<String> = [
        "disagreed", "agreed", "praised", "thanked", "mourned", "criticised", "criticized", "denied", "confirmed",
        "announced", "revealed", "promised", "pledged", "vowed", "attacked", "dismissed", "denounced", "condemned",
        "reacted", "responded", "answered", "replied", "talked", "spoke", "expressed", "referred", "informed", "justified",
        "proposed", "retorted", "countered", "scoffed", "sneered", "snapped", "taunted", "mocked", "protested", "complained",
        "demanded",
    ]

    /// Speech verbs that name something (`called it "a disgrace"`): after a quotation and a comma,
    /// a new clause (`…, Joe Biden called on the President to act`), not an attribution.
    static let namingVerbs: Set<String> = [
        "called", "calls", "described", "describes", "termed", "dubbed", "labelled", "labeled", "branded", "characterized", "characterised",
    ]

    /// Things with words on them, which a participle after them reads out (`a banner saying`).
    static let inscriptions: Set<String> = [
        "sign", "banner", "placard", "poster", "t-shirt", "shirt", "slogan", "card", "note", "message", "email", "e-mail",
        "letter", "text", "sticker", "badge", "headline", "billboard", "leaflet", "flyer", "petition", "graffiti", "caption",
    ]
    /// Verbs by which a sentence's subject issues such a thing, so its words are the subject's.
    static let issuingVerbs: Set<String> = [
        "issued", "issues", "sent", "sends", "wrote", "writes", "posted", "posts", "released", "releases", "published",
        "publishes", "tweeted", "signed", "signs", "put", "puts", "made", "makes", "delivered", "emailed", "texted",
    ]
    /// Participles that name a document's author before "by" (`The letter, signed by Ms Doe, said`).
    static let authoringVerbs: Set<String> = ["signed", "co-signed", "written", "issued", "sent", "published", "released", "posted",
                                              "authored", "drafted", "prepared", "compiled", "tweeted"]
    /// Verbs that bring in another's words: what follows is theirs, not the subject's.
    static let quotingVerbs: Set<String> = ["quoted", "quotes", "quoting", "cited", "cites", "citing"]

    /// Words for a share of something, capitalised only by opening a sentence (`Part of the statement`).
    static let portions: Set<String> = ["part", "parts", "much", "some", "most", "all", "many", "one", "each", "rest", "excerpt",
                                        "excerpts", "extract", "extracts", "section", "sections", "portion", "portions"]

    /// Verbs whose object in quotation marks is a work's title (`wrote "A Life in Politics"`).
    static let workVerbs: Set<String> = [
        "wrote", "writes", "co-wrote", "authored", "published", "publishes", "released", "releases", "directed", "produced",
        "recorded", "titled", "entitled", "narrated", "edited", "composed", "filmed",
    ]

    /// Verbs whose object may carry a partial quotation of the subject's words (`X called it "a
    /// disgrace"`, `X said the plan was "unworkable"`, `X confirmed that the man was "known to
    /// police"`). `reported` is left out: what follows it is seldom the subject's own phrase.
    static let partialQuoteVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "noted", "warned", "insisted",
        "argued", "claimed", "claims", "alleged", "urged", "described", "describes", "called", "calls", "characterized",
        "characterised", "termed", "dubbed", "labelled", "labeled", "branded", "stressed", "declared", "thanked",
        "vowed", "promised", "denied", "maintained", "explained", "stated", "remarked", "commented", "criticised",
        "criticized", "lamented", "conceded", "admitted", "suggested", "say", "talked", "spoke", "asked", "referred",
        "attacked", "dismissed", "denounced", "condemned", "hailed", "welcomed", "blasted", "slammed", "derided",
        "underlined", "accused", "informed", "justified", "add",
        // Reporting verbs of a that-clause (`confirmed that the man was "known to police"`).
        "confirmed", "confirms", "acknowledged", "acknowledges", "emphasised", "emphasized", "reiterated", "predicted",
        "announced", "revealed", "testified", "asserted", "complained", "indicated", "hinted", "clarified",
        // After "will", "is to", "is expected to": a speech announced (`Mr Smith will warn that …`).
        "tell", "warn", "insist", "argue", "claim", "urge", "describe", "call", "admit", "promise", "pledge", "vow", "accuse", "brand",
        // `expressed concern that the plan was "…"`.
        "expressed", "expresses", "voiced", "voices",
        // Praise in the subject's words (`congratulated the team for a string of "amazing successes"`).
        "congratulated", "congratulates", "commended", "applauded", "lauded",
        // An opinion in the subject's words (`Dempsey believes that … the press "has to be …"`).
        "believes", "believed", "thinks",
    ]

    /// Verbs whose object is a charge the subject rejects: a fragment in it quotes the accuser.
    static let denialVerbs: Set<String> = ["denied", "denies", "deny", "denying"]

    /// Verbs of a directive whose object is told what to do (`tasked every member "to …"`,
    /// `ordered troops to "stand firm"`): a quotation that is the infinitive is the giver's words.
    static let directiveVerbs: Set<String> = [
        "tasked", "ordered", "instructed", "encouraged", "challenged", "implored", "begged", "advised", "pressed",
        "exhorted", "invited", "appealed", "directed", "charged", "commanded", "requested", "reminded",
        // As progressives (`she was directing six committees to "proceed …"`).
        "tasking", "ordering", "instructing", "encouraging", "challenging", "directing", "asking", "inviting",
    ]

    /// Speech verbs that ask: who was asked speaks next.
    static let questionVerbs: Set<String> = ["asked", "asks", "ask"]
    /// Verbs that take the listener as object: `X told reporters: "…"`.
    static let tellVerbs: Set<String> = ["told", "tells", "tell", "asked", "asks", "urged", "thanked", "praised", "answered"]

    /// Verbs by which a document reaches someone who did not write it ("received a letter").
    static let receivingVerbs: Set<String> = ["received", "receives", "receive", "got", "gets", "obtained", "saw", "sees", "seen", "read", "reads", "quoted", "cited"]
    /// The same after a form of "be" (`was sent a letter`).
    static let passiveReceivingVerbs: Set<String> = ["sent", "given", "handed", "shown"]
    /// Documents that speak for whoever issued them: `Judge Miller's statement reads "…"`.
    static let documents: Set<String> = [
        "statement", "release", "tweet", "post", "letter", "filing", "website", "account", "message", "decree",
        "proclamation", "opinion", "ruling", "summary", "memo", "notice", "order", "judgment", "judgement", "decision", "report",
    ]

    /// Nouns for what someone said: `Mr Smith's remark that voters were "not stupid"` quotes Mr Smith,
    /// whoever the sentence is about.
    static let utterances: Set<String> = [
        "remark", "remarks", "comment", "comments", "claim", "claims", "words", "warning", "pledge", "promise",
        "assertion", "suggestion", "insistence", "accusation", "jibe", "boast", "admission", "description",
        "message", "verdict", "response", "reply", "answer", "retort", "reaction", "advice",
    ]

    /// Lowercase words that may stand in a title before a name ("shadow home secretary Jane Doe").
    static let titleWords: Set<String> = [
        "president", "vice", "prime", "minister", "secretary", "chancellor", "premier", "chief", "economist",
        "analyst", "strategist", "spokesman", "spokeswoman", "spokesperson", "senator", "representative",
        "ambassador", "envoy", "governor", "mayor", "director", "chairman", "chairwoman", "chair", "ceo",
        "executive", "head", "leader", "deputy", "senior", "former", "foreign", "finance", "economy", "home",
        "shadow", "health", "justice", "culture", "education", "transport", "environment", "energy", "defence",
        "defense", "interior", "treasury", "commerce", "industry", "state", "general", "commander", "official",
        "adviser", "advisor", "professor", "lawyer", "attorney", "judge", "king", "queen", "prince", "princess",
        "lawmaker", "congressman", "congresswoman", "commissioner", "founder", "co-founder", "manager", "partner",
        "researcher", "fellow", "aide", "negotiator", "top", "opposition", "party", "acting", "incoming",
        "outgoing", "elected", "re-elected", "newly", "interim", "presidential", "economic", "trade", "co-author", "author", "study", "lead", "astronomer",
        "scientist", "expert", "scholar", "political", "director-general", "secretary-general", "administrator",
        "prosecutor", "detective", "inspector", "officer", "sheriff", "captain", "coach", "actor", "actress",
        "singer", "musician", "artist", "writer", "editor", "broadcaster", "host", "presenter", "correspondent",
        "reporter", "journalist", "activist", "campaigner", "candidate", "member", "mp", "legislator",
        "assemblywoman", "assemblyman", "businessman", "businesswoman", "entrepreneur", "professional", "wrestler",
        "drummer", "guitarist", "player", "leading", "longtime", "veteran", "retired", "general-secretary",
        "the", "a", "an", "his", "her", "their", "its", "another", "one", "mr", "mrs", "ms", "dr", "prof",
        "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "tag", "team",
        "archbishop", "bishop", "cardinal", "cleric", "priest", "mufti", "imam",
    ]

    /// The forms of "be": before a participle they make a passive, and between a name and a
    /// speech verb they start another clause.
    static let beForms: Set<String> = ["is", "was", "are", "were", "be", "been", "being"]
    /// Auxiliaries besides "be" that open another clause after a name (`X has`, `X will`).
    static let auxiliaries: Set<String> = beForms.union(["has", "have", "had", "will", "would", "can", "could", "did", "does"])
    /// Owners written as pronouns (`his claim`): the owner is someone named before, not a new one.
    static let possessivePronouns: Set<String> = ["his", "her", "their", "its", "our", "my"]
    /// The possessive pronouns that name one owner to resolve (`his claim`).
    static let possessivePronounOwners: [String: Pronoun] = ["his": .he, "her": .she, "its": .it]
    static let determiners: Set<String> = possessivePronouns.union(["the", "a", "an", "another", "one"])
    static let pronouns: [String: Pronoun] = ["he": .he, "she": .she, "it": .it]
    static let objectPronouns: [String: Pronoun] = ["him": .he, "her": .she]
    /// Roles and professions news uses to refer back to a person it introduced with them
    /// ("trade commissioner Albert Muchanga … The commissioner said").
    static let roleNouns: Set<String> = [
        "president", "minister", "secretary", "chancellor", "premier", "senator", "representative", "congressman",
        "congresswoman", "ambassador", "envoy", "governor", "mayor", "director", "chairman", "chairwoman", "commissioner",
        "judge", "prosecutor", "attorney", "lawyer", "professor", "researcher", "scientist", "economist", "analyst",
        "actress", "actor", "singer", "author", "writer", "coach", "commander", "sheriff", "ceo", "founder", "speaker",
        "spokesman", "spokeswoman", "spokesperson", "cardinal", "bishop", "archbishop", "pope", "drummer", "guitarist",
        "general", "admiral", "colonel", "captain", "lieutenant", "sergeant", "leader",
        "king", "queen", "prince", "princess", "emperor", "monarch",
    ]
    /// Military ranks as written before a name (`Army Gen. Martin E. Dempsey`, `Adm. Mike Mullen`):
    /// they introduce the role a later "the general said" refers to. "PM" is the prime minister's,
    /// as British news writes it (`The PM said:` after `The Prime Minister has said …`).
    static let rankAbbreviations: [String: String] = [
        "gen": "general", "adm": "admiral", "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant",
        "pm": "minister",
    ]

    /// The role a word before a name gives its bearer (`minister`, `Gen.` → general), if any.
    static func role(_ word: String) -> String? { roleNouns.contains(word) ? word : rankAbbreviations[word] }
    /// Nouns that refer back to an organisation: "the party said", "the company added".
    static let organisationNouns: Set<String> = [
        "party", "company", "firm", "group", "ministry", "department", "agency", "bank", "council", "commission",
        "organisation", "organization", "union", "network", "broadcaster", "charity", "court", "court's", "campaign",
    ]
    /// The people around someone, named after them (`the Trump administration`, `Biden aides`);
    /// roles (`Trump spokesman`) are in `roleNouns`.
    static let staffNouns: Set<String> = [
        "administration", "government", "team", "camp", "aides", "aide", "officials", "staff", "allies", "supporters",
        "lawyers", "family", "office", "foundation", "cabinet",
    ]
    /// Roles of someone's staff, written after the name they work for (`Clinton spokesman Brian Fallon`).
    static let staffRoles: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "advisers", "advisors", "manager", "strategist",
        "surrogate", "ally", "pollster",
    ]
    static let notTitles: Set<String> = ["it", "this", "that", "there", "here", "they", "we", "i", "you", "who", "which"]
    static let adverbs: Set<String> = [
        "also", "later", "then", "has", "have", "had", "once", "previously", "recently", "earlier", "again",
        "further", "would", "will", "only", "simply", "just", "yesterday", "today", "tonight", "publicly",
        "separately", "similarly", "subsequently", "initially", "first", "repeatedly", "still",
        // Not `never`: `Mr Smith never said that …` does not give him the words.
        "long", "often", "always", "already", "now", "even", "twice",
    ]
    /// Words that may follow the verb or name of a trailing attribution (`said Abe in Tokyo`).
    static let afterNameWords: Set<String> = [
        "in", "on", "at", "during", "after", "before", "when", "while", "as", "of", "from", "who", "to", "with",
        "for", "by", "via", "through", "about", "last", "this", "yesterday", "today", "tonight", "earlier", "later",
        "recently", "afterwards", "again", "also", "too", "then", "once", "shortly", "following", "per", "upon",
    ]
    /// Conjunctions that open a subordinate clause before the main one (`When X suggested…, Y said`).
    static let adverbialOpeners: Set<String> = ["when", "after", "before", "as", "while", "although", "though", "because", "since", "once", "if", "until", "whereas"]
    /// Words that open a new clause inside a sentence: a subject cannot reach back across them.
    static let clauseOpeners: Set<String> = [
        "and", "but", "or", "while", "whilst", "as", "because", "although", "though", "when", "after", "before",
        "since", "whereas", "if", "unless", "until", "where", "that", "which", "who", "whom", "so", "yet",
    ]
    /// Prepositions that start a time phrase between a name and its verb (`Trump on Friday said`).
    static let timePrepositions: Set<String> = ["on", "in", "at", "during", "last", "this", "next", "late", "early"]
}
