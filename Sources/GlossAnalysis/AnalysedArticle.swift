import GlossContent

/// How often an article mentions an entity, and where first.
public struct EntityMention: Sendable, Hashable {
    public var entity: Int
    public var count: Int
    /// A few words either side of the first mention, as plain text.
    public var snippet: String
}

/// A direct quotation and who said it.
public struct Quote: Sendable, Hashable {
    public var text: String
    public var speaker: Int?
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
    public var bodyHTML: String
    public var mentionedEntities: [Int]
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
    public var bodyHTML: String
    public var mentionedEntities: [Int]
}

/// Where an ambiguous alias occurs, for `gloss check`.
public struct AmbiguousOccurrence: Sendable, Hashable {
    public var alias: String
    public var path: String
    public var line: Int
}

/// Everything one walk over an article found: the output of the analyse stage for it.
public struct AnalysedArticle: Sendable {
    public var article: Article
    /// The body as HTML, with entity links, marks and sidenotes, for a page two folders deep.
    public var html: String
    public var summary: String
    public var mentions: [EntityMention]
    public var quotes: [Quote]
    public var notes: [AnchoredNote]
    public var orphans: [OrphanNote]
    public var ambiguous: [AmbiguousOccurrence]
    /// Plain text of the body, for search and snippets.
    public var text: String
    public var wordCount: Int
    /// Entity names and aliases matched in the body, as written.
    public var matchedSurfaces: Set<String>
    public var diagnostics: [Diagnostic]
}
