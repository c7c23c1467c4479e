import GlossAnalysis
import GlossContent

struct MentionItem: Hashable, Encodable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var countLabel: String
    var snippet: String
}

struct QuoteItem: Hashable, Encodable {
    var text: String
    var speaker: String
    var url: String
    var articleTitle: String
    var date: String
}

struct EntityPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var name: String
    var kindLabel: String
    var summary: String?
    var aliases: [String]
    /// The registry's `roles:`, as readers see them: "Prime minister, 26 September 2006 – 26 September 2007".
    var roles: [String]
    var descriptionHTML: String
    var links: [LinkItem]
    var timelineSVG: String
    var articleCountLabel: String
    var mentions: [MentionItem]
    var quotes: [QuoteItem]
    var appearsWith: [EntityRef]
    var neighbourhood: GraphFigure?
    var notes: [NoteItem]
    /// The whole lists, when they are longer than the page shows.
    var allMentions: PageLink?
    var allQuotes: PageLink?
    var allNotes: PageLink?
}

/// `entities/<slug>/`: an entity's description and outside links, a timeline, the articles that
/// mention it, its quotes, who it appears with (a graph of its neighbourhood and a list) and
/// the notes that mention it.
enum EntityPageKind: PageKind {
    static let template = "entity"
    /// Companions listed under "Appears with".
    static let companions = 12
    /// Mentions, quotes and notes on the entity's own page; longer lists get pages of their own.
    static let shown = (mentions: 30, quotes: 15, notes: 15)

    struct Input: Equatable, Sendable {
        struct Mention: Equatable, Sendable { var article: AnalysedArticle; var count: Int; var snippet: String }

        var entity: EntityID
        var description: AnalysedBody
        var mentions: [Mention]
        var quotes: [ArticlePick]
        var notes: [ArticlePick]
        var company: [SiteIndex.Companion]
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        site.registry.entities.identified.map { id, entity in
            let facts = site.index.entities[id]
            let input = Input(
                entity: id, description: facts.description,
                mentions: facts.mentions.map { Input.Mention(article: site.articles[$0.article], count: $0.count, snippet: $0.snippet) },
                quotes: facts.quotes.map { ArticlePick(article: site.articles[$0.article], index: $0.quote) },
                notes: facts.notes.map { ArticlePick(article: site.articles[$0.article], index: $0.note) },
                company: Array(facts.company.prefix(companions)))
            return Page(route: .entity(entity.slug), input: input)
        }
    }

    static func label(_ role: Entity.Role) -> String {
        let name = role.name.prefix(1).uppercased() + role.name.dropFirst()
        switch (role.from, role.to) {
        case let (from?, to?): return "\(name), \(from.display) – \(to.display)"
        case let (from?, nil): return "\(name) from \(from.display)"
        case let (nil, to?): return "\(name) until \(to.display)"
        case (nil, nil): return name
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> EntityPage {
        let entity = page.registry.entities[input.entity]
        let chrome = page.chrome(title: entity.name, kind: "entity", description: entity.summary ?? "\(entity.name) in \(page.info.title)",
                                 crumbs: [page.crumb("Entities", up: .entities), Crumb(title: entity.name)], ogType: "profile")
        let all = { (list: EntityList, count: Int, shown: Int, label: String) -> PageLink? in
            count > shown ? PageLink(title: "All \(counted(count, label))", url: page.link(to: list.route(entity.slug))) : nil
        }
        let timeline = TimelineChart(points: input.mentions.map { ($0.article.article.date, $0.count) }, subject: entity.name).html()
        let neighbourhood = GraphSelection.neighbourhood(of: input.entity, in: input.mentions.map { ($0.article, $0.count) },
                                                         registry: page.registry)
        return EntityPage(
            site: page.info, page: chrome, name: entity.name, kindLabel: entity.kind.label, summary: entity.summary,
            aliases: entity.aliases.map(\.text), roles: entity.roles.map(Self.label), descriptionHTML: page.html(input.description, eagerImage: true),
            links: entity.links.map { LinkItem(title: $0.title, url: $0.url) }, timelineSVG: timeline,
            articleCountLabel: counted(input.mentions.count, "article"),
            mentions: input.mentions.prefix(shown.mentions).map { $0.item(on: page) },
            quotes: input.quotes.prefix(shown.quotes).map { $0.quoteItem(of: entity, on: page) },
            appearsWith: input.company.map { page.entityRef($0.entity, count: $0.count) },
            neighbourhood: GraphFigures.neighbourhood(neighbourhood, on: page),
            notes: input.notes.prefix(shown.notes).map { page.noteItem($0.article.notes[$0.index], of: $0.article) },
            allMentions: all(.mentions, input.mentions.count, shown.mentions, "mention"),
            allQuotes: all(.quotes, input.quotes.count, shown.quotes, "quote"),
            allNotes: all(.notes, input.notes.count, shown.notes, "note"))
    }
}

extension EntityPageKind.Input.Mention {
    func item(on page: PageContext) -> MentionItem {
        let card = page.card(article)
        return MentionItem(title: card.title, url: card.url, date: card.date, isoDate: card.isoDate,
                           countLabel: counted(count, "mention"), snippet: snippet)
    }
}

extension ArticlePick {
    /// The article's quote at `index`, said by `entity`.
    func quoteItem(of entity: Entity, on page: PageContext) -> QuoteItem {
        let quote = article.quotes[index]
        return QuoteItem(text: quote.text, speaker: entity.slug, url: page.link(to: .article(article.article.slug), fragment: quote.anchor),
                         articleTitle: article.article.title, date: article.article.date.display)
    }
}
