import Foundation
import GlossContent

/// Node positions whose distances approach the graph's: stress majorization (Gansner, Koren and
/// North, "Graph drawing by stress majorization", 2004) started from classical scaling
/// (Torgerson's MDS), which needs no random restarts and finds the same picture every time.
/// Everything runs in one thread, in index order, from a fixed seed, so the same graph gives
/// the same numbers on every build.
enum StressLayout {
    struct Link {
        var a: Int
        var b: Int
        /// The wanted distance between the two nodes.
        var length: Double
    }

    /// Positions centred on the origin with the drawing's long axis horizontal (pages are wider
    /// than tall). Nodes of separate components sit a graph diameter apart.
    static func positions(count n: Int, links: [Link], iterations: Int = 400) -> [Point] {
        guard n > 1 else { return Array(repeating: Point(x: 0, y: 0), count: n) }
        let distance = distances(count: n, links: links)
        var points = classicalScaling(distance, count: n)
        majorize(&points, distance: distance, iterations: iterations)
        return alignedToLongAxis(points)
    }

    /// All-pairs shortest paths (Floyd–Warshall: graphs here have at most a few dozen nodes);
    /// pairs in different components get the largest finite distance.
    static func distances(count n: Int, links: [Link]) -> [Double] {
        var d = [Double](repeating: .infinity, count: n * n)
        for i in 0..<n { d[i * n + i] = 0 }
        for link in links where link.a != link.b {
            d[link.a * n + link.b] = min(d[link.a * n + link.b], link.length)
            d[link.b * n + link.a] = d[link.a * n + link.b]
        }
        for k in 0..<n {
            for i in 0..<n where d[i * n + k] < .infinity {
                for j in 0..<n where d[i * n + k] + d[k * n + j] < d[i * n + j] {
                    d[i * n + j] = d[i * n + k] + d[k * n + j]
                }
            }
        }
        let finite = d.filter { $0.isFinite }.max() ?? 0
        let mean = links.isEmpty ? 100 : links.map(\.length).reduce(0, +) / Double(links.count)
        let apart = max(finite, mean)
        return d.map { $0.isFinite ? $0 : apart }
    }

    /// Classical scaling: the top two eigenvectors of the double-centred squared distances, by
    /// power iteration from a seeded start. A collinear result gets a small seeded spread so
    /// majorization can leave the line.
    static func classicalScaling(_ d: [Double], count n: Int) -> [Point] {
        var b = [Double](repeating: 0, count: n * n)
        var rowMean = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n { rowMean[i] += d[i * n + j] * d[i * n + j] }
            rowMean[i] /= Double(n)
        }
        let grandMean = rowMean.reduce(0, +) / Double(n)
        for i in 0..<n {
            for j in 0..<n { b[i * n + j] = -0.5 * (d[i * n + j] * d[i * n + j] - rowMean[i] - rowMean[j] + grandMean) }
        }
        // Shift so every eigenvalue is non-negative: power iteration then finds the largest.
        var shift = 0.0
        for i in 0..<n { shift = max(shift, (0..<n).reduce(0) { $0 + abs(b[i * n + $1]) }) }
        for i in 0..<n { b[i * n + i] += shift }
        var random = SplitMix64(seed: 0x6C05_5E0D)
        var vectors: [[Double]] = []
        var values: [Double] = []
        for _ in 0..<2 {
            var v = (0..<n).map { _ in random.unit() - 0.5 }
            var value = 0.0
            for _ in 0..<100 {
                for u in vectors {
                    let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in 0..<n { v[i] -= dot * u[i] }
                }
                var next = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    for j in 0..<n { next[i] += b[i * n + j] * v[j] }
                }
                let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                value = norm
                let previous = v
                v = next.map { $0 / norm }
                if zip(previous, v).allSatisfy({ abs($0 - $1) < 1e-4 }) { break }
            }
            vectors.append(v)
            values.append(max(0, value - shift))
        }
        let spread = (d.max() ?? 1) * 0.05
        return (0..<n).map { i in
            Point(x: vectors[0][i] * values[0].squareRoot(),
                  y: vectors[1][i] * values[1].squareRoot() + (values[1] < 1e-6 ? (random.unit() - 0.5) * spread : 0))
        }
    }

    /// Localized stress majorization, weights 1/d²: each node in turn moves to where its
    /// distances to all others best match the wanted ones, until nothing moves a tenth of a pixel.
    static func majorize(_ points: inout [Point], distance d: [Double], iterations: Int) {
        let n = points.count
        let weight = d.map { $0 > 0 ? 1 / ($0 * $0) : 0 }
        for _ in 0..<iterations {
            var largestMove = 0.0
            for i in 0..<n {
                var sx = 0.0, sy = 0.0, sw = 0.0
                for j in 0..<n where j != i && d[i * n + j] > 0 {
                    let w = weight[i * n + j]
                    let dx = points[i].x - points[j].x, dy = points[i].y - points[j].y
                    let length = (dx * dx + dy * dy).squareRoot()
                    let scale = length > 1e-9 ? d[i * n + j] / length : 0
                    sx += w * (points[j].x + scale * dx)
                    sy += w * (points[j].y + scale * dy)
                    sw += w
                }
                guard sw > 0 else { continue }
                let next = Point(x: sx / sw, y: sy / sw)
                largestMove = max(largestMove, abs(next.x - points[i].x) + abs(next.y - points[i].y))
                points[i] = next
            }
            if largestMove < 0.1 { break }
        }
    }

    /// Centred, and turned so the direction of greatest spread is horizontal.
    static func alignedToLongAxis(_ points: [Point]) -> [Point] {
        let n = Double(points.count)
        let cx = points.reduce(0) { $0 + $1.x } / n, cy = points.reduce(0) { $0 + $1.y } / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for p in points {
            sxx += (p.x - cx) * (p.x - cx)
            syy += (p.y - cy) * (p.y - cy)
            sxy += (p.x - cx) * (p.y - cy)
        }
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        let (c, s) = (cos(angle), sin(angle))
        return points.map { p in
            let (x, y) = (p.x - cx, p.y - cy)
            return Point(x: x * c + y * s, y: -x * s + y * c)
        }
    }
}
