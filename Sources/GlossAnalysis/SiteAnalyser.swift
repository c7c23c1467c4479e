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
    public var articles: Table<ArticleID, AnalysedArticle>
    /// Changes whenever the registry, the settings or the build options do: with the theme,
    /// what every page may depend on besides what it shows (see `AnalysedArticle.revision`).
    public var settingsRevision: Int
    /// Newest first; the first is the home page.
    public var digests: Table<DigestID, DigestEdition>
    /// Cross-article facts: each article's digest and related articles, each entity's
    /// description, mentions, company, notes and quotes, and the tags.
    public var index: SiteIndex
    /// The files to publish: every static file, and each file beside content a page uses.
    public var files: [MediaFile]
    public var diagnostics: [Diagnostic]
}

/// Runs the analysis of every article in parallel: one walk of each cmark tree links entities,
/// extracts quotes and anchors notes, leaving Gloss's own nodes for the render stage.
public enum SiteAnalyser {
    /// - Parameter cache: analyses of an earlier build (the preview keeps one); only articles
    ///   whose inputs changed are analysed again.
    public static func analyse(_ content: SiteContent, options: AnalysisOptions = AnalysisOptions(),
                               cache: AnalysisCache? = nil) -> AnalysedSite {
        let (registry, registryDiagnostics) = LastValueMemo.value(in: cache?.registry, for: content.entities) {
            var found: [Diagnostic] = []
            return (EntityRegistry(entities: content.entities, diagnostics: &found), found)
        }
        var diagnostics = registryDiagnostics
        // Notes by index, not copies: a preview rebuild compares 50,000 notes with the last build's
        // and analyses the notes of one article; copying them all each time cost more than that.
        let notes = content.annotations
        var grouped: [String: [Int]] = [:]
        for i in notes.indices { grouped[notes[i].article, default: []].append(i) }
        let notesByArticle = grouped
        let config = content.config
        let settings = AnalysisCache.Settings(entities: content.entities, config: config, options: options)
        let (previous, settingsRevision) = cache?.begin(settings) ?? ([:], Revision.next())
        // One article at a time: their cost varies with their length and notes.
        let entries = content.articles.concurrentMapBalanced { article -> AnalysisCache.Entry in
            let noteIndices = (notesByArticle[article.slug] ?? []).sorted { notes[$0].id < notes[$1].id }
            if let hit = previous[article.path], hit.key.holds(article, notes: noteIndices, of: notes, config: config, options: options),
               hit.analysed.media.hold(in: content.media) {
                return hit
            }
            let key = AnalysisCache.Key(article: article, notes: noteIndices.map { notes[$0] }, config: config, options: options)
            return AnalysisCache.Entry(key, Self.analyse(article, notes: key.notes, registry: registry, config: config,
                                                         media: content.media, options: options))
        }
        cache?.finish(entries)
        // Site-wide: a quote credited only to a role (`the prime minister said`) gets its holder.
        let analysed = entries.map(\.analysed)
        let holders = RoleHolders(analysed, registry: registry.entities)
        let articles = Table<ArticleID, AnalysedArticle>(cache?.credit(analysed, by: holders) ?? analysed.map(holders.credit))
        let descriptions = content.entities.concurrentMap { entity -> AnalysedBody in
            let fresh = {
                MarkdownFragment.analyse(entity.body, registry: registry, config: config, media: content.media,
                                         home: .entity(entity.slug), file: entity.path, firstLine: entity.bodyLine).body
            }
            return cache?.description(entity, media: content.media, render: fresh) ?? fresh()
        }
        diagnostics += articles.flatMap(\.diagnostics)
        let digests = DigestPlanner.plan(content: content, registry: registry)
        // Side by side: neither reads the other, and each is a pass over every article.
        let media = content.media, editions = digests.editions
        let files = BackgroundWork {
            SiteFileUse.published(articles: articles, descriptions: descriptions, digests: editions, media: media)
        }
        let index = SiteIndex(articles: articles, registry: registry, descriptions: descriptions, digestOf: digests.articleEdition,
                              coMentions: cache?.coMentions, settingsRevision: settingsRevision)
        diagnostics += files.value.problems
        diagnostics += digests.diagnostics
        var kept = content
        kept.articles = kept.articles.map(\.withoutMarkdown)
        return AnalysedSite(content: kept, registry: registry, articles: articles, settingsRevision: settingsRevision,
                            digests: digests.editions, index: index, files: files.value.files, diagnostics: diagnostics.sorted())
    }

    static func analyse(_ article: Article, notes: [Annotation], registry: EntityRegistry,
                        config: SiteConfig, media: SiteMedia, options: AnalysisOptions) -> AnalysedArticle {
        let document = MarkdownDocument(article.body, options: MarkdownOptions(allowUnsafeHTML: config.allowUnsafeHTML))
        let nodes = BodyNodes(media: media)
        SiteLinker.link(document, home: .article(article.slug), file: article.path, firstLine: article.bodyLine, nodes: nodes)
        ImageLinker.link(document, home: .article(article.slug), file: article.path, firstLine: article.bodyLine, nodes: nodes)
        let leadImage = article.image.flatMap { ImageLinker.lead($0, file: article.path, nodes: nodes) }
        let blocks = document.textBlocks()
        let linker = EntityLinker(registry: registry, policy: config.entityLinking, introductions: true)
        let linked = linker.link(document, blocks: blocks, nodes: nodes)

        let quotes = QuoteMarker.mark(document, blocks: blocks, matches: linked.blockMatches, profiles: registry.profiles, nodes: nodes)
        let anchorer = NoteAnchorer(allowOrphans: options.allowOrphans) { annotation in
            MarkdownFragment.analyse(annotation.body, registry: registry, config: config, media: media,
                                     home: .article(article.slug), file: annotation.path, firstLine: annotation.bodyLine)
        }
        let anchored = anchorer.anchor(notes, in: document, blocks: blocks, nodes: nodes)
        let figures = ImageLinker.makeFigures(document, nodes: nodes)
        let body = nodes.body(of: document, file: article.path, firstLine: article.bodyLine)
        let noteBodies = anchored.notes.map(\.body) + anchored.orphans.map(\.body)

        // A photo's caption is not what the article says: the summary is its first paragraph of text.
        let paragraphs = blocks.filter { $0.kind == .paragraph && !figures.contains($0.index) && !$0.text.trimmingWhitespace().isEmpty }
        let text = blocks.map(\.text).joined(separator: "\n\n")
        return AnalysedArticle(
            article: article.withoutMarkdown,
            body: body,
            leadImage: leadImage,
            summary: article.summary ?? paragraphs.first?.text ?? "",
            mentions: linked.mentions,
            quotes: quotes.quotes,
            roleTitles: quotes.titles,
            notes: anchored.notes,
            orphans: anchored.orphans,
            ambiguous: linked.ambiguous.map {
                AmbiguousOccurrence(alias: $0.alias, path: article.path, line: article.bodyLine + blocks[$0.block].line - 1)
            },
            nearMisses: linked.nearMisses.map {
                NearMissOccurrence(alias: $0.alias, name: $0.name, entity: registry.entities[EntityID($0.entity)].slug,
                                   path: article.path, line: article.bodyLine + blocks[$0.block].line - 1)
            },
            unintroduced: linked.unintroduced.map {
                UnintroducedSurname(alias: $0.alias, entity: registry.entities[EntityID($0.entity)].slug,
                                    path: article.path, line: article.bodyLine + blocks[$0.block].line - 1)
            },
            text: text,
            wordCount: Self.wordCount(text),
            matchedSurfaces: linked.surfaces,
            media: body.media + noteBodies.flatMap(\.media),
            diagnostics: anchored.diagnostics + body.problems + noteBodies.flatMap(\.problems))
    }
}

extension SiteAnalyser {
    /// Runs of text between spaces and line breaks, counted on UTF-8 bytes: splitting the
    /// `String` found grapheme clusters in every article's whole text (3% of a 10,000-article build).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let separates = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
            if !separates && !inWord { count += 1 }
            inWord = !separates
        }
        return count
    }
}

/// Markdown outside articles (note bodies, entity descriptions, digest introductions), with
/// entities linked on the first mention.
public enum MarkdownFragment {
    /// - Parameters:
    ///   - home: the page the text belongs to, which its relative links are read from.
    ///   - file, firstLine: where the Markdown is, for messages about its links.
    ///   - media: the site's files, which its images and links may show.
    public static func analyse(_ markdown: String, registry: EntityRegistry, config: SiteConfig, media: SiteMedia,
                               home: Route, file: String, firstLine: Int) -> (body: AnalysedBody, entities: [EntityID]) {
        let document = MarkdownDocument(markdown, options: MarkdownOptions(allowUnsafeHTML: config.allowUnsafeHTML))
        let nodes = BodyNodes(media: media)
        SiteLinker.link(document, home: home, file: file, firstLine: firstLine, nodes: nodes)
        ImageLinker.link(document, home: home, file: file, firstLine: firstLine, nodes: nodes)
        let linked = EntityLinker(registry: registry, policy: config.entityLinking).link(document, blocks: document.textBlocks(), nodes: nodes)
        ImageLinker.makeFigures(document, nodes: nodes)
        return (nodes.body(of: document, file: file, firstLine: firstLine), linked.mentions.map(\.entity))
    }
}
