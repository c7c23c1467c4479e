import GlossAnalysis
import GlossContent

struct MentionItem: Hashable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var countLabel: String
    var snippet: String
}

struct QuoteItem: Hashable {
    var text: String
    var speaker: String
    var url: String
    var articleTitle: String
    var date: String
}

struct EntityPage: Hashable {
    var site: SiteInfo
    var page: PageChrome
    var name: String
    var kindLabel: String
    var summary: String?
    var aliases: [String]
    var descriptionHTML: String
    var links: [LinkItem]
    var timelineSVG: String
    var articleCountLabel: String
    var mentions: [MentionItem]
    var quotes: [QuoteItem]
    var appearsWith: [EntityRef]
    var neighbourhood: GraphFigure?
    var notes: [NoteItem]
}

/// `entities/<slug>/`: an entity's description and outside links, a timeline, the articles that
/// mention it, its quotes, who it appears with (a graph of its neighbourhood and a list) and
/// the notes that mention it.
enum EntityPageKind: PageKind {
    static let template = "entity"
    /// Companions listed under "Appears with".
    static let companions = 12

    struct Input: Equatable, Sendable {
        struct Mention: Equatable, Sendable { var article: AnalysedArticle; var count: Int; var snippet: String }
        struct Pick: Equatable, Sendable { var article: AnalysedArticle; var index: Int }

        var entity: EntityID
        var description: AnalysedBody
        var mentions: [Mention]
        var quotes: [Pick]
        var notes: [Pick]
        var company: [SiteIndex.Companion]
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        site.registry.entities.identified.map { id, entity in
            let facts = site.index.entities[id]
            let input = Input(
                entity: id, description: facts.description,
                mentions: facts.mentions.map { Input.Mention(article: site.articles[$0.article], count: $0.count, snippet: $0.snippet) },
                quotes: facts.quotes.map { Input.Pick(article: site.articles[$0.article], index: $0.quote) },
                notes: facts.notes.map { Input.Pick(article: site.articles[$0.article], index: $0.note) },
                company: Array(facts.company.prefix(companions)))
            return Page(route: .entity(entity.slug), input: input)
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> EntityPage {
        let entity = page.registry.entities[input.entity]
        let chrome = page.chrome(title: entity.name, kind: "entity", description: entity.summary ?? "\(entity.name) in \(page.info.title)",
                                 crumbs: [page.crumb("Entities", up: .entities), Crumb(title: entity.name)], ogType: "profile")
        let mentions = input.mentions.map { mention -> MentionItem in
            let card = page.card(mention.article)
            return MentionItem(title: card.title, url: card.url, date: card.date, isoDate: card.isoDate,
                               countLabel: counted(mention.count, "mention"), snippet: mention.snippet)
        }
        let quotes = input.quotes.map { pick -> QuoteItem in
            let article = pick.article.article
            let quote = pick.article.quotes[pick.index]
            return QuoteItem(text: quote.text, speaker: entity.slug, url: page.link(to: .article(article.slug), fragment: quote.anchor),
                             articleTitle: article.title, date: article.date.display)
        }
        let timeline = TimelineChart(points: input.mentions.map { ($0.article.article.date, $0.count) }, subject: entity.name).html()
        let neighbourhood = GraphSelection.neighbourhood(of: input.entity, in: input.mentions.map { ($0.article, $0.count) },
                                                         registry: page.registry)
        return EntityPage(
            site: page.info, page: chrome, name: entity.name, kindLabel: entity.kind.label, summary: entity.summary,
            aliases: entity.aliases.map(\.text), descriptionHTML: page.html(input.description),
            links: entity.links.map { LinkItem(title: $0.title, url: $0.url) }, timelineSVG: timeline,
            articleCountLabel: counted(mentions.count, "article"), mentions: mentions, quotes: quotes,
            appearsWith: input.company.map { page.entityRef($0.entity, count: $0.count) },
            neighbourhood: GraphFigures.neighbourhood(neighbourhood, on: page),
            notes: input.notes.map { page.noteItem($0.article.notes[$0.index], of: $0.article) })
    }
}
