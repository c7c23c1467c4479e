import GlossAnalysis
import GlossContent

/// A long list of an entity's page on pages of its own.
enum EntityList: String, Sendable, CaseIterable {
    case mentions, quotes, notes

    /// `entities/<slug>/mentions/` and so on; further pages at `…/page/2/`.
    func route(_ slug: String) -> Route { Route(folder: Route.entity(slug).url + rawValue + "/") }
}

struct EntityListPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var name: String
    var entityURL: String
    var heading: String
    var mentions: [MentionItem]
    var quotes: [QuoteItem]
    var notes: [NoteItem]
    var pager: Pager?
}

/// `entities/<slug>/mentions/`, `…/quotes/`, `…/notes/`: every item of a list too long for the
/// entity's own page, in pages.
enum EntityListPageKind: PageKind {
    static let template = "entity-list"
    static let pageSize = 100

    struct Input: Equatable, Sendable {
        var entity: EntityID
        var list: EntityList
        var mentions: Pagination.Slice<EntityPageKind.Input.Mention>?
        var picks: Pagination.Slice<ArticlePick>?
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        EntityPageKind.pages(of: site).flatMap { entity -> [Page<Input>] in
            let input = entity.input
            let slug = site.registry.entities[input.entity].slug
            var pages: [Page<Input>] = []
            if input.mentions.count > EntityPageKind.shown.mentions {
                pages += Pagination.pages(of: input.mentions, size: pageSize, first: EntityList.mentions.route(slug)).map {
                    Page(route: $0.route, input: Input(entity: input.entity, list: .mentions, mentions: $0, picks: nil))
                }
            }
            for (list, picks, shown) in [(EntityList.quotes, input.quotes, EntityPageKind.shown.quotes), (.notes, input.notes, EntityPageKind.shown.notes)]
            where picks.count > shown {
                pages += Pagination.pages(of: picks, size: pageSize, first: list.route(slug)).map {
                    Page(route: $0.route, input: Input(entity: input.entity, list: list, mentions: nil, picks: $0))
                }
            }
            return pages
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> EntityListPage {
        let entity = page.registry.entities[input.entity]
        let (heading, count) = switch input.list {
        case .mentions: ("Articles that mention \(entity.name)", input.mentions?.total ?? 0)
        case .quotes: ("Quotes of \(entity.name)", input.picks?.total ?? 0)
        case .notes: ("Notes that mention \(entity.name)", input.picks?.total ?? 0)
        }
        let number = input.mentions?.number ?? input.picks?.number ?? 1
        let title = number == 1 ? heading : "\(heading), page \(number)"
        let chrome = page.chrome(title: title, kind: "entity-list",
                                 crumbs: [page.crumb("Entities", up: .entities), page.crumb(entity.name, up: .entity(entity.slug)),
                                          Crumb(title: input.list.rawValue.capitalized)])
        let picks = input.picks?.items ?? []
        return EntityListPage(
            site: page.info, page: chrome, name: entity.name, entityURL: page.link(to: .entity(entity.slug)),
            heading: "\(heading) (\(count))",
            mentions: input.mentions?.items.map { $0.item(on: page) } ?? [],
            quotes: input.list == .quotes ? picks.map { $0.quoteItem(of: entity, on: page) } : [],
            notes: input.list == .notes ? picks.map { page.noteItem($0.article.notes[$0.index], of: $0.article) } : [],
            pager: input.mentions?.pager(heading, on: page) ?? input.picks?.pager(heading, on: page))
    }
}
