// Direct-quotation extraction for annotated digests. Precision before recall: a speaker is named only
// when a resolvable entity mention sits in a tight attribution clause next to the quotation.

/// A direct quotation found in an article, with the entity it is attributed to (if any).
public struct ExtractedQuote: Sendable, Hashable {
    /// The quotation without its quote marks; a trailing comma is dropped, final `.`/`!`/`?` kept.
    public var text: String
    /// Entity index of the speaker, or nil when no entity mention can be resolved as the speaker.
    public var speaker: Int?
    /// Index of the paragraph the quotation is in.
    public var paragraph: Int
    /// UTF-8 byte range of `text` inside that paragraph.
    public var range: Range<Int>

    public init(text: String, speaker: Int?, paragraph: Int, range: Range<Int>) {
        self.text = text
        self.speaker = speaker
        self.paragraph = paragraph
        self.range = range
    }
}

/// Finds double-quoted quotations and attributes them from nearby "X said" clauses, so digests can
/// show who said what without guessing.
public enum QuoteExtractor {
    /// Fragments shorter than this with no speech verb next to them are scare quotes, not quotations.
    static let minimumUnattributedWords = 4
    /// Attribution clauses are short; bounding the scan keeps the whole pass linear.
    static let clauseWindow = 30

    enum Attribution: Equatable { case entity(Int), pronoun, anonymous, none }

    /// The last quotation kept, for continuation ("he said", follow-on quotes) decisions.
    struct Previous {
        var paragraph: Int
        var speaker: Int?
        var closeToken: Int
        var trailingTerminators = 0
    }

    /// paragraphs: plain text of the article's paragraphs in order;
    /// mentions[i]: entity mentions found in paragraphs[i] (sorted, non-overlapping).
    public static func quotes(in paragraphs: [String], mentions: [[EntityMatch]]) -> [ExtractedQuote] {
        var result: [ExtractedQuote] = []
        var previous: Previous?
        for (p, paragraph) in paragraphs.enumerated() {
            let bytes = Array(paragraph.utf8)
            let tokens = tokenize(bytes, mentions: p < mentions.count ? mentions[p] : [])
            var terminatorsBefore = [0]   // terminatorsBefore[k]: terminator tokens in tokens[0..<k]
            terminatorsBefore.reserveCapacity(tokens.count + 1)
            for t in tokens { terminatorsBefore.append(terminatorsBefore.last! + (t.kind == .terminator ? 1 : 0)) }

            for (open, close) in pairQuotes(tokens) {
                guard let content = contentRange(bytes, tokens[open].range.upperBound..<tokens[close].range.lowerBound)
                else { continue }
                let endsWithComma = content.trimmedComma
                let attribution = attribute(tokens, open: open, close: close, endsWithComma: endsWithComma)
                if attribution == .none && wordCount(bytes, content.range) < minimumUnattributedWords { continue }

                var speaker: Int?
                switch attribution {
                case .entity(let e): speaker = e
                case .anonymous: speaker = nil
                case .pronoun:
                    if let prev = previous, prev.paragraph >= p - 1 { speaker = prev.speaker }
                case .none:
                    let startsSentence = open == 0 || tokens[open - 1].kind == .terminator || tokens[open - 1].kind == .quote
                    if startsSentence, let prev = previous {
                        if prev.paragraph == p, terminatorsBefore[open] - terminatorsBefore[prev.closeToken + 1] <= 1 {
                            speaker = prev.speaker
                        } else if prev.paragraph == p - 1, open == 0, prev.trailingTerminators <= 1 {
                            speaker = prev.speaker
                        }
                    }
                }
                let text = String(decoding: bytes[content.range], as: UTF8.self)
                result.append(ExtractedQuote(text: text, speaker: speaker, paragraph: p, range: content.range))
                previous = Previous(paragraph: p, speaker: speaker, closeToken: close)
            }
            if var prev = previous, prev.paragraph == p {
                prev.trailingTerminators = terminatorsBefore[tokens.count] - terminatorsBefore[prev.closeToken + 1]
                previous = prev
            }
        }
        return result
    }

    /// Pairs quote marks left to right; an opener seen while another is open replaces it, which
    /// resynchronises after a stray mark. Unclosed openers are dropped.
    static func pairQuotes(_ tokens: [Token]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var open: Int?
        for (k, t) in tokens.enumerated() where t.kind == .quote {
            switch t.role {
            case .open: open = k
            case .close:
                if let o = open { pairs.append((o, k)); open = nil }
            case .either:
                if let o = open { pairs.append((o, k)); open = nil } else { open = k }
            }
        }
        return pairs
    }

    /// Trims whitespace and one trailing comma; nil when nothing textual is left.
    static func contentRange(_ b: [UInt8], _ r: Range<Int>) -> (range: Range<Int>, trimmedComma: Bool)? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, case (.space, let l) = classify(b, lo) { lo += l }
        func trimTrailingSpace() {
            while hi > lo, let c = classBefore(b, hi), c == .space {
                var s = hi - 1
                while s > lo, b[s] & 0xC0 == 0x80 { s -= 1 }
                hi = s
            }
        }
        trimTrailingSpace()
        var comma = false
        if hi > lo, b[hi - 1] == 0x2C { hi -= 1; comma = true; trimTrailingSpace() }
        guard hi > lo, wordCount(b, lo..<hi) > 0 else { return nil }
        return (lo..<hi, comma)
    }

    /// Whitespace-separated runs that contain at least one letter or digit.
    static func wordCount(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var count = 0, i = r.lowerBound, inRun = false, runHasAlnum = false
        while i < r.upperBound {
            let (c, l) = classify(b, i)
            if c == .space {
                if inRun && runHasAlnum { count += 1 }
                inRun = false; runHasAlnum = false
            } else {
                inRun = true
                if c == .alnum { runHasAlnum = true }
            }
            i += l
        }
        if inRun && runHasAlnum { count += 1 }
        return count
    }

    // MARK: - Attribution

    /// A comma before the closing mark means the attribution follows; otherwise an introducing
    /// clause ("Abe said:") is preferred over whatever sentence comes next.
    static func attribute(_ t: [Token], open: Int, close: Int, endsWithComma: Bool) -> Attribution {
        if endsWithComma {
            let after = attributionAfter(t, close: close, endsWithComma: true)
            return after != .none ? after : attributionBefore(t, open: open)
        }
        let before = attributionBefore(t, open: open)
        return before != .none ? before : attributionAfter(t, close: close, endsWithComma: false)
    }

    static func isVerb(_ t: [Token], _ k: Int) -> Bool {
        t[k].kind == .word && speechVerbs.contains(t[k].lower)
    }

    static func isAccordingTo(_ t: [Token], _ k: Int, end: Int) -> Bool {
        t[k].kind == .word && t[k].lower == "according" && k + 1 < end && t[k + 1].kind == .word && t[k + 1].lower == "to"
    }

    /// `"…," Abe said` / `"…," said Abe` / `"…" Trump said in a tweet`, all within one sentence.
    static func attributionAfter(_ t: [Token], close: Int, endsWithComma: Bool) -> Attribution {
        var a = close + 1
        if a < t.count, t[a].kind == .comma || t[a].kind == .dash { a += 1 }
        var w = a
        while w < t.count, w - a < clauseWindow, ![.terminator, .semicolon, .quote].contains(t[w].kind) { w += 1 }
        guard a < w else { return .none }
        // Without a comma, a clause running into another quotation introduces that one instead.
        if !endsWithComma, w < t.count, t[w].kind == .quote { return .none }

        if isVerb(t, a) || isAccordingTo(t, a, end: w) {
            let start = t[a].lower == "according" ? a + 2 : a + 1
            switch parseSubject(t, from: start, to: w, verbFirst: true) {
            case .entity(let e): return .entity(e)
            case .pronoun: return .pronoun
            default: return .anonymous
            }
        }
        var sawVerb = false
        for v in (a + 1)..<max(a + 1, w) where isVerb(t, v) {
            sawVerb = true
            switch parseSubject(t, from: a, to: v, verbFirst: false) {
            case .entity(let e): return .entity(e)
            case .pronoun: return .pronoun
            case .nounPhrase: return .anonymous
            case .invalid: continue
            }
        }
        return sawVerb && endsWithComma ? .anonymous : .none
    }

    /// `Abe said: "…"` / `Abe said that "…"` / `According to Abe, "…"`: the verb must lead straight
    /// into the quotation, so partial quotes inside a sentence are not claimed.
    static func attributionBefore(_ t: [Token], open: Int) -> Attribution {
        var s = open
        while s > 0, open - s < clauseWindow, ![.terminator, .semicolon, .quote].contains(t[s - 1].kind) { s -= 1 }
        guard s < open else { return .none }
        var verb = -1
        for k in stride(from: open - 1, through: s, by: -1) {
            if isVerb(t, k) || isAccordingTo(t, k, end: open) { verb = k; break }
        }
        guard verb >= 0 else { return .none }
        let verbEnd = t[verb].lower == "according" ? verb + 2 : verb + 1
        var gapEnd = open
        if verbEnd < open {
            let last = t[open - 1]
            guard last.kind == .colon || last.kind == .comma || (last.kind == .word && last.lower == "that") else { return .none }
            gapEnd = open - 1
            guard gapEnd - verbEnd <= 6 else { return .none }
            for k in verbEnd..<gapEnd {
                guard t[k].kind == .word || t[k].kind == .mention else { return .none }
                if ["is", "was", "are", "were", "be", "been", "being"].contains(t[k].lower) || isVerb(t, k) { return .none }
            }
        }
        if t[verb].lower == "according" {
            switch parseSubject(t, from: verbEnd, to: gapEnd, verbFirst: true) {
            case .entity(let e): return .entity(e)
            case .pronoun: return .pronoun
            default: return .anonymous
            }
        }
        for c in s..<verb where c == s || t[c - 1].kind == .comma {
            switch parseSubject(t, from: c, to: verb, verbFirst: false) {
            case .entity(let e): return .entity(e)
            case .pronoun: return .pronoun
            default: continue
            }
        }
        return .anonymous   // a speech verb leads into the quote, but its subject is not an entity
    }

    enum Subject { case entity(Int), pronoun, nounPhrase, invalid }

    /// Parses `title* head rest` in t[from..<end]. With `verbFirst` the name follows the verb
    /// (`said Prime Minister Abe`); otherwise `rest` must be a short appositive and reach the verb at `end`.
    static func parseSubject(_ t: [Token], from: Int, to end: Int, verbFirst: Bool) -> Subject {
        var j = from
        var head = -1
        func isTitle(_ k: Int) -> Bool {
            guard k < end, t[k].kind == .word, !speechVerbs.contains(t[k].lower),
                  !notTitles.contains(t[k].lower), !pronouns.contains(t[k].lower) else { return false }
            return t[k].capitalized || titleWords.contains(t[k].lower)
        }
        func isPlainCapitalized(_ k: Int) -> Bool { isTitle(k) && t[k].capitalized }
        scan: while j < end {
            let tok = t[j]
            switch tok.kind {
            case .word:
                if pronouns.contains(tok.lower) { head = j; break scan }
                if isTitle(j) { j += 1; continue }
                if connectors.contains(tok.lower), isPlainCapitalized(j + 1)
                    || (j + 1 < end && determiners.contains(t[j + 1].lower)) { j += 1; continue }
                break scan
            case .comma:
                if isPlainCapitalized(j + 1) || (j + 1 < end && t[j + 1].kind == .mention && j > from) { j += 1; continue }
                break scan
            case .mention:
                // A mention that modifies what follows (US President …, Japan's Abe) is not the head.
                if tok.possessive || isTitle(j + 1) || (j + 1 < end && t[j + 1].kind == .mention) { j += 1; continue }
                if j > from, t[j - 1].kind == .word, ["of", "for", "to", "at", "with", "from"].contains(t[j - 1].lower) {
                    break scan   // "a spokesman for Abe": Abe is not the speaker
                }
                head = j
                break scan
            default:
                break scan
            }
        }
        guard head >= 0 else { return nounPhraseFallback(t, from: from, to: end, verbFirst: verbFirst) }
        let found: Subject = t[head].kind == .mention ? .entity(t[head].entity) : .pronoun
        var k = head + 1
        if verbFirst {
            guard k < end else { return found }
            switch t[k].kind {
            case .comma, .dash, .openParen, .colon: return found
            case .word: return afterNameWords.contains(t[k].lower) ? found : .invalid
            default: return .invalid
            }
        }
        if k < end {
            switch t[k].kind {
            case .comma, .dash:
                let kind = t[k].kind
                var m = k + 1
                while m < end, m - k <= 16, t[m].kind != kind { m += 1 }
                if m < end, t[m].kind == kind { k = m + 1 } else if k == end - 1 { k = end } else { return .invalid }
            case .openParen:
                var m = k + 1
                while m < end, m - k <= 16, t[m].kind != .closeParen { m += 1 }
                guard m < end else { return .invalid }
                k = m + 1
            case .word where appositiveConnectors.contains(t[k].lower):
                let start = k + 1
                k += 1
                while k < end, t[k].kind == .mention || (t[k].kind == .word && (t[k].capitalized
                    || ["the", "and", "&"].contains(t[k].lower))) { k += 1 }
                if k == start { return .invalid }
            default: break
            }
        }
        while k < end, t[k].kind == .word, adverbs.contains(t[k].lower)
            || (!t[k].capitalized && t[k].lower.count > 3 && t[k].lower.hasSuffix("ly")) { k += 1 }
        return k == end ? found : .invalid
    }

    /// A short plain noun phrase ("a government spokesman", "the ministry") names a speaker we cannot resolve.
    static func nounPhraseFallback(_ t: [Token], from: Int, to end: Int, verbFirst: Bool) -> Subject {
        if verbFirst { return .nounPhrase }
        guard end > from, end - from <= 6 else { return .invalid }
        for k in from..<end where t[k].kind != .word && t[k].kind != .mention && t[k].kind != .other {
            return .invalid
        }
        return .nounPhrase
    }
}
