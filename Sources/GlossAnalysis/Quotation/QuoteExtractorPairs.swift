// Quotation marks paired per paragraph, and quotations that run over several paragraphs: in news
// style (no closing mark at the end of a paragraph, an opening mark again at the next one's start)
// and in press-release style (no mark at all until the closing one at the quotation's end).

extension QuoteExtractor {
    /// One paragraph, tokenized, with its quotations and sentences.
    struct Paragraph {
        let bytes: [UInt8]
        let tokens: [Token]
        /// Outermost quotations closed in this paragraph: token indices of their opening and closing marks.
        let spans: [(open: Int, close: Int)]
        /// An opening mark left open after the last quotation: the quotation may go on in the next paragraph.
        let unclosed: Int?
        /// For each token, whether it lies inside a quotation (its marks included).
        let quoted: [Bool]
        /// For each token, the index of the first token of its sentence. Full stops inside a
        /// quotation do not end the sentence around it.
        let sentenceStart: [Int]

        init(_ text: String, mentions: [EntityMatch]) {
            bytes = Array(text.utf8)
            tokens = QuoteExtractor.tokenize(bytes, mentions: mentions)
            (spans, unclosed) = QuoteExtractor.pairQuotes(tokens)
            var quoted = [Bool](repeating: false, count: tokens.count)
            for span in spans { for k in span.open...span.close { quoted[k] = true } }
            if let unclosed { for k in unclosed..<tokens.count { quoted[k] = true } }
            self.quoted = quoted
            var starts = [Int](repeating: 0, count: tokens.count)
            var start = 0
            for k in tokens.indices {
                starts[k] = start
                if !quoted[k], tokens[k].kind == .terminator { start = k + 1 }
                // `"….` then a new sentence: a closing mark after a full stop ends the sentence too,
                // unless an attribution (`said`, a lowercase word or a name and verb) carries it on.
                if quoted[k], tokens[k].kind == .quote, k > 0, tokens[k - 1].kind == .terminator,
                   k + 1 < tokens.count, tokens[k + 1].kind == .mention || (tokens[k + 1].kind == .word && tokens[k + 1].capitalized),
                   !Paragraph.isBareAttribution(tokens, from: k + 1) {
                    start = k + 1
                }
            }
            sentenceStart = starts
        }

        /// `said Abe` or `Abe said`, a name of at most three tokens then a speech verb: the clause
        /// that credits the quotation before it, not a new sentence. Not when the verb introduces
        /// the next quotation (`"…prayers." President Duda remarked, "Today…"`) or takes an object
        /// of its own (`"…States." Biden praised Warren's endorsement…`).
        static func isBareAttribution(_ tokens: [Token], from k: Int) -> Bool {
            for j in k..<min(tokens.count, k + 4) {
                let token = tokens[j]
                if token.kind == .word, !token.capitalized || j == k, QuoteExtractor.speechVerbs.contains(token.lower) {
                    guard j > k else { return true }
                    let next = j + 1 < tokens.count && [.comma, .colon].contains(tokens[j + 1].kind) ? j + 2 : j + 1
                    if next < tokens.count, tokens[next].kind == .quote { return false }
                    return endsAttribution(tokens, after: j)
                }
                guard token.kind == .mention || (token.kind == .word && token.capitalized) else { return false }
            }
            return false
        }

        /// What may follow the verb of an inverted attribution: the end of the clause, a time or
        /// place (`said on Monday`), or after "told" a listener (`told reporters`, `told Reuters`).
        static func endsAttribution(_ tokens: [Token], after verb: Int) -> Bool {
            let next = verb + 1
            guard next < tokens.count else { return true }
            let tells = QuoteExtractor.tellVerbs.contains(tokens[verb].lower)
            switch tokens[next].kind {
            case .word:
                let w = tokens[next].lower
                return QuoteExtractor.afterNameWords.contains(w) || QuoteExtractor.timePrepositions.contains(w)
                    || (tells && (QuoteExtractor.listeners.contains(w) || QuoteExtractor.determiners.contains(w) || tokens[next].capitalized))
            case .mention: return tells && !tokens[next].possessive
            case .quote: return false
            default: return true
            }
        }

        /// True when the quotation opening at `open` begins its sentence.
        func startsSentence(_ open: Int) -> Bool {
            open == 0 || sentenceStart[open] == open || tokens[open - 1].kind == .terminator
        }

        /// The quotation closed at `close` ends its sentence: the paragraph or the sentence ends there.
        func endsSentence(_ close: Int) -> Bool {
            close + 1 >= tokens.count || tokens[close + 1].kind == .terminator || sentenceStart[close + 1] == close + 1
        }

        /// A quotation in title case is the name of a show, a book or a slogan, not words anyone is
        /// quoted as saying, when it is short and follows a preposition (`as a guest on "Hello VOA."`,
        /// `on "Face the Nation"`) or is what a verb of making a work made (`who wrote "A Life in
        /// Politics" in 2001`, `directed "The Birds"`), however long.
        func namesTitle(_ open: Int, _ text: String, words count: Int) -> Bool {
            guard open > 0, tokens[open - 1].kind == .word else { return false }
            let before = tokens[open - 1].lower
            guard (count < QuoteExtractor.minimumUnattributedWords && QuoteExtractor.prepositions.contains(before))
                || (count <= 12 && QuoteExtractor.workVerbs.contains(before)) else { return false }
            let words = text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }
            return !words.isEmpty && words.allSatisfy { $0.count < 4 || $0.first!.isUppercase } && words.first!.first!.isUppercase
        }
    }

    /// Pairs marks of the same family (“ with ”, « with », straight with straight; „ with “ or ”),
    /// treating marks of another family inside an open quotation as a nested quotation. A mark
    /// that opens while one of its family is open nests too; if the outer one never closes, the
    /// inner pair is the quotation, which resynchronises after a stray mark.
    static func pairQuotes(_ t: [Token]) -> (spans: [(open: Int, close: Int)], unclosed: Int?) {
        var stack: [Int] = []
        var pairs: [(open: Int, close: Int)] = []
        for k in t.indices where t[k].kind == .quote {
            if let top = stack.last, t[k].role != .open, closes(t[top], with: t[k]) {
                stack.removeLast()
                pairs.append((top, k))
            } else if t[k].role != .close {
                stack.append(k)
            }
        }
        pairs.sort { $0.open < $1.open }
        var outer: [(open: Int, close: Int)] = []
        for pair in pairs where outer.last.map({ pair.open > $0.close }) ?? true { outer.append(pair) }
        // Only an opener after the last quotation may run on into the next paragraph.
        let lastClose = outer.last?.close ?? -1
        let unclosed = stack.first { $0 > lastClose }
        return (outer, unclosed)
    }

    static func closes(_ open: Token, with close: Token) -> Bool {
        open.style == 3 ? close.style == 1 : open.style == close.style
    }

    /// A quotation: its parts, one per paragraph it runs over.
    struct Quotation {
        struct Part {
            var paragraph: Int
            /// The opening mark's token; `unmarked` when the part goes on from its paragraph's start
            /// with no mark (press-release style).
            var open: Int
            /// Nil when the part runs to the end of its paragraph.
            var close: Int?
        }
        var parts: [Part]
        var first: Part { parts[0] }
        var last: Part { parts[parts.count - 1] }
        static let unmarked = -1
    }

    /// Paragraphs with no quotation mark that a quotation left open may run through before the
    /// paragraph that closes it: a press release's statement of a few paragraphs.
    static let maxUnmarkedParagraphs = 6

    /// Every quotation of the article in reading order, joining parts across paragraphs.
    static func quotations(_ paragraphs: [Paragraph]) -> [Quotation] {
        var result: [Quotation] = []
        var running: Quotation?
        /// Paragraphs without marks that the running quotation may be going on through.
        var unmarked: [Quotation.Part] = []
        for (p, paragraph) in paragraphs.enumerated() {
            var spans = paragraph.spans[...]
            if var chain = running {
                running = nil
                let opensWithMark = paragraph.tokens.first?.kind == .quote && paragraph.tokens.first?.role != .close
                if unmarked.isEmpty, opensWithMark {
                    // News style: the run goes on when this paragraph opens with a quotation mark.
                    if let span = spans.first, span.open == 0 {
                        chain.parts.append(.init(paragraph: p, open: 0, close: span.close))
                        spans = spans.dropFirst()
                        result.append(chain)
                    } else if paragraph.unclosed == 0 {
                        chain.parts.append(.init(paragraph: p, open: 0, close: nil))
                        running = chain
                        continue
                    } else {
                        result.append(chain)
                    }
                } else if let close = paragraph.unmarkedClose(of: chain, in: paragraphs) {
                    // Press-release style: the first mark after the open one closes it.
                    chain.parts += unmarked + [.init(paragraph: p, open: Quotation.unmarked, close: close)]
                    spans = spans.drop { $0.open < close }
                    result.append(chain)
                } else if !paragraph.tokens.contains(where: { $0.kind == .quote }), unmarked.count < maxUnmarkedParagraphs {
                    unmarked.append(.init(paragraph: p, open: Quotation.unmarked, close: nil))
                    running = chain
                    continue
                } else {
                    result.append(chain)
                }
                unmarked = []
            }
            for span in spans { result.append(Quotation(parts: [.init(paragraph: p, open: span.open, close: span.close)])) }
            if let open = paragraph.unclosed { running = Quotation(parts: [.init(paragraph: p, open: open, close: nil)]) }
        }
        if let running { result.append(running) }
        // A mark left open that no later paragraph takes up is a stray mark, unless it opens a
        // statement after a colon (`Mrs Liddell said:` then the quotation) or goes on from an
        // attributed quotation (`"…," he said. "…`): that runs to its paragraph's end (a text cut
        // short, a closing mark forgotten).
        return result.filter { $0.last.close != nil || $0.parts.count > 1 || opensStatement($0.first, paragraphs) }
    }

    /// Whether the quotation mark of `part` opens a statement: right after a colon (or a speech
    /// verb and a comma), in its paragraph or at the end of the one before, or right after the
    /// short attribution sentence of a quotation closed before it in the paragraph.
    static func opensStatement(_ part: Quotation.Part, _ paragraphs: [Paragraph]) -> Bool {
        let paragraph = paragraphs[part.paragraph]
        if part.open > 0 {
            if paragraph.tokens[part.open - 1].kind == .colon { return true }
            if paragraph.tokens[part.open - 1].kind == .comma, part.open >= 2, paragraph.isVerb(part.open - 2) { return true }  // `He said, "…`
            guard paragraph.tokens[part.open - 1].kind == .terminator,
                  let close = (max(0, part.open - 8)..<(part.open - 1)).last(where: { paragraph.tokens[$0].kind == .quote }) else { return false }
            let attribution = (close + 1)..<(part.open - 1)
            return paragraph.tokens[close].role != .open && attribution.contains(where: paragraph.isVerb)
                && !attribution.contains { paragraph.tokens[$0].kind == .terminator }
        }
        return part.open == 0 && part.paragraph > 0 && paragraphs[part.paragraph - 1].tokens.last?.kind == .colon
    }
}

extension QuoteExtractor.Paragraph {
    /// The closing mark that ends `chain`, left open before this paragraph, when the paragraph
    /// goes on with no opening mark of its own: its first mark, if it closes and pairs with none.
    func unmarkedClose(of chain: QuoteExtractor.Quotation, in paragraphs: [QuoteExtractor.Paragraph]) -> Int? {
        guard let first = tokens.firstIndex(where: { $0.kind == .quote }), tokens[first].role == .close,
              !spans.contains(where: { $0.open == first || $0.close == first }) else { return nil }
        let open = paragraphs[chain.first.paragraph].tokens[chain.first.open]
        return QuoteExtractor.closes(open, with: tokens[first]) ? first : nil
    }
}
