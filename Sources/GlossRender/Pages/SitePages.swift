import GlossAnalysis
import GlossContent

struct GraphEdgeItem: Hashable { var from: String; var fromURL: String; var to: String; var toURL: String; var countLabel: String }
struct GraphPage: Hashable { var site: SiteInfo; var page: PageChrome; var svg: String; var caption: String; var edges: [GraphEdgeItem] }

/// `graph/`: who appears with whom, laid out at build time.
enum GraphPageKind: PageKind {
    static let template = "graph"

    static func pages(of site: AnalysedSite) -> [Page<EntityGraph>] {
        [Page(route: .graph, input: EntityGraph(site: site))]
    }

    static func model(_ graph: EntityGraph, _ page: PageContext) -> GraphPage {
        let entities = page.registry.entities
        let url = { (id: EntityID) in page.link(to: .entity(entities[id].slug)) }
        return GraphPage(site: page.info, page: page.chrome(title: "Entity graph", kind: "graph", crumbs: [Crumb(title: "Entity graph")]),
                         svg: graph.svg(page), caption: graph.caption,
                         edges: graph.edges.prefix(20).map {
                             GraphEdgeItem(from: entities[$0.a].name, fromURL: url($0.a), to: entities[$0.b].name, toURL: url($0.b),
                                           countLabel: counted($0.count, "article"))
                         })
    }
}

/// A page made from the settings alone.
struct NoInput: Equatable, Sendable {}

struct SearchPage: Hashable { var site: SiteInfo; var page: PageChrome }

/// `search/`: a static page; `assets/search.js` loads the index GlossSearch writes under `search/`.
enum SearchPageKind: PageKind {
    static let template = "search"

    static func pages(of site: AnalysedSite) -> [Page<NoInput>] { [Page(route: .search, input: NoInput())] }

    static func model(_ input: NoInput, _ page: PageContext) -> SearchPage {
        SearchPage(site: page.info, page: page.chrome(
            title: "Search", kind: "search",
            description: "Search \(page.info.title): articles, people, organisations, agreements and editors’ notes.",
            crumbs: [Crumb(title: "Search")]))
    }
}

struct NotFoundPage: Hashable { var site: SiteInfo; var page: PageChrome }

/// `404.html`, served at any depth: its links go through `base_url` when the site has one,
/// since relative links cannot work from an unknown depth.
enum NotFoundPageKind: PageKind {
    static let template = "404"

    static func pages(of site: AnalysedSite) -> [Page<NoInput>] { [Page(route: .notFound, input: NoInput())] }

    static func model(_ input: NoInput, _ page: PageContext) -> NotFoundPage {
        var chrome = page.chrome(title: "Page not found", kind: "not-found")
        if let base = page.shared.config.baseURL { chrome.root = base }
        chrome.canonical = nil
        return NotFoundPage(site: page.info, page: chrome)
    }
}
