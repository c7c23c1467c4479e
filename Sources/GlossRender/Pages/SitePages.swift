import GlossAnalysis
import GlossContent

struct GraphEdgeItem: Hashable, Encodable { var from: String; var fromURL: String; var to: String; var toURL: String; var countLabel: String }
struct GraphPage: Hashable, Encodable {
    var site: SiteInfo
    var page: PageChrome
    var svg: String
    var caption: String
    var legend: [GraphLegendItem]
    var edges: [GraphEdgeItem]
}

/// `graph/`: who appears with whom, laid out at build time.
enum GraphPageKind: PageKind {
    static let template = "graph"

    static func pages(of site: AnalysedSite) -> [Page<SiteGraphs>] {
        [Page(route: .graph, input: SiteGraphs(site: site))]
    }

    static func model(_ graphs: SiteGraphs, _ page: PageContext) -> GraphPage {
        let figure = GraphFigures.site(graphs, on: page)
        return GraphPage(site: page.info, page: page.chrome(title: "Entity graph", kind: "graph", crumbs: [Crumb(title: "Entity graph")]),
                         svg: figure.svg, caption: figure.caption, legend: figure.legend, edges: figure.edges)
    }
}

/// A page made from the settings alone.
struct NoInput: Equatable, Sendable {}

struct SearchPage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome }

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

struct NotFoundPage: Hashable, Encodable { var site: SiteInfo; var page: PageChrome }

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
