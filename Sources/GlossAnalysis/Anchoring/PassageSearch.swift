/// String search over normalised units: exact (KMP, linear even on 1 MB blocks) and approximate
/// (Myers' bit-parallel edit distance, the algorithm behind the Hypothesis client's approx-string-match).
enum PassageSearch {
    /// Start indices of the non-overlapping occurrences of `pattern` in `text`, left to right.
    static func occurrences(of pattern: [UInt32], in text: [UInt32]) -> [Int] {
        let m = pattern.count
        guard m > 0, m <= text.count else { return [] }
        var failure = [Int](repeating: 0, count: m)
        var k = 0
        for i in 1 ..< max(m, 1) {
            while k > 0, pattern[i] != pattern[k] { k = failure[k - 1] }
            if pattern[i] == pattern[k] { k += 1 }
            failure[i] = k
        }
        var found: [Int] = []
        var q = 0
        for (i, unit) in text.enumerated() {
            while q > 0, unit != pattern[q] { q = failure[q - 1] }
            if unit == pattern[q] { q += 1 }
            if q == m {
                found.append(i - m + 1)
                q = 0 // non-overlapping, like a reader counting occurrences
            }
        }
        return found
    }

    /// Levenshtein distance between `a` and `b`.
    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var last = a.count
        PassageMyers(a).scan(b, anchored: true) { _, d in last = d }
        return last
    }

    /// 1 for identical context, falling towards 0 with each edit (Hypothesis' `textMatchScore`).
    static func similarity(_ expected: [UInt32], _ actual: [UInt32]) -> Double {
        guard !expected.isEmpty else { return 1 }
        let d = distance(expected, actual)
        return max(0, 1 - Double(d) / Double(expected.count))
    }
}

/// A pattern prepared for Myers' bit-parallel edit distance (Myers 1999, in Hyyrö's multi-word form):
/// one pass over the text costs O(text length × ⌈pattern length / 64⌉).
struct PassageMyers {
    let length: Int
    let words: Int
    /// Row of `peq` for each ASCII unit; -1 when the unit is not in the pattern.
    private var asciiRow: [Int]
    private var otherRow: [UInt32: Int] = [:]
    /// Per distinct pattern unit, `words` bit masks of its positions; the last row (all zero) is for other units.
    private var peq: [UInt64]
    private let lastBit: UInt64

    init(_ pattern: [UInt32]) {
        length = pattern.count
        words = max(1, (pattern.count + 63) / 64)
        asciiRow = [Int](repeating: -1, count: 128)
        var rows: [[UInt64]] = []
        for (i, unit) in pattern.enumerated() {
            var row: Int
            if unit < 128, asciiRow[Int(unit)] >= 0 {
                row = asciiRow[Int(unit)]
            } else if unit >= 128, let known = otherRow[unit] {
                row = known
            } else {
                row = rows.count
                rows.append([UInt64](repeating: 0, count: words))
                if unit < 128 { asciiRow[Int(unit)] = row } else { otherRow[unit] = row }
            }
            rows[row][i / 64] |= 1 << UInt64(i % 64)
        }
        rows.append([UInt64](repeating: 0, count: words))
        peq = rows.flatMap { $0 }
        lastBit = 1 << UInt64((max(pattern.count, 1) - 1) % 64)
    }

    private func row(for unit: UInt32) -> Int {
        let row = unit < 128 ? asciiRow[Int(unit)] : (otherRow[unit] ?? -1)
        return (row >= 0 ? row : peq.count / words - 1) * words
    }

    /// Reports, after each unit `text[j]`, the edit distance between the pattern and the best text span
    /// ending at `j` (`anchored == false`, Sellers' search) or the span `text[0 ... j]` (`anchored == true`).
    func scan(_ text: [UInt32], anchored: Bool, _ body: (_ end: Int, _ distance: Int) -> Void) {
        guard length > 0 else { return }
        var pv = [UInt64](repeating: ~0, count: words)
        var mv = [UInt64](repeating: 0, count: words)
        var distance = length
        for (j, unit) in text.enumerated() {
            let r = row(for: unit)
            var hIn = anchored ? 1 : 0
            for b in 0 ..< words {
                let p = pv[b], m = mv[b]
                let eq = peq[r + b] | (hIn < 0 ? 1 : 0)
                let xv = eq | m
                let xh = (((eq & p) &+ p) ^ p) | eq
                var ph = m | ~(xh | p)
                var mh = p & xh
                let mask: UInt64 = b == words - 1 ? lastBit : 1 << 63
                let hOut = ph & mask != 0 ? 1 : (mh & mask != 0 ? -1 : 0)
                ph = (ph << 1) | (hIn > 0 ? 1 : 0)
                mh = (mh << 1) | (hIn < 0 ? 1 : 0)
                pv[b] = mh | ~(xv | ph)
                mv[b] = ph & xv
                hIn = hOut
            }
            distance += hIn
            body(j, distance)
        }
    }
}
