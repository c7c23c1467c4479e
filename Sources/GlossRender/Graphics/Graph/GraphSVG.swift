import GlossContent
import GlossMarkdown

/// One kind of entity in a graph's legend: its colour comes from the `kind-…` class.
struct GraphLegendItem: Hashable, Sendable, Encodable {
    var kind: String
    var label: String
}

/// Writes a drawn graph as inline SVG that needs no script: edges under nodes (darker and
/// thicker for more articles in common), each node a link to its entity page holding its
/// circle and label, the label anchored on the side facing its node (so a font narrower than
/// the measured one only leaves more room). Numbers are rounded to a tenth of a pixel, so the
/// bytes are the same on every build.
struct GraphSVG {
    /// The page the graph is drawn on: entity names and links from it.
    var page: PageContext

    /// - Parameters:
    ///   - id: the SVG's id; its title and description take ids from it.
    ///   - variant: `wide` or `tall` when a page carries both (the stylesheet shows one by
    ///     screen width), nil when it has one drawing for every width.
    func svg(_ graph: GraphData, _ drawing: GraphDrawing, id: String, variant: String?, title: String, description: String) -> String {
        guard !graph.nodes.isEmpty else { return "" }
        let (w, h) = (drawing.width.svgNumber, drawing.height.svgNumber)
        var out = "<svg class=\"graph\(variant.map { " graph-\($0)" } ?? "")\" id=\"\(id)\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"system-ui, sans-serif\" font-size=\"\(GraphDrawing.fontSize.svgNumber)\">"
        out += "<title id=\"\(id)-title\">\(title.htmlEscaped)</title><desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>"
        let strongest = Double(graph.edges.map(\.count).max() ?? 1)
        out += "<g class=\"graph-edges\">"
        for edge in graph.edges {
            let (p, q) = (drawing.centers[edge.a], drawing.centers[edge.b])
            let share = strongest > 1 ? (Double(edge.count - 1) / (strongest - 1)).squareRoot() : 0.3
            out += "<line x1=\"\(p.x.svgNumber)\" y1=\"\(p.y.svgNumber)\" x2=\"\(q.x.svgNumber)\" y2=\"\(q.y.svgNumber)\""
            out += " stroke-width=\"\((1 + 3.5 * share).svgNumber)\" stroke-opacity=\"\((0.3 + 0.4 * share).svgNumber)\"/>"
        }
        out += "</g>"
        let lineHeight = LabelMetrics.lineHeight(fontSize: GraphDrawing.fontSize).svgNumber
        for (i, node) in graph.nodes.enumerated() {
            let entity = page.registry.entities[node.entity]
            let (p, label) = (drawing.centers[i], drawing.labels[i])
            let baseline = label.box.y + LabelMetrics.ascent * GraphDrawing.fontSize
            let (x, anchor): (Double, String) = switch label.side {
            case .right, .aboveRight, .belowRight: (label.box.x, "")
            case .left, .aboveLeft, .belowLeft: (label.box.maxX, " text-anchor=\"end\"")
            case .above, .below: (label.box.x + label.box.width / 2, " text-anchor=\"middle\"")
            }
            out += "<a href=\"\(page.link(to: .entity(entity.slug)).htmlEscaped)\" class=\"graph-node kind-\(entity.kind.rawValue)\(node.isFocus ? " is-focus" : "")\""
            out += node.isFocus ? " aria-current=\"page\">" : ">"
            out += "<title>\(entity.name.htmlEscaped): \(counted(node.weight, "mention"))</title>"
            out += "<circle cx=\"\(p.x.svgNumber)\" cy=\"\(p.y.svgNumber)\" r=\"\(drawing.radii[i].svgNumber)\"/>"
            let text = drawing.lines[i].enumerated().map { line, words in
                line == 0 ? words.htmlEscaped : "<tspan x=\"\(x.svgNumber)\" dy=\"\(lineHeight)\">\(words.htmlEscaped)</tspan>"
            }
            out += "<text x=\"\(x.svgNumber)\" y=\"\(baseline.svgNumber)\"\(anchor)>\(text.joined(separator: " "))</text></a>"
        }
        return out + "</svg>"
    }

    /// The kinds drawn, in the registry's order of kinds.
    func legend(_ graph: GraphData) -> [GraphLegendItem] {
        Entity.Kind.allCases.compactMap { kind in
            graph.nodes.contains { page.registry.entities[$0.entity].kind == kind } ? GraphLegendItem(kind: kind.rawValue, label: kind.pluralLabel) : nil
        }
    }
}
