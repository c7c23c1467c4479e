/// The plane geometry the graph drawing needs: points, label boxes, and the three collision
/// tests label placement makes (box–box, box–circle, box–segment).
struct Point: Hashable, Sendable {
    var x: Double
    var y: Double
}

struct Rect: Hashable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func insetBy(_ amount: Double) -> Rect { Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount) }

    /// Overlap with a positive area (touching edges do not count).
    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether the box reaches inside the circle (touching does not count).
    func intersects(circle center: Point, radius: Double) -> Bool {
        let nx = min(max(center.x, x), maxX), ny = min(max(center.y, y), maxY)
        let dx = center.x - nx, dy = center.y - ny
        return dx * dx + dy * dy < radius * radius
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    func intersects(segmentFrom a: Point, to b: Point) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// The smallest box holding both.
    func union(_ other: Rect) -> Rect {
        let left = min(x, other.x), top = min(y, other.y)
        return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }
}
