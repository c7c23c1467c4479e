/// Puts every node's label next to its node where it covers no other label and no other node.
/// Each label tries eight places around its node (beside, above, below, diagonally), the most
/// important nodes choosing first, and takes the cheapest free one. A label with no free place
/// moves its node a few pixels (less and less often as the layout spreads); when that fails
/// too, the whole layout is spread a little wider and tried again. Every label is shown, never
/// dropped.
struct LabelPlacement {
    enum Side: CaseIterable {
        case right, left, above, below, aboveRight, aboveLeft, belowRight, belowLeft

        /// Small preferences between otherwise equal places: beside, then above or below.
        var cost: Double {
            switch self {
            case .right: 0
            case .left: 0.05
            case .above, .below: 0.3
            default: 0.45
            }
        }
    }

    struct Label: Hashable {
        var box: Rect
        var side: Side
    }

    var radii: [Double]
    var sizes: [(width: Double, height: Double)]
    var edges: [(a: Int, b: Int)]
    /// Space between a node and its label.
    var gap = 3.0
    /// Space every label keeps from other labels and from foreign nodes.
    var clearance = 3.0

    /// The candidate box for `node` on `side`.
    func box(_ node: Int, at center: Point, side: Side) -> Rect {
        let (w, h, r) = (sizes[node].width, sizes[node].height, radii[node])
        let diagonal = r * 0.7071 + gap * 0.5
        switch side {
        case .right: return Rect(x: center.x + r + gap, y: center.y - h / 2, width: w, height: h)
        case .left: return Rect(x: center.x - r - gap - w, y: center.y - h / 2, width: w, height: h)
        case .above: return Rect(x: center.x - w / 2, y: center.y - r - gap - h, width: w, height: h)
        case .below: return Rect(x: center.x - w / 2, y: center.y + r + gap, width: w, height: h)
        case .aboveRight: return Rect(x: center.x + diagonal, y: center.y - diagonal - h, width: w, height: h)
        case .aboveLeft: return Rect(x: center.x - diagonal - w, y: center.y - diagonal - h, width: w, height: h)
        case .belowRight: return Rect(x: center.x + diagonal, y: center.y + diagonal, width: w, height: h)
        case .belowLeft: return Rect(x: center.x - diagonal - w, y: center.y + diagonal, width: w, height: h)
        }
    }

    /// Where labels may go: between `left` and `right`, unless a node has no place there at all.
    struct Bounds {
        var left = -Double.infinity
        var right = Double.infinity
        func contains(_ box: Rect) -> Bool { box.x >= left && box.maxX <= right }
    }

    /// One greedy pass in `order`: the labels, nil for those that found no place even after
    /// moving their node; `centers` holds the moved nodes.
    func place(_ centers: inout [Point], order: [Int], bounds: Bounds = Bounds()) -> [Label?] {
        var labels = [Label?](repeating: nil, count: centers.count)
        var placed: [Rect] = []
        let count = Double(max(centers.count, 1))
        let middle = Point(x: centers.reduce(0) { $0 + $1.x } / count, y: centers.reduce(0) { $0 + $1.y } / count)
        for node in order {
            if let label = best(node, centers: centers, placed: placed, middle: middle, bounds: bounds) {
                labels[node] = label
            } else if let (moved, label) = nudged(node, centers: centers, placed: placed, middle: middle, bounds: bounds) {
                centers[node] = moved
                labels[node] = label
            }
            if let label = labels[node] { placed.append(label.box) }
        }
        return labels
    }

    /// The cheapest free place for `node`'s label: side preference, edges crossed, foreign nodes
    /// close by, and pointing inwards (labels read best on the outside of a drawing).
    func best(_ node: Int, centers: [Point], placed: [Rect], middle: Point, bounds: Bounds) -> Label? {
        let center = centers[node]
        let bounded = Side.allCases.contains { bounds.contains(box(node, at: center, side: $0)) }
        var best: (cost: Double, label: Label)?
        for side in Side.allCases {
            let box = self.box(node, at: center, side: side)
            guard !bounded || bounds.contains(box) else { continue }
            let padded = Rect(x: box.x - clearance, y: box.y - clearance, width: box.width + 2 * clearance, height: box.height + 2 * clearance)
            guard !placed.contains(where: { $0.intersects(padded) }),
                  !centers.indices.contains(where: { $0 != node && box.intersects(circle: centers[$0], radius: radii[$0] + 3 * clearance) })
            else { continue }
            var cost = side.cost + (bounds.contains(box) ? 0 : 10)
            for edge in edges where box.intersects(segmentFrom: centers[edge.a], to: centers[edge.b]) { cost += 1 }
            for other in centers.indices where other != node && box.intersects(circle: centers[other], radius: radii[other] + 6 * clearance) {
                cost += 1
            }
            let (ox, oy) = (center.x - middle.x, center.y - middle.y)
            let (lx, ly) = (box.x + box.width / 2 - center.x, box.y + box.height / 2 - center.y)
            let reach = ((ox * ox + oy * oy) * (lx * lx + ly * ly)).squareRoot()
            if reach > 0 { cost += 0.2 * (1 - (ox * lx + oy * ly) / reach) / 2 }
            if best == nil || cost < best!.cost { best = (cost, Label(box: box, side: side)) }
        }
        return best?.label
    }

    /// The nearest spot, a few pixels around `node`, where the node covers no placed label and
    /// touches no other node and its label finds a free place.
    func nudged(_ node: Int, centers: [Point], placed: [Rect], middle: Point, bounds: Bounds) -> (Point, Label)? {
        let step = (sizes[node].height / 2).rounded(.up)
        let directions: [(Double, Double)] = [(0, -1), (0, 1), (-1, 0), (1, 0), (-0.7071, -0.7071), (0.7071, -0.7071), (-0.7071, 0.7071), (0.7071, 0.7071)]
        var moved = centers
        for distance in [1.0, 2, 3, 4] {
            for (dx, dy) in directions {
                let spot = Point(x: centers[node].x + dx * distance * step, y: centers[node].y + dy * distance * step)
                guard spot.x - radii[node] >= bounds.left, spot.x + radii[node] <= bounds.right,
                      !placed.contains(where: { $0.intersects(circle: spot, radius: radii[node] + clearance) }),
                      !centers.indices.contains(where: { other in
                          let (ex, ey) = (centers[other].x - spot.x, centers[other].y - spot.y)
                          let least = radii[other] + radii[node] + 2 * clearance
                          return other != node && ex * ex + ey * ey < least * least
                      })
                else { continue }
                moved[node] = spot
                if let label = best(node, centers: moved, placed: placed, middle: middle, bounds: bounds) { return (spot, label) }
            }
        }
        return nil
    }

    /// Pushes apart nodes closer than their radii and a little air, pair by pair in index order
    /// (a few rounds; what is left is spread by the caller), keeping them inside `bounds`: a
    /// node held by a bound is pushed up or down instead. False when some still touch.
    func separate(_ centers: inout [Point], within bounds: Bounds = Bounds(), rounds: Int = 30) -> Bool {
        func inside(_ p: Point, _ node: Int) -> Point {
            Point(x: min(max(p.x, bounds.left + radii[node]), bounds.right - radii[node]), y: p.y)
        }
        for _ in 0..<rounds {
            var touching = false
            for i in centers.indices {
                for j in centers.indices where j > i {
                    var dx = centers[j].x - centers[i].x, dy = centers[j].y - centers[i].y
                    let least = radii[i] + radii[j] + 2 * clearance
                    let distance = (dx * dx + dy * dy).squareRoot()
                    guard distance < least else { continue }
                    touching = true
                    if distance < 1e-6 { (dx, dy) = (0, 1) } else { (dx, dy) = (dx / distance, dy / distance) }
                    let push = (least - distance) / 2 + 0.01
                    let (pi, pj) = (inside(Point(x: centers[i].x - dx * push, y: centers[i].y - dy * push), i),
                                    inside(Point(x: centers[j].x + dx * push, y: centers[j].y + dy * push), j))
                    let held = pi.x != centers[i].x - dx * push || pj.x != centers[j].x + dx * push
                    let down = held ? (dy < 0 ? -push : push) : 0
                    centers[i] = Point(x: pi.x, y: pi.y - down)
                    centers[j] = Point(x: pj.x, y: pj.y + down)
                }
            }
            if !touching { return true }
        }
        return false
    }

    /// The smallest spread of `layout` (scaled about the origin, from `start` up by 6% a step)
    /// at which no two nodes collide and every label finds a place; `priority` is the order in
    /// which nodes choose, and nodes that failed choose first at the same scale before the
    /// layout is spread further. With `maxWidth`, the horizontal spread stops growing where the
    /// nodes span that width less `labelRoom`, and only the vertical one goes on.
    func fit(_ layout: [Point], priority: [Int], start: Double, maxWidth: Double? = nil, labelRoom: Double = 0,
             steps: Int = 120) -> (centers: [Point], labels: [Label]) {
        let minX = layout.map(\.x).min() ?? 0, maxX = layout.map(\.x).max() ?? 0
        let cap = maxWidth.map { width in maxX > minX ? max(width / 3, width - labelRoom) / (maxX - minX) : Double.infinity }
        var scale = start
        var centers = layout
        var labels: [Label?] = []
        for _ in 0..<steps {
            let sx = min(scale, cap ?? .infinity)
            var spread = layout.map { Point(x: $0.x * sx, y: $0.y * scale) }
            let bounds = maxWidth.map { width in
                let room = (width - (maxX - minX) * sx) / 2
                return Bounds(left: minX * sx - room, right: maxX * sx + room)
            } ?? Bounds()
            if separate(&spread, within: bounds) {
                centers = spread
                labels = place(&centers, order: priority, bounds: bounds)
                if labels.contains(where: { $0 == nil }) {
                    centers = spread
                    let failed = priority.filter { labels[$0] == nil }
                    labels = place(&centers, order: failed + priority.filter { labels[$0] != nil }, bounds: bounds)
                }
                if !labels.contains(where: { $0 == nil }) { return (centers, labels.compactMap { $0 }) }
            }
            scale *= 1.06
        }
        // Not reached by graphs of the sizes drawn here; total, so no input can make it crash.
        return (centers, centers.indices.map { node in
            (labels.indices.contains(node) ? labels[node] : nil) ?? Label(box: box(node, at: centers[node], side: .right), side: .right)
        })
    }
}
