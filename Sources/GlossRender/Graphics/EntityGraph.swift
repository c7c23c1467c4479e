import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

/// The entity graph: the most mentioned entities as nodes, co-mentions as edges weighted by the
/// number of articles in common, laid out at build time (Fruchterman–Reingold from a fixed start,
/// fixed iterations) so the picture is the same on every build and needs no script.
struct EntityGraph: Equatable, Sendable {
    struct Edge: Equatable, Sendable { var a: EntityID; var b: EntityID; var count: Int }

    static let maxNodes = 40
    let nodes: [EntityID]
    let edges: [Edge]
    let mentions: [EntityID: Int]

    init(site: AnalysedSite) {
        let entities = site.registry.entities
        let facts = site.index.entities
        nodes = entities.indices.filter { facts[$0].mentionCount > 0 }
            .sorted { (facts[$1].mentionCount, entities[$0].name) < (facts[$0].mentionCount, entities[$1].name) }
            .prefix(Self.maxNodes).map { $0 }
        let included = Set(nodes)
        edges = nodes.flatMap { a in
            facts[a].company.filter { included.contains($0.entity) && a < $0.entity }.map { Edge(a: a, b: $0.entity, count: $0.count) }
        }.sorted { ($1.count, entities[$0.a].name, entities[$0.b].name) < ($0.count, entities[$1.a].name, entities[$1.b].name) }
        mentions = Dictionary(nodes.map { ($0, facts[$0].mentionCount) }, uniquingKeysWith: { first, _ in first })
    }

    var caption: String {
        "\(nodes.count) most mentioned entities and \(edges.count) connections between them."
    }

    func svg(_ page: PageContext) -> String {
        guard !nodes.isEmpty else { return "<p>No entity is mentioned yet.</p>" }
        let width = 800.0, height = 560.0
        let positions = layout(width: width, height: height)
        let maxMentions = Double(mentions.values.max() ?? 1)
        let maxCount = Double(edges.map(\.count).max() ?? 1)
        var out = "<svg class=\"graph\" aria-labelledby=\"graph-title\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        out += "<title id=\"graph-title\">Entity co-mention graph: \(caption.htmlEscaped)</title>"
        for edge in edges {
            let (p, q) = (positions[edge.a]!, positions[edge.b]!)
            let stroke = 1 + 4 * Double(edge.count) / maxCount
            out += "<line class=\"graph-edge\" x1=\"\(fmt(p.x))\" y1=\"\(fmt(p.y))\" x2=\"\(fmt(q.x))\" y2=\"\(fmt(q.y))\" stroke-width=\"\(fmt(stroke))\"/>"
        }
        for node in nodes {
            let entity = page.registry.entities[node]
            let p = positions[node]!
            let radius = 5 + 13 * (Double(mentions[node]!) / maxMentions).squareRoot()
            let labelX = p.x + radius + 3 > width - 120 ? p.x - radius - 3 : p.x + radius + 3
            let anchor = labelX < p.x ? "end" : "start"
            out += "<a href=\"\(page.link(to: .entity(entity.slug)).htmlEscaped)\" class=\"graph-node kind-\(entity.kind.rawValue)\">"
            out += "<circle cx=\"\(fmt(p.x))\" cy=\"\(fmt(p.y))\" r=\"\(fmt(radius))\"><title>\(entity.name.htmlEscaped): \(mentions[node]!) mentions</title></circle>"
            out += "<text x=\"\(fmt(labelX))\" y=\"\(fmt(p.y + 4))\" text-anchor=\"\(anchor)\">\(entity.name.htmlEscaped)</text></a>"
        }
        return out + "</svg>"
    }

    /// Deterministic force layout: nodes start on a circle in rank order; springs pull
    /// co-mentioned entities together, all nodes repel; the temperature cools linearly.
    func layout(width: Double, height: Double) -> [EntityID: (x: Double, y: Double)] {
        let n = nodes.count
        let margin = 60.0
        var x = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let angle = 2 * Double.pi * Double(i) / Double(n)
            x[i] = width / 2 + (width / 2 - margin) * 0.8 * cos(angle)
            y[i] = height / 2 + (height / 2 - margin) * 0.8 * sin(angle)
        }
        let slot = Dictionary(nodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let k = ((width - 2 * margin) * (height - 2 * margin) / Double(max(n, 1))).squareRoot() * 0.8
        let iterations = 300
        for step in 0..<iterations {
            var dx = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var ddx = x[i] - x[j], ddy = y[i] - y[j]
                    var d = (ddx * ddx + ddy * ddy).squareRoot()
                    if d < 0.01 { ddx = 0.01 * Double(i - j); ddy = 0.01; d = 0.02 }
                    let force = k * k / d
                    dx[i] += ddx / d * force; dy[i] += ddy / d * force
                    dx[j] -= ddx / d * force; dy[j] -= ddy / d * force
                }
            }
            for edge in edges {
                let i = slot[edge.a]!, j = slot[edge.b]!
                let ddx = x[i] - x[j], ddy = y[i] - y[j]
                let d = max((ddx * ddx + ddy * ddy).squareRoot(), 0.01)
                let force = d * d / k * (1 + log(Double(edge.count)))
                dx[i] -= ddx / d * force; dy[i] -= ddy / d * force
                dx[j] += ddx / d * force; dy[j] += ddy / d * force
            }
            let temperature = (width / 10) * (1 - Double(step) / Double(iterations)) + 0.5
            for i in 0..<n {
                let d = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 0.01)
                x[i] = min(width - margin, max(margin, x[i] + dx[i] / d * min(d, temperature)))
                y[i] = min(height - margin / 2, max(margin / 2, y[i] + dy[i] / d * min(d, temperature)))
            }
        }
        return Dictionary(nodes.enumerated().map { ($1, (x[$0], y[$0])) }, uniquingKeysWith: { first, _ in first })
    }

    private func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
