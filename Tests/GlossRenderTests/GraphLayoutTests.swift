import GlossContent
import Testing
@testable import GlossRender

/// Layout and label placement on generated graphs: whatever the graph, no label covers another
/// label or a foreign node, everything lies inside the drawing, and the same graph gives the
/// same drawing.
@Suite struct GraphLayoutTests {
    /// A connected-ish random graph: preferential attachment (a few hubs, a long tail), names
    /// of one to four words, some long enough to wrap.
    static func randomGraph(nodes n: Int, seed: UInt64) -> (GraphData, [String]) {
        var random = SplitMix64(seed: seed)
        let syllables = ["an", "ko", "ri", "ma", "tsu", "vel", "dor", "ia", "sen", "ghe", "Ø", "ü", "lin", "qua"]
        let names = (0..<n).map { i -> String in
            let words = 1 + random.below(i % 7 == 0 ? 4 : 2)
            return (0..<words).map { _ in
                let word = (0..<(1 + random.below(4))).map { _ in syllables[random.below(syllables.count)] }.joined()
                return word.prefix(1).uppercased() + word.dropFirst()
            }.joined(separator: " ") + " \(i)"
        }
        var edges: [GraphData.Edge] = []
        var degree = [Int](repeating: 1, count: n)
        for b in 1..<max(n, 1) {
            for _ in 0..<(1 + random.below(3)) {
                var pick = random.below(degree[0..<b].reduce(0, +))
                var a = 0
                while pick >= degree[a] { pick -= degree[a]; a += 1 }
                guard !edges.contains(where: { $0.a == a && $0.b == b }) else { continue }
                edges.append(GraphData.Edge(a: a, b: b, count: 1 + random.below(20), strength: 1))
                degree[a] += 1
                degree[b] += 1
            }
        }
        let nodes = (0..<n).map { GraphData.Node(entity: EntityID($0), weight: 1 + random.below(200)) }
        return (GraphData(nodes: nodes, edges: edges, candidates: n), names)
    }

    static func expectClean(_ drawing: GraphDrawing, _ context: String) {
        let labels = drawing.labels.map(\.box)
        for i in labels.indices {
            for j in labels.indices where j > i {
                #expect(!labels[i].intersects(labels[j]), "\(context): labels \(i) and \(j) overlap")
            }
            for node in drawing.centers.indices where node != i {
                #expect(!labels[i].intersects(circle: drawing.centers[node], radius: drawing.radii[node]), "\(context): label \(i) covers node \(node)")
            }
            #expect(labels[i].x >= 0 && labels[i].maxX <= drawing.width && labels[i].y >= 0 && labels[i].maxY <= drawing.height, "\(context): label \(i) outside")
        }
        for (center, radius) in zip(drawing.centers, drawing.radii) {
            #expect(center.x - radius >= 0 && center.x + radius <= drawing.width && center.y - radius >= 0 && center.y + radius <= drawing.height)
        }
    }

    @Test(arguments: [2, 5, 9, 20, 35, 60])
    func labelsNeverOverlapLabelsOrForeignNodes(nodes: Int) {
        for seed in UInt64(1)...4 {
            let (graph, names) = Self.randomGraph(nodes: nodes, seed: seed &* 7919 &+ UInt64(nodes))
            let plan = GraphDrawing.Plan(graph: graph, names: names, radius: 4...16)
            let wide = GraphDrawing(plan, shape: .wide(maxWidth: 960))
            let tall = GraphDrawing(plan, shape: .tall(maxWidth: 310))
            Self.expectClean(wide, "\(nodes) nodes, seed \(seed), wide")
            Self.expectClean(tall, "\(nodes) nodes, seed \(seed), tall")
            #expect(wide.width <= 960 + 1, "wide drawing of \(nodes) nodes is \(wide.width) px")
            // The tall drawing stays within a phone's column.
            #expect(tall.width <= 310 + 1, "tall drawing of \(nodes) nodes is \(tall.width) px")
        }
    }

    @Test func theSameGraphGivesTheSameDrawing() {
        let (graph, names) = Self.randomGraph(nodes: 40, seed: 42)
        let first = GraphDrawing(GraphDrawing.Plan(graph: graph, names: names, radius: 4...16), shape: .wide(maxWidth: 960))
        let second = GraphDrawing(GraphDrawing.Plan(graph: graph, names: names, radius: 4...16), shape: .wide(maxWidth: 960))
        #expect(first == second)
    }

    @Test func aDrawingIsSizedToItsContent() {
        let (graph, names) = Self.randomGraph(nodes: 25, seed: 3)
        let drawing = GraphDrawing(GraphDrawing.Plan(graph: graph, names: names, radius: 4...16), shape: .wide(maxWidth: 960))
        var content = drawing.labels[0].box
        for (i, label) in drawing.labels.enumerated() {
            content = content.union(label.box).union(Rect(x: drawing.centers[i].x - drawing.radii[i], y: drawing.centers[i].y - drawing.radii[i],
                                                          width: 2 * drawing.radii[i], height: 2 * drawing.radii[i]))
        }
        #expect(abs(content.x - GraphDrawing.margin) < 0.01 && abs(content.y - GraphDrawing.margin) < 0.01)
        #expect(drawing.width - content.maxX <= GraphDrawing.margin + 1 && drawing.height - content.maxY <= GraphDrawing.margin + 1)
        // Not a knot: the drawing is several times the area of its labels.
        let labelArea = drawing.labels.reduce(0) { $0 + $1.box.width * $1.box.height }
        #expect(drawing.width * drawing.height > 3 * labelArea)
    }

    @Test func stressLayoutKeepsGraphDistances() {
        // A path a–b–c–d with unit-100 edges: ends about 300 apart, neighbours about 100.
        let links = (0..<3).map { StressLayout.Link(a: $0, b: $0 + 1, length: 100) }
        let p = StressLayout.positions(count: 4, links: links)
        let distance = { (i: Int, j: Int) in ((p[i].x - p[j].x) * (p[i].x - p[j].x) + (p[i].y - p[j].y) * (p[i].y - p[j].y)).squareRoot() }
        #expect(abs(distance(0, 1) - 100) < 5 && abs(distance(0, 3) - 300) < 10)
        // Long axis horizontal.
        #expect(abs(p[0].x - p[3].x) > abs(p[0].y - p[3].y))
        // Separate components stay apart; a single node sits at the origin.
        let two = StressLayout.positions(count: 4, links: [StressLayout.Link(a: 0, b: 1, length: 50), StressLayout.Link(a: 2, b: 3, length: 50)])
        #expect(two.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(StressLayout.positions(count: 1, links: []) == [Point(x: 0, y: 0)])
        #expect(StressLayout.positions(count: 0, links: []).isEmpty)
    }

    @Test func longNamesWrapOntoTwoBalancedLines() {
        #expect(GraphDrawing.lines("Shinzo Abe") == ["Shinzo Abe"])
        #expect(GraphDrawing.lines("United States–Korea Free Trade Agreement") == ["United States–Korea", "Free Trade Agreement"])
        #expect(GraphDrawing.lines("Pneumonoultramicroscopicsilicovolcanoconiosis") == ["Pneumonoultramicroscopicsilicovolcanoconiosis"])
    }

    @Test func labelWidthsFollowDejaVuSans() {
        // The sum of the advances; Chromium's canvas, which kerns, measures 116.96 px: labels are
        // measured a little wide, never narrow.
        #expect(abs(LabelMetrics.width(of: "Toshimitsu Motegi", fontSize: 13) - 119.16) < 0.01)
        #expect(LabelMetrics.width(of: "Müller", fontSize: 13) == LabelMetrics.width(of: "Muller", fontSize: 13))
        #expect(LabelMetrics.width(of: "東京", fontSize: 10) == 20)
        #expect(LabelMetrics.width(of: "e\u{301}", fontSize: 13) == LabelMetrics.width(of: "e", fontSize: 13))
    }

    @Test func rectanglesCollideOnlyWithPositiveOverlap() {
        let box = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(box.intersects(Rect(x: 9, y: 9, width: 5, height: 5)))
        #expect(!box.intersects(Rect(x: 10, y: 0, width: 5, height: 5)))
        #expect(box.intersects(circle: Point(x: 12, y: 5), radius: 2.5))
        #expect(!box.intersects(circle: Point(x: 13, y: 13), radius: 4))
        #expect(box.intersects(segmentFrom: Point(x: -5, y: 5), to: Point(x: 15, y: 5)))
        #expect(!box.intersects(segmentFrom: Point(x: -5, y: -1), to: Point(x: 15, y: -1)))
        #expect(!box.intersects(segmentFrom: Point(x: 11, y: -5), to: Point(x: 20, y: 5)))
    }
}
