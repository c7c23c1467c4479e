import GlossAnalysis
import GlossContent

/// A drawn graph with what the page says around it: caption, legend and its strongest
/// connections as a list (which also serves readers who cannot see the picture).
struct GraphFigure: Hashable, Sendable, Encodable {
    var svg: String
    var caption: String
    var legend: [GraphLegendItem]
    var edges: [GraphEdgeItem]
}

/// The graph page's graphs: the most mentioned entities for wide columns, and fewer for phones,
/// where fewer names fit across.
struct SiteGraphs: Equatable, Sendable {
    static let nodes = (wide: 60, tall: 30)

    var wide: GraphData
    var tall: GraphData

    init(site: AnalysedSite) {
        wide = GraphSelection.site(site, maxNodes: Self.nodes.wide)
        tall = wide.nodes.count > Self.nodes.tall ? GraphSelection.site(site, maxNodes: Self.nodes.tall) : wide
    }
}

/// The site's two graphs drawn for a page: the graph page's and an entity page's neighbourhood.
/// Each comes as a wide drawing for desktop columns and, when that is wider than a phone's
/// column, a tall one laid out for phones; the stylesheet shows one by screen width.
enum GraphFigures {
    /// The width of the tall drawings: a 360 px phone's column.
    static let phoneWidth = 310.0

    static func site(_ graphs: SiteGraphs, on page: PageContext) -> GraphFigure {
        let wide = graphs.wide
        guard !wide.nodes.isEmpty else { return GraphFigure(svg: "", caption: "No entity is mentioned yet.", legend: [], edges: []) }
        let writer = GraphSVG(page: page)
        let title = "Who appears with whom"
        let wideDrawing = GraphDrawing(plan(wide, on: page, radius: 4...16), shape: .wide(maxWidth: 960))
        var shown = wide.nodes.count == wide.candidates
            ? "All \(counted(wide.nodes.count, "entity", "entities")) mentioned"
            : "The \(wide.nodes.count) most mentioned of \(wide.candidates) entities"
        var svg = writer.svg(wide, wideDrawing, id: "entity-graph", variant: wideDrawing.width > phoneWidth ? "wide" : nil,
                             title: title, description: summary(wide, on: page))
        if wideDrawing.width > phoneWidth {
            let tallDrawing = GraphDrawing(plan(graphs.tall, on: page, radius: 4...16), shape: .tall(maxWidth: phoneWidth))
            svg += writer.svg(graphs.tall, tallDrawing, id: "entity-graph-tall", variant: "tall", title: title, description: summary(graphs.tall, on: page))
            if graphs.tall.nodes.count < wide.nodes.count { shown += " (the \(graphs.tall.nodes.count) most mentioned on narrow screens)" }
        }
        return GraphFigure(svg: svg, caption: "\(shown), each joined to the three it appears with most.",
                           legend: writer.legend(wide), edges: edgeItems(wide, on: page, limit: 20))
    }

    /// Nil when the entity appears with no other.
    static func neighbourhood(_ graph: GraphData, on page: PageContext) -> GraphFigure? {
        guard graph.nodes.count > 1 else { return nil }
        let names = graph.nodes.map { page.registry.entities[$0.entity].name }
        let (name, others) = (names[0], graph.nodes.count - 1)
        let spokes = graph.edges.filter { $0.a == 0 }.map { "\(names[$0.b]) (\(counted($0.count, "article")))" }
        let title = "\(name) and the entities that appear with it most"
        let description = "\(name) appears with \(counted(graph.candidates, "entity", "entities")); "
            + (graph.candidates > others ? "the \(others) most often: " : "") + spokes.joined(separator: ", ") + "."
        let writer = GraphSVG(page: page)
        let plan = self.plan(graph, on: page, radius: 5...15)
        let wide = GraphDrawing(plan, shape: .wide(maxWidth: 640))
        var svg = writer.svg(graph, wide, id: "neighbourhood-graph", variant: wide.width > phoneWidth ? "wide" : nil,
                             title: title, description: description)
        if wide.width > phoneWidth {
            svg += writer.svg(graph, GraphDrawing(plan, shape: .tall(maxWidth: phoneWidth)), id: "neighbourhood-graph-tall",
                              variant: "tall", title: title, description: description)
        }
        let caption = graph.candidates > others
            ? "\(name) (ringed) and the \(others) of \(graph.candidates) entities that appear with it most often"
            : "\(name) (ringed) and every entity that appears with it"
        return GraphFigure(svg: svg, caption: caption + ", counted in the articles that mention it.", legend: writer.legend(graph), edges: [])
    }

    static func plan(_ graph: GraphData, on page: PageContext, radius: ClosedRange<Double>) -> GraphDrawing.Plan {
        GraphDrawing.Plan(graph: graph, names: graph.nodes.map { page.registry.entities[$0.entity].name }, radius: radius)
    }

    /// For screen readers: what the picture shows, in two sentences.
    static func summary(_ graph: GraphData, on page: PageContext) -> String {
        let names = graph.nodes.map { page.registry.entities[$0.entity].name }
        let strongest = graph.edges.first.map { " The strongest connection: \(names[$0.a]) and \(names[$0.b]), \(counted($0.count, "article")) in common." } ?? ""
        return "\(counted(graph.nodes.count, "entity", "entities")) and \(counted(graph.edges.count, "connection")). "
            + "Most mentioned: \(names.prefix(3).joined(separator: ", ")).\(strongest)"
    }

    static func edgeItems(_ graph: GraphData, on page: PageContext, limit: Int) -> [GraphEdgeItem] {
        let entities = page.registry.entities
        let url = { (node: Int) in page.link(to: .entity(entities[graph.nodes[node].entity].slug)) }
        let name = { (node: Int) in entities[graph.nodes[node].entity].name }
        return graph.edges.prefix(limit).map {
            GraphEdgeItem(from: name($0.a), fromURL: url($0.a), to: name($0.b), toURL: url($0.b), countLabel: counted($0.count, "article"))
        }
    }
}
