import GlossAnalysis

/// A drawn graph with what the page says around it: caption, legend and its strongest
/// connections as a list (which also serves readers who cannot see the picture).
struct GraphFigure: Hashable, Sendable {
    var svg: String
    var caption: String
    var legend: [GraphLegendItem]
    var edges: [GraphEdgeItem]
}

/// The site's two graphs: the graph page's (most mentioned entities) and each entity page's
/// neighbourhood (the entity and those it appears with most). Each comes as a wide drawing for
/// desktop columns and, when that is wider than a phone's, a tall one for phones.
extension SiteRenderer {
    /// The width of the tall drawings: a 360 px phone's column.
    static let phoneWidth = 310.0
    /// Nodes of the site graph, wide and on phones (where fewer names fit across).
    static let siteGraphNodes = (wide: 60, tall: 30)

    func siteGraphFigure(root: String) -> GraphFigure {
        let wide = GraphSelection.site(site, index: index, maxNodes: Self.siteGraphNodes.wide)
        guard !wide.nodes.isEmpty else { return GraphFigure(svg: "", caption: "No entity is mentioned yet.", legend: [], edges: []) }
        let writer = GraphSVG(entities: site.registry.entities, root: root)
        let wideDrawing = GraphDrawing(plan(wide, radius: 4...16), shape: .wide(maxWidth: 960))
        var svg = ""
        var shown = "The \(wide.nodes.count) most mentioned of \(wide.candidates) entities"
        if wideDrawing.width > Self.phoneWidth {
            let tall = wide.nodes.count > Self.siteGraphNodes.tall ? GraphSelection.site(site, index: index, maxNodes: Self.siteGraphNodes.tall) : wide
            let tallDrawing = GraphDrawing(plan(tall, radius: 4...16), shape: .tall(maxWidth: Self.phoneWidth))
            svg = writer.svg(wide, wideDrawing, id: "entity-graph", variant: "wide", title: "Who appears with whom", description: siteSummary(wide))
                + writer.svg(tall, tallDrawing, id: "entity-graph-tall", variant: "tall", title: "Who appears with whom", description: siteSummary(tall))
            if tall.nodes.count < wide.nodes.count { shown += " (the \(tall.nodes.count) most mentioned on narrow screens)" }
        } else {
            svg = writer.svg(wide, wideDrawing, id: "entity-graph", variant: nil, title: "Who appears with whom", description: siteSummary(wide))
        }
        if wide.nodes.count == wide.candidates { shown = "All \(counted(wide.nodes.count, "entity", "entities")) mentioned" }
        return GraphFigure(svg: svg, caption: "\(shown), each joined to the three it appears with most.",
                           legend: writer.legend(wide), edges: edgeItems(wide, root: root, limit: 20))
    }

    /// Nil when the entity appears with no other.
    func neighbourhoodFigure(of entity: Int, root: String) -> GraphFigure? {
        let graph = GraphSelection.neighbourhood(of: entity, site: site, index: index)
        guard graph.nodes.count > 1 else { return nil }
        let names = graph.nodes.map { site.registry.entities[$0.entity].name }
        let (name, others) = (names[0], graph.nodes.count - 1)
        let spokes = graph.edges.filter { $0.a == 0 }.map { "\(names[$0.b]) (\(counted($0.count, "article")))" }
        let title = "\(name) and the entities that appear with it most"
        let description = "\(name) appears with \(counted(graph.candidates, "entity", "entities")); "
            + (graph.candidates > others ? "the \(others) most often: " : "") + spokes.joined(separator: ", ") + "."
        let writer = GraphSVG(entities: site.registry.entities, root: root)
        let plan = self.plan(graph, radius: 5...15)
        let wide = GraphDrawing(plan, shape: .wide(maxWidth: 640))
        var svg = writer.svg(graph, wide, id: "neighbourhood-graph", variant: wide.width > Self.phoneWidth ? "wide" : nil,
                             title: title, description: description)
        if wide.width > Self.phoneWidth {
            svg += writer.svg(graph, GraphDrawing(plan, shape: .tall(maxWidth: Self.phoneWidth)), id: "neighbourhood-graph-tall",
                              variant: "tall", title: title, description: description)
        }
        let caption = graph.candidates > others
            ? "\(name) (ringed) and the \(others) of \(graph.candidates) entities that appear with it most often"
            : "\(name) (ringed) and every entity that appears with it"
        return GraphFigure(svg: svg, caption: caption + ", counted in the articles that mention it.",
                           legend: writer.legend(graph), edges: [])
    }

    func plan(_ graph: GraphData, radius: ClosedRange<Double>) -> GraphDrawing.Plan {
        GraphDrawing.Plan(graph: graph, names: graph.nodes.map { site.registry.entities[$0.entity].name }, radius: radius)
    }

    /// For screen readers: what the picture shows, in two sentences.
    func siteSummary(_ graph: GraphData) -> String {
        let names = graph.nodes.map { site.registry.entities[$0.entity].name }
        let strongest = graph.edges.first.map { " The strongest connection: \(names[$0.a]) and \(names[$0.b]), \(counted($0.count, "article")) in common." } ?? ""
        return "\(counted(graph.nodes.count, "entity", "entities")) and \(counted(graph.edges.count, "connection")). "
            + "Most mentioned: \(names.prefix(3).joined(separator: ", ")).\(strongest)"
    }

    func edgeItems(_ graph: GraphData, root: String, limit: Int) -> [GraphEdgeItem] {
        let entities = site.registry.entities
        let url = { (node: Int) in "\(root)entities/\(entities[graph.nodes[node].entity].slug)/" }
        let name = { (node: Int) in entities[graph.nodes[node].entity].name }
        return graph.edges.prefix(limit).map {
            GraphEdgeItem(from: name($0.a), fromURL: url($0.a), to: name($0.b), toURL: url($0.b), countLabel: counted($0.count, "article"))
        }
    }
}
