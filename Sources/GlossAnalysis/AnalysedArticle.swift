import GlossContent

/// How often an article mentions an entity, and where first.
public struct EntityMention: Sendable, Hashable {
    public var entity: EntityID
    public var count: Int
    /// A few words either side of the first mention, as plain text.
    public var snippet: String
}

/// A direct quotation and who said it.
public struct Quote: Sendable, Hashable {
    public var text: String
    public var speaker: EntityID?
    /// A role the text credits that the article names no one in (`the prime minister said`):
    /// `RoleHolders` sets the speaker from the rest of the site.
    public var role: RoleQuestion?
    /// 1-based index among the article's paragraphs.
    public var paragraph: Int
    /// Fragment id of the quotation's place in the article page.
    public var anchor: String
}

/// A note whose passage was found: it is rendered beside that passage.
public struct AnchoredNote: Sendable, Hashable {
    public var annotation: Annotation
    /// 1-based, in reading order within the article.
    public var number: Int
    /// The passage as the article says it.
    public var passage: String
    /// The note's text, entities linked.
    public var body: AnalysedBody
    public var mentionedEntities: [EntityID]
    /// TextPositionSelector: offsets in Unicode scalars into the article's text (blocks joined by "\n\n").
    public var start: Int
    public var end: Int
    /// The words just before and after the passage (TextQuoteSelector prefix/suffix).
    public var prefix: String
    public var suffix: String
}

/// A note whose passage could not be found; shown on the "Unanchored notes" page so it is never lost.
public struct OrphanNote: Sendable, Hashable {
    public var annotation: Annotation
    public var closest: String?
    public var body: AnalysedBody
    public var mentionedEntities: [EntityID]
}

/// Where an ambiguous alias occurs, for `gloss check`.
public struct AmbiguousOccurrence: Sendable, Hashable {
    public var alias: String
    public var path: String
    public var line: Int
}

/// Where an alias was found inside a longer name and so not linked, for `gloss check`: the editor
/// may register that person or list the alias under `ambiguous_aliases`.
public struct NearMissOccurrence: Sendable, Hashable {
    /// The alias as written and the longer name it sits in ("Smith", "Jane Smith").
    public var alias: String
    public var name: String
    /// Slug of the entity whose alias it is.
    public var entity: String
    public var path: String
    public var line: Int
}

/// A person's surname in an article that never names them in full or with a title, and so not
/// linked, for `gloss check`: the article may mean someone or something else (`Washington` the
/// city), or should name the person once.
public struct UnintroducedSurname: Sendable, Hashable {
    public var alias: String
    /// Slug of the entity whose alias it is.
    public var entity: String
    public var path: String
    public var line: Int
}

/// Everything one walk over an article found: the output of the analyse stage for it.
/// A class, immutable: every later stage reads articles many times over (indexes, cards,
/// feeds, search), and copying a struct of this many fields costs a retain per field each time.
public final class AnalysedArticle: Sendable, Equatable {
    /// A number no other analysis in this process has: the preview's cache hands an unchanged
    /// article's analysis back whole, so equal revisions mean the very same analysis, and a
    /// page made from it needs no rebuilding.
    public let revision = Revision.next()
    public let article: Article
    /// The body, entity links, note marks, sidenotes and quotation anchors as nodes.
    public let body: AnalysedBody
    /// The lead picture (`image:`), found.
    public let leadImage: SiteImage?
    public let summary: String
    public let mentions: [EntityMention]
    public let quotes: [Quote]
    /// The people the body names with a role, for `RoleHolders`.
    public let roleTitles: [RoleTitle]
    public let notes: [AnchoredNote]
    public let orphans: [OrphanNote]
    public let ambiguous: [AmbiguousOccurrence]
    public let nearMisses: [NearMissOccurrence]
    public let unintroduced: [UnintroducedSurname]
    /// Plain text of the body, for search and snippets.
    public let text: String
    public let wordCount: Int
    /// Entity names and aliases matched in the body, as written.
    public let matchedSurfaces: Set<String>
    /// What the body, the notes and the lead picture asked of the site's files.
    public let media: [MediaLookup]
    public let diagnostics: [Diagnostic]

    init(article: Article, body: AnalysedBody, leadImage: SiteImage?, summary: String, mentions: [EntityMention], quotes: [Quote],
         roleTitles: [RoleTitle], notes: [AnchoredNote], orphans: [OrphanNote], ambiguous: [AmbiguousOccurrence], nearMisses: [NearMissOccurrence],
         unintroduced: [UnintroducedSurname], text: String,
         wordCount: Int, matchedSurfaces: Set<String>, media: [MediaLookup], diagnostics: [Diagnostic]) {
        self.article = article
        self.body = body
        self.leadImage = leadImage
        self.summary = summary
        self.mentions = mentions
        self.quotes = quotes
        self.roleTitles = roleTitles
        self.notes = notes
        self.orphans = orphans
        self.ambiguous = ambiguous
        self.nearMisses = nearMisses
        self.unintroduced = unintroduced
        self.text = text
        self.wordCount = wordCount
        self.matchedSurfaces = matchedSurfaces
        self.media = media
        self.diagnostics = diagnostics
    }

    /// The same analysis with its quotes credited anew (a new revision: pages that show them change).
    func withQuotes(_ quotes: [Quote]) -> AnalysedArticle {
        AnalysedArticle(article: article, body: body, leadImage: leadImage, summary: summary, mentions: mentions, quotes: quotes,
                        roleTitles: roleTitles, notes: notes, orphans: orphans, ambiguous: ambiguous, nearMisses: nearMisses,
                        unintroduced: unintroduced, text: text, wordCount: wordCount, matchedSurfaces: matchedSurfaces,
                        media: media, diagnostics: diagnostics)
    }

    /// The same analysis: see `revision`.
    public static func == (a: AnalysedArticle, b: AnalysedArticle) -> Bool { a.revision == b.revision }
}
