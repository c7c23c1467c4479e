/// A graph laid out for drawing: where every node and its label go, in pixels of a drawing
/// exactly as large as its content (plus a margin). Node area grows with mentions; the stress
/// layout asks for room in proportion to the labels, the drawing starts at about six times the
/// labels' area, and label placement spreads it further until no label covers another or a
/// foreign node.
struct GraphDrawing: Hashable {
    /// Wide (long axis across) for desktop columns, tall (long axis down) for phones; either
    /// way no wider than `maxWidth` when its labels allow.
    enum Shape: Hashable {
        case wide(maxWidth: Double)
        case tall(maxWidth: Double)
    }

    /// What both shapes share: node sizes, label lines and the stress layout, worked out once.
    struct Plan {
        var radii: [Double]
        var lines: [[String]]
        var sizes: [(width: Double, height: Double)]
        var edges: [(a: Int, b: Int)]
        var layout: [Point]

        /// - Parameters:
        ///   - names: the label of each node, in node order.
        ///   - radius: the smallest and largest node radius.
        init(graph: GraphData, names: [String], radius: ClosedRange<Double>) {
            let n = graph.nodes.count
            let heaviest = Double(max(graph.nodes.map(\.weight).max() ?? 1, 1))
            radii = graph.nodes.map { node in
                radius.lowerBound + (radius.upperBound - radius.lowerBound) * (Double(max(node.weight, 0)) / heaviest).squareRoot()
            }
            lines = names.map { GraphDrawing.lines($0) }
            let lineHeight = LabelMetrics.lineHeight(fontSize: GraphDrawing.fontSize)
            sizes = lines.map { lines in
                (lines.map { LabelMetrics.width(of: $0, fontSize: GraphDrawing.fontSize) }.max() ?? 0, lineHeight * Double(lines.count))
            }
            edges = graph.edges.map { ($0.a, $0.b) }
            var degree = [Int](repeating: 0, count: n)
            for edge in graph.edges {
                degree[edge.a] += 1
                degree[edge.b] += 1
            }
            // Room for a label beside each end; hubs get longer spokes so their leaves fit around them.
            let typical = n == 0 ? 0 : sizes.map(\.width).sorted()[n / 2]
            let radii = radii
            layout = StressLayout.positions(count: n, links: graph.edges.map { edge in
                StressLayout.Link(a: edge.a, b: edge.b, length: 0.45 * typical + radii[edge.a] + radii[edge.b]
                                  + 8 * Double(max(degree[edge.a], degree[edge.b])).squareRoot())
            })
        }
    }

    var centers: [Point]
    var radii: [Double]
    var lines: [[String]]
    var labels: [LabelPlacement.Label]
    var width: Double
    var height: Double

    static let fontSize = 13.0
    static let margin = 4.0
    /// Labels wider than this are set on two lines.
    static let longestLine = 140.0

    init(_ plan: Plan, shape: Shape) {
        let n = plan.layout.count
        var layout = plan.layout
        let maxWidth: Double
        switch shape {
        case .wide(let width): maxWidth = width
        case .tall(let width):
            maxWidth = width
            layout = layout.map { Point(x: -$0.y, y: $0.x) }
        }
        let placement = LabelPlacement(radii: plan.radii, sizes: plan.sizes, edges: plan.edges)
        let priority = Array(0..<n).sorted { (plan.radii[$1], $0) < (plan.radii[$0], $1) }
        let labelArea = plan.sizes.reduce(0) { $0 + ($1.width + 2 * placement.clearance) * ($1.height + 2 * placement.clearance) }
        let xs = layout.map(\.x), ys = layout.map(\.y)
        let extent = ((xs.max() ?? 0) - (xs.min() ?? 0)) * ((ys.max() ?? 0) - (ys.min() ?? 0))
        let typical = n == 0 ? 0 : plan.sizes.map(\.width).sorted()[n / 2]
        // The layout is in pixels already (edge lengths leave room for labels): the area rule
        // may tighten or loosen it, within reason (a nearly straight layout has little area).
        let start = extent > 0 ? min(2, max(0.8, (6 * labelArea / extent).squareRoot())) : 1
        let fitted = placement.fit(layout, priority: priority, start: start, maxWidth: maxWidth - 2 * Self.margin, labelRoom: typical)
        // Frame: the union of nodes and labels, moved to start at the margin.
        var bounds: Rect?
        for i in 0..<n {
            let disc = Rect(x: fitted.centers[i].x - plan.radii[i], y: fitted.centers[i].y - plan.radii[i], width: 2 * plan.radii[i], height: 2 * plan.radii[i])
            bounds = (bounds ?? disc).union(disc).union(fitted.labels[i].box)
        }
        let frame = bounds ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let (dx, dy) = (Self.margin - frame.x, Self.margin - frame.y)
        centers = fitted.centers.map { Point(x: $0.x + dx, y: $0.y + dy) }
        radii = plan.radii
        lines = plan.lines
        labels = fitted.labels.map { LabelPlacement.Label(box: Rect(x: $0.box.x + dx, y: $0.box.y + dy, width: $0.box.width, height: $0.box.height), side: $0.side) }
        width = (frame.width + 2 * Self.margin).rounded(.up)
        height = (frame.height + 2 * Self.margin).rounded(.up)
    }

    /// A name as one line, or two balanced lines broken at a space when it is long.
    static func lines(_ name: String) -> [String] {
        let width = { (text: Substring) in LabelMetrics.width(of: String(text), fontSize: fontSize) }
        guard width(Substring(name)) > longestLine else { return [name] }
        let spaces = name.indices.filter { name[$0] == " " }
        guard let split = spaces.min(by: { a, b in
            (max(width(name[..<a]), width(name[name.index(after: a)...])), a) < (max(width(name[..<b]), width(name[name.index(after: b)...])), b)
        }) else { return [name] }
        return [String(name[..<split]), String(name[name.index(after: split)...])]
    }
}
