import GlossAnalysis
import GlossContent

struct EntityIndexItem: Hashable, Encodable { var name: String; var url: String; var mentionLabel: String; var summary: String? }
struct KindGroup: Hashable, Encodable { var kind: String; var label: String; var entities: [EntityIndexItem] }
struct EntitiesPage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome; var kinds: [KindGroup]; var pager: Pager? }

/// `entities/`: every entity by kind, then name, with mention counts.
enum EntitiesPageKind: PageKind {
    static let template = "entities"

    struct Item: Equatable, Sendable {
        var entity: EntityID
        var mentions: Int
    }

    static func pages(of site: AnalysedSite) -> [Page<Pagination.Slice<Item>>] {
        let entities = site.registry.entities
        let kinds = Dictionary(Entity.Kind.allCases.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = entities.indices.sorted {
            (kinds[entities[$0].kind] ?? 0, entities[$0].name, $0.index) < (kinds[entities[$1].kind] ?? 0, entities[$1].name, $1.index)
        }
        let items = sorted.map { Item(entity: $0, mentions: site.index.entities[$0].mentionCount) }
        return Pagination.pages(of: items, size: Pagination.lines, first: .entities).map { Page(route: $0.route, input: $0) }
    }

    static func model(_ input: Pagination.Slice<Item>, _ page: PageContext) -> EntitiesPage {
        let entities = page.registry.entities
        var kinds: [KindGroup] = []
        for item in input.items {
            let entity = entities[item.entity]
            let line = EntityIndexItem(name: entity.name, url: page.link(to: .entity(entity.slug)),
                                       mentionLabel: counted(item.mentions, "mention"), summary: entity.summary)
            if kinds.last?.kind == entity.kind.rawValue {
                kinds[kinds.count - 1].entities.append(line)
            } else {
                kinds.append(KindGroup(kind: entity.kind.rawValue, label: entity.kind.pluralLabel, entities: [line]))
            }
        }
        return EntitiesPage(site: page.info, page: page.chrome(title: input.title("Entities"), kind: "entities", crumbs: [Crumb(title: "Entities")]),
                            kinds: kinds, pager: input.pager("Entities", on: page))
    }
}

struct TagPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var name: String
    var articleCountLabel: String
    var articles: [ArticleItem]
    var pager: Pager?
}
struct TagsPage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome; var tags: [TagRef]; var pager: Pager? }

/// `tags/<slug>/` (and `page/2/`, …): the articles with a tag, newest first.
enum TagPageKind: PageKind {
    static let template = "tag"

    struct Input: Equatable, Sendable {
        var name: String
        var articles: Pagination.Slice<AnalysedArticle>
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        site.index.tags.flatMap { tag in
            Pagination.pages(of: tag.articles.map { site.articles[$0] }, size: Pagination.cards, first: .tag(tag.slug)).map {
                Page(route: $0.route, input: Input(name: tag.name, articles: $0))
            }
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> TagPage {
        let title = "Tagged “\(input.name)”"
        let chrome = page.chrome(title: input.articles.title(title), kind: "tag",
                                 crumbs: [page.crumb("Tags", up: .tags), Crumb(title: input.name)])
        return TagPage(site: page.info, page: chrome, name: input.name, articleCountLabel: counted(input.articles.total, "article"),
                       articles: input.articles.items.map { page.card($0) }, pager: input.articles.pager(title, on: page))
    }
}

/// `tags/`: every tag with its number of articles.
enum TagsPageKind: PageKind {
    static let template = "tags"

    struct Tag: Equatable, Sendable { var name: String; var slug: String; var count: Int }

    static func pages(of site: AnalysedSite) -> [Page<Pagination.Slice<Tag>>] {
        let tags = site.index.tags.map { Tag(name: $0.name, slug: $0.slug, count: $0.articles.count) }
        return Pagination.pages(of: tags, size: Pagination.lines, first: .tags).map { Page(route: $0.route, input: $0) }
    }

    static func model(_ input: Pagination.Slice<Tag>, _ page: PageContext) -> TagsPage {
        TagsPage(site: page.info, page: page.chrome(title: input.title("Tags"), kind: "tags", crumbs: [Crumb(title: "Tags")]),
                 tags: input.items.map { TagRef(name: $0.name, url: page.link(to: .tag($0.slug)), count: $0.count) },
                 pager: input.pager("Tags", on: page))
    }
}
