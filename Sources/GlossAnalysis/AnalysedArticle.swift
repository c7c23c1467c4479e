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
    public let summary: String
    public let mentions: [EntityMention]
    public let quotes: [Quote]
    public let notes: [AnchoredNote]
    public let orphans: [OrphanNote]
    public let ambiguous: [AmbiguousOccurrence]
    /// Plain text of the body, for search and snippets.
    public let text: String
    public let wordCount: Int
    /// Entity names and aliases matched in the body, as written.
    public let matchedSurfaces: Set<String>
    public let diagnostics: [Diagnostic]

    init(article: Article, body: AnalysedBody, summary: String, mentions: [EntityMention], quotes: [Quote], notes: [AnchoredNote],
         orphans: [OrphanNote], ambiguous: [AmbiguousOccurrence], text: String, wordCount: Int, matchedSurfaces: Set<String>,
         diagnostics: [Diagnostic]) {
        self.article = article
        self.body = body
        self.summary = summary
        self.mentions = mentions
        self.quotes = quotes
        self.notes = notes
        self.orphans = orphans
        self.ambiguous = ambiguous
        self.text = text
        self.wordCount = wordCount
        self.matchedSurfaces = matchedSurfaces
        self.diagnostics = diagnostics
    }

    /// The same analysis: see `revision`.
    public static func == (a: AnalysedArticle, b: AnalysedArticle) -> Bool { a.revision == b.revision }
}
