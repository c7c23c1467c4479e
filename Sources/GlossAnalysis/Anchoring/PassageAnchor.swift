/// A quoted passage an editor's note refers to (W3C Web Annotation TextQuoteSelector),
/// plus Gloss's 1-based `occurrence` for quotes that repeat in the article.
public struct TextQuoteSelector: Sendable, Hashable {
    public var exact: String
    public var prefix: String?
    public var suffix: String?
    public var occurrence: Int?

    public init(exact: String, prefix: String? = nil, suffix: String? = nil, occurrence: Int? = nil) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.occurrence = occurrence
    }
}

/// Where a passage sits: a block of the article and UTF-8 byte offsets into that block's original text.
public struct TextAnchor: Sendable, Hashable {
    /// Index into the article's blocks.
    public var block: Int
    /// UTF-8 byte offsets into `blocks[block]` as given (not normalised); never includes surrounding white space.
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }
}

/// How a quote was found, so the build can attach the note, warn, or suggest a fix.
public enum AnchorResult: Sendable, Hashable {
    /// The quote occurs (after normalisation) exactly here, and only here or disambiguated.
    case exact(TextAnchor)
    /// The article changed since the note was written; `found` is the original text of the passage matched.
    case approximate(TextAnchor, distance: Int, found: String)
    /// The quote occurs several times and neither `occurrence` nor prefix/suffix decides; lists every occurrence
    /// in article order, so the n-th element is what `occurrence: n` would pick.
    case ambiguous([TextAnchor])
    /// Not found; `closest` is the best passage for a "did you mean …" message (nil when nothing compares).
    case orphan(closest: TextAnchor?)
}

/// Finds the passage a note quotes in an article given as blocks of plain text (paragraphs, list items…).
/// Comparison ignores typographic differences editors cannot see (curly vs straight quotes, dash kinds,
/// white space, "…" vs "...") and tolerates later edits of the article, like the Hypothesis client does.
public enum PassageAnchor {
    /// Quotes longer than this (in normalised scalars) are only matched exactly.
    static let maxApproximateQuoteLength = 1_000
    /// Hypothesis' weights for ranking approximate candidates.
    static let quoteWeight = 50.0, prefixWeight = 20.0, suffixWeight = 20.0, positionWeight = 2.0
    /// Context beyond this many units does not change the ranking, only its cost.
    static let maxContextLength = 256
    /// Approximate candidates kept for ranking; bounds the work on pathological text.
    private static let maxCandidates = 256

    public static func anchor(_ selector: TextQuoteSelector, in blocks: [String]) -> AnchorResult {
        anchor(selector, in: PassageArticle(blocks))
    }

    /// For an article with several notes: it is normalised once, not once per note (which was
    /// 7% of building a site with five notes per article).
    static func anchor(_ selector: TextQuoteSelector, in article: PassageArticle) -> AnchorResult {
        let quote = PassageText(selector.exact, mapOffsets: false).units
        guard !quote.isEmpty else { return .orphan(closest: nil) }
        let context = Context(selector)

        var hits: [Span] = []
        for (b, text) in article.texts.enumerated() where text.count >= quote.count {
            for start in PassageSearch.occurrences(of: quote, in: text.units) {
                let span = Span(block: b, lo: start, hi: start + quote.count)
                if let anchor = article.anchor(block: b, span.lo, span.hi, widen: false) {
                    hits.append(span.with(anchor))
                }
            }
        }
        if hits.count == 1 { return .exact(hits[0].anchor!) }
        if hits.count > 1 { return disambiguate(hits, selector.occurrence, context, article) }
        return approximate(quote, selector.occurrence, context, article)
    }

    /// Several exact hits: `occurrence` decides, else prefix/suffix, else it is ambiguous.
    private static func disambiguate(
        _ hits: [Span], _ occurrence: Int?, _ context: Context, _ article: PassageArticle
    ) -> AnchorResult {
        let all = hits.map { $0.anchor! }
        if let occurrence {
            return (1 ... hits.count).contains(occurrence) ? .exact(all[occurrence - 1]) : .ambiguous(all)
        }
        guard !context.isEmpty else { return .ambiguous(all) }
        let agreeing = hits.filter { context.agrees(with: $0, in: article) }
        if agreeing.count == 1 { return .exact(agreeing[0].anchor!) }
        // None or several agree (edited context, or context at the article's edge): rank by similarity.
        let pool = agreeing.isEmpty ? hits : agreeing
        let scores = pool.map { context.score(of: $0, in: article) }
        let best = scores.max()!
        let winners = pool.indices.filter { scores[$0] > best - 1e-9 }
        return winners.count == 1 ? .exact(pool[winners[0]].anchor!) : .ambiguous(all)
    }

    /// No exact hit: the best passage within floor(quote length / 4) edits, else an orphan with the closest one.
    private static func approximate(
        _ quote: [UInt32], _ occurrence: Int?, _ context: Context, _ article: PassageArticle
    ) -> AnchorResult {
        guard quote.count <= maxApproximateQuoteLength else { return .orphan(closest: nil) }
        let pattern = PassageMyers(quote)
        let maxErrors = quote.count / 4
        var within: [End] = [] // best ends of each run of positions within `maxErrors`
        var closest: [End] = [] // the first positions with the lowest distance anywhere
        var lowest = Int.max

        for (b, text) in article.texts.enumerated() where !text.isEmpty {
            var run: [End] = []
            func flush() {
                within.append(contentsOf: run)
                run = []
                if within.count > 2 * maxCandidates {
                    within.sort { $0.distance < $1.distance }
                    within.removeLast(within.count - maxCandidates)
                }
            }
            pattern.scan(text.units, anchored: false) { j, d in
                if d < lowest { lowest = d; closest = [] }
                if d == lowest, closest.count < 64 { closest.append(End(block: b, end: j + 1, distance: d)) }
                if d <= maxErrors {
                    if run.isEmpty || d < run[0].distance {
                        run = [End(block: b, end: j + 1, distance: d)]
                    } else if d == run[0].distance, run.count < 3 {
                        run.append(End(block: b, end: j + 1, distance: d))
                    }
                } else if !run.isEmpty {
                    flush()
                }
            }
            flush()
        }

        let candidates = within.isEmpty ? closest : within
        let reversed = PassageMyers(quote.reversed())
        var spans: [Span] = []
        var seen: Set<Span> = []
        for candidate in candidates {
            guard let located = locate(candidate, quote.count, reversed, article),
                  let whole = article.widened(block: located.block, located.lo, located.hi)
            else { continue }
            var span = Span(block: located.block, lo: whole.lo, hi: whole.hi)
            guard !seen.contains(span) else { continue }
            seen.insert(span)
            let found = Array(article.texts[span.block].units[span.lo ..< span.hi])
            span.distance = PassageSearch.distance(quote, found)
            spans.append(span.with(whole.anchor))
        }
        spans.sort { ($0.block, $0.lo) < ($1.block, $1.lo) }

        // Widening to whole Characters can push a candidate past the threshold; such ones only suggest.
        let acceptable = within.isEmpty ? [] : spans.filter { $0.distance <= maxErrors }
        if let span = best(of: acceptable, quote.count, occurrence, context, article), let anchor = span.anchor {
            return .approximate(anchor, distance: span.distance, found: article.text(of: anchor))
        }
        return .orphan(closest: best(of: spans, quote.count, occurrence, context, article)?.anchor)
    }

    /// Hypothesis-style ranking: quote similarity, then prefix and suffix similarity, then `occurrence` as a
    /// position hint; ties go to the earliest passage. `spans` are in article order.
    private static func best(
        of spans: [Span], _ quoteLength: Int, _ occurrence: Int?, _ context: Context, _ article: PassageArticle
    ) -> Span? {
        var best: (span: Span, score: Double)?
        for (ordinal, span) in spans.enumerated() {
            var position = 0.0
            if let occurrence {
                position = max(0, 1 - Double(abs(ordinal + 1 - occurrence)) / Double(spans.count))
            }
            let quoteScore = max(0, 1 - Double(span.distance) / Double(quoteLength))
            let score = quoteWeight * quoteScore + context.weightedScore(of: span, in: article)
                + positionWeight * position
            if best == nil || score > best!.score + 1e-9 { best = (span, score) }
        }
        return best?.span
    }

    /// Finds where the passage ending at `candidate.end` starts (anchored Myers over the reversed text),
    /// preferring the lowest distance, then the length closest to the quote's; trims edge spaces.
    private static func locate(
        _ candidate: End, _ quoteLength: Int, _ reversed: PassageMyers, _ article: PassageArticle
    ) -> Span? {
        let units = article.texts[candidate.block].units
        let lo = max(0, candidate.end - quoteLength - candidate.distance)
        let window = Array(units[lo ..< candidate.end].reversed())
        var bestLength = 0, bestDistance = Int.max
        reversed.scan(window, anchored: true) { j, d in
            let length = j + 1
            if d < bestDistance
                || (d == bestDistance && abs(length - quoteLength) <= abs(bestLength - quoteLength)) {
                bestDistance = d
                bestLength = length
            }
        }
        var start = candidate.end - bestLength, end = candidate.end
        while start < end, units[start] == PassageText.space { start += 1 }
        while start < end, units[end - 1] == PassageText.space { end -= 1 }
        return start < end ? Span(block: candidate.block, lo: start, hi: end) : nil
    }

    /// "…a few words before, the passage, a few words after…" with white space collapsed, for messages.
    public static func context(of anchor: TextAnchor, in blocks: [String], words: Int = 5) -> String {
        guard blocks.indices.contains(anchor.block) else { return "" }
        let bytes = Array(blocks[anchor.block].utf8)
        func aligned(_ offset: Int, down: Bool) -> Int {
            var i = min(max(offset, 0), bytes.count)
            while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += down ? -1 : 1 }
            return i
        }
        let lo = aligned(anchor.range.lowerBound, down: true)
        let hi = max(lo, aligned(anchor.range.upperBound, down: false))
        let windowLo = aligned(lo - 4_096, down: false), windowHi = aligned(hi + 4_096, down: true)
        let before = String(decoding: bytes[windowLo ..< lo], as: UTF8.self)
        let after = String(decoding: bytes[hi ..< windowHi], as: UTF8.self)
        let passage = String(decoding: bytes[lo ..< hi], as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let n = max(words, 0)

        let beforeWords = before.split(whereSeparator: \.isWhitespace)
        let head = beforeWords.suffix(n).joined(separator: " ")
        let beforeGlued = !(before.last?.isWhitespace ?? true)
        let afterWords = after.split(whereSeparator: \.isWhitespace)
        let tail = afterWords.prefix(n).joined(separator: " ")
        let afterGlued = !(after.first?.isWhitespace ?? true)

        var result = beforeWords.count > n || windowLo > 0 ? "…" : ""
        result += head
        if !head.isEmpty, !beforeGlued { result += " " }
        result += passage
        if !tail.isEmpty, !afterGlued { result += " " }
        result += tail
        if afterWords.count > n || windowHi < bytes.count { result += "…" }
        return result
    }
}

/// Normalised units `lo ..< hi` of a block, as a candidate passage.
private struct Span: Hashable {
    var block: Int, lo: Int, hi: Int
    var distance = 0
    var anchor: TextAnchor?

    func hash(into hasher: inout Hasher) { hasher.combine(block); hasher.combine(lo); hasher.combine(hi) }
    static func == (a: Span, b: Span) -> Bool { a.block == b.block && a.lo == b.lo && a.hi == b.hi }

    func with(_ anchor: TextAnchor) -> Span {
        var copy = self
        copy.anchor = anchor
        return copy
    }
}

/// Where an approximate match ends (exclusive, in normalised units) and its distance.
private struct End {
    var block: Int, end: Int, distance: Int
}

/// The selector's prefix and suffix, normalised, and how a passage's surroundings compare with them.
private struct Context {
    let prefix: [UInt32]
    let suffix: [UInt32]
    let hasPrefix: Bool, hasSuffix: Bool

    init(_ selector: TextQuoteSelector) {
        let limit = PassageAnchor.maxContextLength
        prefix = Array(PassageText(selector.prefix ?? "", mapOffsets: false).units.suffix(limit))
        suffix = Array(PassageText(selector.suffix ?? "", mapOffsets: false).units.prefix(limit))
        hasPrefix = !prefix.isEmpty
        hasSuffix = !suffix.isEmpty
    }

    var isEmpty: Bool { !hasPrefix && !hasSuffix }

    /// Text before ends with the prefix and text after starts with the suffix; at the article's edges
    /// a partial context is accepted.
    func agrees(with span: Span, in article: PassageArticle) -> Bool {
        if hasPrefix {
            let (units, complete) = article.before(block: span.block, index: span.lo, count: prefix.count)
            if complete ? units != prefix : !prefix.reversed().starts(with: units.reversed()) { return false }
        }
        if hasSuffix {
            let (units, complete) = article.after(block: span.block, index: span.hi, count: suffix.count)
            if complete ? units != suffix : !suffix.starts(with: units) { return false }
        }
        return true
    }

    /// Sum of prefix and suffix similarity (0 … 2), for ranking exact hits.
    func score(of span: Span, in article: PassageArticle) -> Double {
        var score = 0.0
        if hasPrefix {
            let units = article.before(block: span.block, index: span.lo, count: prefix.count).units
            score += PassageSearch.similarity(prefix, units)
        }
        if hasSuffix {
            let units = article.after(block: span.block, index: span.hi, count: suffix.count).units
            score += PassageSearch.similarity(suffix, units)
        }
        return score
    }

    /// Hypothesis-style weighted context score: an absent prefix or suffix counts as a perfect match.
    func weightedScore(of span: Span, in article: PassageArticle) -> Double {
        var prefixScore = 1.0, suffixScore = 1.0
        if hasPrefix {
            let units = article.before(block: span.block, index: span.lo, count: prefix.count).units
            prefixScore = PassageSearch.similarity(prefix, units)
        }
        if hasSuffix {
            let units = article.after(block: span.block, index: span.hi, count: suffix.count).units
            suffixScore = PassageSearch.similarity(suffix, units)
        }
        return PassageAnchor.prefixWeight * prefixScore + PassageAnchor.suffixWeight * suffixScore
    }
}
