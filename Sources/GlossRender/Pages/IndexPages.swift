import GlossAnalysis
import GlossContent

struct EntityIndexItem: Hashable { var name: String; var url: String; var mentionLabel: String; var summary: String? }
struct KindGroup: Hashable { var kind: String; var label: String; var entities: [EntityIndexItem] }
struct EntitiesPage: Hashable { var site: SiteInfo; var page: PageChrome; var kinds: [KindGroup] }

/// `entities/`: every entity by kind, with mention counts.
enum EntitiesPageKind: PageKind {
    static let template = "entities"

    /// Mentions across the site, by entity.
    static func pages(of site: AnalysedSite) -> [Page<[Int]>] {
        [Page(route: .entities, input: site.index.entities.map(\.mentionCount))]
    }

    static func model(_ input: [Int], _ page: PageContext) -> EntitiesPage {
        let entities = page.registry.entities
        let kinds = Entity.Kind.allCases.compactMap { kind -> KindGroup? in
            let members = entities.indices.filter { entities[$0].kind == kind }.sorted { entities[$0].name < entities[$1].name }
            guard !members.isEmpty else { return nil }
            return KindGroup(kind: kind.rawValue, label: kind.pluralLabel, entities: members.map { id in
                let entity = entities[id]
                return EntityIndexItem(name: entity.name, url: page.link(to: .entity(entity.slug)),
                                       mentionLabel: counted(input.element(id.index) ?? 0, "mention"), summary: entity.summary)
            })
        }
        return EntitiesPage(site: page.info, page: page.chrome(title: "Entities", kind: "entities", crumbs: [Crumb(title: "Entities")]),
                            kinds: kinds)
    }
}

struct TagPage: Hashable { var site: SiteInfo; var page: PageChrome; var name: String; var articleCountLabel: String; var articles: [ArticleItem] }
struct TagsPage: Hashable { var site: SiteInfo; var page: PageChrome; var tags: [TagRef] }

/// `tags/<slug>/`: the articles with a tag, newest first.
enum TagPageKind: PageKind {
    static let template = "tag"

    struct Input: Equatable, Sendable {
        var name: String
        var articles: [AnalysedArticle]
    }

    static func pages(of site: AnalysedSite) -> [Page<Input>] {
        site.index.tags.map { tag in
            Page(route: .tag(tag.slug), input: Input(name: tag.name, articles: tag.articles.map { site.articles[$0] }))
        }
    }

    static func model(_ input: Input, _ page: PageContext) -> TagPage {
        let chrome = page.chrome(title: "Tagged “\(input.name)”", kind: "tag", crumbs: [page.crumb("Tags", up: .tags), Crumb(title: input.name)])
        return TagPage(site: page.info, page: chrome, name: input.name, articleCountLabel: counted(input.articles.count, "article"),
                       articles: input.articles.map { page.card($0) })
    }
}

/// `tags/`: every tag with its number of articles.
enum TagsPageKind: PageKind {
    static let template = "tags"

    struct Tag: Equatable, Sendable { var name: String; var slug: String; var count: Int }

    static func pages(of site: AnalysedSite) -> [Page<[Tag]>] {
        [Page(route: .tags, input: site.index.tags.map { Tag(name: $0.name, slug: $0.slug, count: $0.articles.count) })]
    }

    static func model(_ input: [Tag], _ page: PageContext) -> TagsPage {
        TagsPage(site: page.info, page: page.chrome(title: "Tags", kind: "tags", crumbs: [Crumb(title: "Tags")]),
                 tags: input.map { TagRef(name: $0.name, url: page.link(to: .tag($0.slug)), count: $0.count) })
    }
}
