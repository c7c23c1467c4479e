import GlossContent
import GlossMarkdown

/// Options of the analyse stage that come from the command line.
public struct AnalysisOptions: Sendable, Hashable {
    public var allowOrphans: Bool
    public init(allowOrphans: Bool = false) { self.allowOrphans = allowOrphans }
}

/// The analyse stage's output for the whole site.
public struct AnalysedSite: Sendable {
    public var content: SiteContent
    public var registry: EntityRegistry
    /// In the order of `content.articles` (newest first).
    public var articles: [AnalysedArticle]
    /// By article: a number that identifies this analysis of the article, in this process.
    /// Equal numbers mean the very same analysis (the preview's cache handed it back), so the
    /// render stage can tell unchanged articles apart without comparing them.
    public var revisions: [Int]
    /// Likewise for everything else a page may read: changes whenever the registry, the
    /// settings or the build options do.
    public var settingsRevision: Int
    /// Entity descriptions as HTML for a page two folders deep, by entity index.
    public var entityDescriptions: [String]
    /// Newest first; `editions[0]` is the home page.
    public var digests: [DigestEdition]
    /// For each article, the index in `digests` of the edition it belongs to.
    public var articleDigest: [Int]
    public var diagnostics: [Diagnostic]
}

/// Runs the analysis of every article in parallel: one walk of each cmark tree links entities,
/// extracts quotes and anchors notes, and renders the body.
public enum SiteAnalyser {
    /// Detail pages (articles/x/, entities/x/) sit two folders below the root.
    public static let detailRoot = "../../"

    /// - Parameter cache: analyses of an earlier build (the preview keeps one); only articles
    ///   whose inputs changed are analysed again.
    public static func analyse(_ content: SiteContent, options: AnalysisOptions = AnalysisOptions(),
                               cache: AnalysisCache? = nil) -> AnalysedSite {
        var diagnostics: [Diagnostic] = []
        let registry = EntityRegistry(entities: content.entities, diagnostics: &diagnostics)
        let notesByArticle = Dictionary(grouping: content.annotations, by: \.article)
        let config = content.config
        let settings = AnalysisCache.Settings(entities: content.entities, config: config, options: options)
        let (previous, settingsRevision) = cache?.begin(settings) ?? ([:], Revision.next())
        let entries = content.articles.concurrentMap { article -> AnalysisCache.Entry in
            let key = AnalysisCache.Key(article: article, notes: (notesByArticle[article.slug] ?? []).sorted { $0.id < $1.id },
                                        config: config, options: options)
            if let hit = previous[article.path], hit.key == key { return hit }
            return AnalysisCache.Entry(key, Self.analyse(article, notes: key.notes, registry: registry, config: config, options: options))
        }
        cache?.finish(entries)
        let articles = entries.map(\.analysed)
        let revisions = entries.map(\.revision)
        let descriptions = content.entities.concurrentMap { entity -> RenderedFragment in
            let fresh = { MarkdownFragment.render(entity.body, from: entity.path, line: entity.bodyLine,
                                                  registry: registry, config: config, rootPath: detailRoot) }
            return cache?.description(entity, render: fresh) ?? fresh()
        }
        diagnostics += descriptions.flatMap(\.diagnostics)
        diagnostics += articles.flatMap(\.diagnostics)
        let digests = DigestPlanner.plan(content: content, registry: registry, detailRoot: detailRoot)
        diagnostics += digests.diagnostics
        return AnalysedSite(content: content, registry: registry, articles: articles, revisions: revisions,
                            settingsRevision: settingsRevision, entityDescriptions: descriptions.map(\.html),
                            digests: digests.editions, articleDigest: digests.articleEdition, diagnostics: diagnostics.sorted())
    }

    static func analyse(_ article: Article, notes: [Annotation], registry: EntityRegistry,
                        config: SiteConfig, options: AnalysisOptions) -> AnalysedArticle {
        let document = MarkdownDocument(article.body, options: MarkdownOptions(allowUnsafeHTML: config.allowUnsafeHTML))
        let blocks = document.textBlocks()
        let linker = EntityLinker(registry: registry, policy: config.entityLinking, rootPath: detailRoot)
        let linked = linker.link(document, blocks: blocks)

        let quotes = QuoteMarker.mark(document, blocks: blocks, matches: linked.blockMatches, registry: registry)
        let anchorer = NoteAnchorer(allowOrphans: options.allowOrphans) { annotation in
            MarkdownFragment.render(annotation.body, from: annotation.path, line: annotation.bodyLine,
                                    registry: registry, config: config, rootPath: detailRoot)
        }
        let anchored = anchorer.anchor(notes, in: document, blocks: blocks)

        let paragraphs = blocks.filter { $0.kind == .paragraph }
        let text = blocks.map(\.text).joined(separator: "\n\n")
        return AnalysedArticle(
            article: article,
            html: document.renderHTML(),
            summary: article.summary ?? paragraphs.first?.text ?? "",
            mentions: linked.mentions,
            quotes: quotes,
            notes: anchored.notes,
            orphans: anchored.orphans,
            ambiguous: linked.ambiguous.map {
                AmbiguousOccurrence(alias: $0.alias, path: article.path, line: article.bodyLine + blocks[$0.block].line - 1)
            },
            text: text,
            wordCount: text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count,
            matchedSurfaces: linked.surfaces,
            diagnostics: document.refusedLinkWarnings(path: article.path, firstLine: article.bodyLine) + anchored.diagnostics)
    }
}

/// Markdown outside articles (note bodies, entity descriptions, digest introductions) as a
/// page shows it, with the entities it links and the warnings about it.
public struct RenderedFragment: Sendable, Hashable {
    public var html: String
    /// Entities linked, by index.
    public var entities: [Int]
    /// Links and images refused by `LinkPolicy`, placed in the file the Markdown came from.
    public var diagnostics: [Diagnostic]
}

/// Renders Markdown outside articles, with entities linked on the first mention.
public enum MarkdownFragment {
    /// - Parameters:
    ///   - path: the file the Markdown comes from, and `line` its first line there.
    public static func render(_ markdown: String, from path: String, line: Int, registry: EntityRegistry,
                              config: SiteConfig, rootPath: String) -> RenderedFragment {
        let document = MarkdownDocument(markdown, options: MarkdownOptions(allowUnsafeHTML: config.allowUnsafeHTML))
        let linked = EntityLinker(registry: registry, policy: config.entityLinking, rootPath: rootPath)
            .link(document, blocks: document.textBlocks())
        return RenderedFragment(html: document.renderHTML(), entities: linked.mentions.map(\.entity),
                                diagnostics: document.refusedLinkWarnings(path: path, firstLine: line))
    }
}
