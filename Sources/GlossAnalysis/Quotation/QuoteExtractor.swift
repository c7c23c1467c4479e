// Direct-quotation extraction for annotated digests. Precision before recall: a speaker is named only
// when the text says who spoke in a form a careful reader would not doubt; otherwise no speaker.

/// A direct quotation found in an article, with the entity it is attributed to (if any).
public struct ExtractedQuote: Sendable, Hashable {
    /// Another paragraph of a quotation that runs over several (news style).
    public struct Continuation: Sendable, Hashable {
        public var paragraph: Int
        public var range: Range<Int>
    }

    /// The quotation without its quote marks; a trailing comma is dropped, final `.`/`!`/`?` kept.
    /// The paragraphs of a quotation that runs over several are joined by a space.
    public var text: String
    /// Entity index of the speaker, or nil when no entity mention can be resolved as the speaker.
    public var speaker: Int?
    /// With no speaker: the role the text credits (`the prime minister said`), which the article
    /// names no one in.
    public var role: RoleQuestion?
    /// Index of the paragraph the quotation starts in.
    public var paragraph: Int
    /// UTF-8 byte range of the quotation's text inside that paragraph.
    public var range: Range<Int>
    /// The later paragraphs, for a quotation that runs over several.
    public var continuations: [Continuation]

    public init(text: String, speaker: Int?, role: RoleQuestion? = nil, paragraph: Int, range: Range<Int>, continuations: [Continuation] = []) {
        self.text = text
        self.speaker = speaker
        self.role = role
        self.paragraph = paragraph
        self.range = range
        self.continuations = continuations
    }
}

/// Finds quotations and attributes them the way news is written: an introducing clause (`X said:`),
/// an inverted clause after the quotation (`"…," said X`, `"…," X added`), a partial quotation in
/// reported speech (`X said the plan was "…"`), a pronoun resolved to the most recently named person
/// or organisation of the right kind, and a quotation that continues the previous speaker.
public enum QuoteExtractor {
    /// Fragments shorter than this with no speaker are scare quotes, not quotations.
    static let minimumUnattributedWords = 4
    /// Attribution clauses are short; bounding the scan keeps the whole pass linear.
    static let clauseWindow = 40
    /// Tokens after the verb of an attribution that ends its sentence (`, he added on Monday.`).
    static let tailWindow = 6
    /// How many paragraphs back a pronoun looks for its person, besides its own: news goes on
    /// with "he said" after a paragraph of narration that names nobody.
    static let pronounReach = 2

    enum Attribution: Equatable {
        case entity(Int), pronoun(Pronoun, at: Int), anonymous, inherit, none
        /// Words put to the subject by someone unnamed (`Mr Smith was asked: "…?"`): no speaker, and
        /// no unnamed speaker either, so "He replied" after it still means the subject.
        case unnamed

        init(_ subject: Subject) {
            switch subject {
            case .entity(let e): self = .entity(e)
            case .pronoun(let p, let at): self = .pronoun(p, at: at)
            case .nounPhrase: self = .anonymous
            case .invalid: self = .none
            }
        }

        /// A speaker only when the subject names one (an entity or a pronoun to resolve): the
        /// forms read far from the quotation give no speaker rather than an anonymous one.
        init?(named subject: Subject) {
            switch subject {
            case .entity, .pronoun: self.init(subject)
            default: return nil
            }
        }

        /// Names a speaker: an entity, or a pronoun to resolve.
        var namesSpeaker: Bool {
            switch self {
            case .entity, .pronoun: true
            default: false
            }
        }
    }

    /// - Parameters:
    ///   - paragraphs: plain text of the article's paragraphs in order.
    ///   - mentions: `mentions[i]`, the entity mentions in `paragraphs[i]` (sorted, non-overlapping).
    ///   - profiles: by entity index, kind and gender, so "she said" finds a woman and "it said" an
    ///     organisation. Without them every entity may be a person of unknown gender.
    public static func quotes(in paragraphs: [String], mentions: [[EntityMatch]], profiles: [EntityProfile] = []) -> [ExtractedQuote] {
        extract(paragraphs, mentions: mentions, profiles: profiles).quotes
    }

    /// The quotations, and the people the article names with a role (for `RoleHolders`).
    public static func extract(_ paragraphs: [String], mentions: [[EntityMatch]], profiles: [EntityProfile] = []) -> (quotes: [ExtractedQuote], titles: [RoleTitle]) {
        let parsed = paragraphs.enumerated().map { Paragraph($0.element, mentions: $0.offset < mentions.count ? mentions[$0.offset] : []) }
        var speakers = Speakers(paragraphs: parsed, profiles: profiles)
        var result: [ExtractedQuote] = []
        var previous: (quotation: Quotation, credit: Credit)?
        /// Whether the quotation before, a scare quote that was not kept, ended its sentence (nil
        /// when it was kept): one joined to it (`"losers" and "suckers"`) inherits its speaker,
        /// none; a new sentence after it may continue the last kept one (`…, said Tony, a guest
        /// on "Hello VOA." "We know it's greater."`).
        var scareQuoteEndedSentence: Bool?
        for quotation in quotations(parsed) {
            guard let quote = extract(quotation, parsed) else { continue }
            if quotation.parts.count == 1, parsed[quotation.first.paragraph].namesTitle(quotation.first.open, quote.text, words: quote.words) {
                scareQuoteEndedSentence = !quote.loose
                continue
            }
            let attribution = attribute(quotation, parsed, content: quote)
            var credit = Credit()
            switch attribution {
            case .entity(let e): credit.speaker = e
            case .pronoun(let pronoun, let at): credit = speakers.credit(pronoun, paragraph: quotation.first.paragraph, token: at)
            case .anonymous:
                speakers.addAnonymous(paragraph: quotation.last.paragraph, token: quotation.last.close ?? 0)
            case .unnamed: break
            case .inherit:
                if let endedSentence = scareQuoteEndedSentence {
                    if endedSentence, let previous, continues(quotation, after: previous.quotation, parsed) { credit = previous.credit }
                } else {
                    credit = previous?.credit ?? Credit()
                }
            case .none:
                if let previous, continues(quotation, after: previous.quotation, parsed) {
                    credit = previous.credit
                } else if let lead = leadIn(quotation, parsed) {
                    switch lead {
                    case .entity(let e): credit.speaker = e
                    case .pronoun(let pronoun, let at): credit = speakers.credit(pronoun, paragraph: leadParagraph(quotation), token: at)
                    default: break
                    }
                } else if quote.words >= minimumUnattributedWords, let subject = storySubject(quotation, parsed, speakers) {
                    credit.speaker = subject
                } else if quote.words < minimumUnattributedWords && quotation.parts.count == 1 {
                    scareQuoteEndedSentence = !quote.loose
                    continue
                }
            }
            result.append(ExtractedQuote(text: quote.text, speaker: credit.speaker, role: credit.role, paragraph: quotation.first.paragraph,
                                         range: quote.ranges[0], continuations: zip(quotation.parts.dropFirst(), quote.ranges.dropFirst()).map {
                                             ExtractedQuote.Continuation(paragraph: $0.0.paragraph, range: $0.1)
                                         }))
            previous = (quotation, credit)
            scareQuoteEndedSentence = nil
        }
        return (result, speakers.titles)
    }

    /// Who a quotation is credited to: a speaker, or a role only the site can say who held.
    struct Credit {
        var speaker: Int?
        var role: RoleQuestion?
    }

    /// The text of each part, trimmed, and how it ends.
    struct Content {
        var text: String
        var ranges: [Range<Int>]
        var words: Int
        /// Ends with a comma, `?`, `!` or no punctuation: the sentence goes on after the closing mark.
        var loose: Bool
    }

    static func extract(_ quotation: Quotation, _ paragraphs: [Paragraph]) -> Content? {
        var texts: [String] = []
        var ranges: [Range<Int>] = []
        var words = 0
        var loose = false
        for part in quotation.parts {
            let paragraph = paragraphs[part.paragraph]
            let start = part.open == Quotation.unmarked ? 0 : paragraph.tokens[part.open].range.upperBound
            let end = part.close.map { paragraph.tokens[$0].range.lowerBound } ?? paragraph.bytes.count
            guard let content = contentRange(paragraph.bytes, start..<max(start, end)) else { continue }
            texts.append(String(decoding: paragraph.bytes[content.range], as: UTF8.self))
            ranges.append(content.range)
            words += wordCount(paragraph.bytes, content.range)
            loose = content.trimmedComma || endsLoose(paragraph.bytes, content.range)
        }
        guard !texts.isEmpty, ranges.count == quotation.parts.count else { return nil }
        return Content(text: texts.joined(separator: " "), ranges: ranges, words: words, loose: loose)
    }

    /// The frame before a quotation that is part of a sentence, or the inverted clause after one
    /// that opens its sentence.
    static func attribute(_ quotation: Quotation, _ paragraphs: [Paragraph], content: Content) -> Attribution {
        let first = paragraphs[quotation.first.paragraph], last = paragraphs[quotation.last.paragraph]
        let open = quotation.first.open
        let after: () -> Attribution = {
            guard let close = quotation.last.close else { return .none }
            return last.trailing(close, loose: content.loose)
        }
        if first.startsSentence(open) {
            let trailing = after()
            return trailing != .none ? trailing : first.leading(open)
        }
        // A tight frame (`X said: "…"`) decides; after a longer one (`X noted the need to act: "…"`)
        // an explicit `"…," said Y` right after the quotation names the speaker instead, whether
        // the registry knows Y or not (`…would not last long: "…," Roffman predicted`).
        let (leading, tight) = first.leadingFrame(open, close: quotation.parts.count == 1 ? quotation.first.close : nil)
        if leading != .none, tight || !content.loose { return leading }
        if leading != .none {
            let trailing = after()
            let explicit = trailing.namesSpeaker || (trailing == .anonymous && last.opensSubjectClause(after: quotation.last.close))
            return explicit ? trailing : leading
        }
        if quotation.parts.count == 1, let close = quotation.first.close {
            let partial = first.partial(open, close: close)
            if partial != .none { return partial }
            let according = first.accordingTo(open, close: close)
            if according != .none { return according }
            if let asPut = first.asTheyPutIt(open, close: close) { return asPut }
        }
        if content.words >= minimumUnattributedWords, quotation.last.close.map({ last.closesClause($0) }) ?? true {
            let colon = first.colonFrame(open, orCommaBeforeSentences: quotation.last.close.map { last.endsSentence($0) } ?? true)
            if colon != .none { return colon }
        }
        return content.loose ? after() : .none
    }

    /// A quotation with no attribution of its own that opens a sentence right after an attributed
    /// one continues its speaker: in the same paragraph with at most the attribution sentence
    /// between, or at the start of the next paragraph.
    static func continues(_ quotation: Quotation, after previous: Quotation, _ paragraphs: [Paragraph]) -> Bool {
        guard let close = previous.last.close else { return false }
        let part = quotation.first
        let paragraph = paragraphs[part.paragraph]
        guard paragraph.startsSentence(part.open) || (part.open > 0 && paragraph.tokens[part.open - 1].kind == .quote) else { return false }
        if previous.last.paragraph == part.paragraph {
            return paragraph.tokens[(close + 1)..<part.open].filter { $0.kind == .terminator }.count <= 1
        }
        guard previous.last.paragraph == part.paragraph - 1, part.open == 0 else { return false }
        let before = paragraphs[part.paragraph - 1]
        return before.tokens[(close + 1)...].filter { $0.kind == .terminator }.count <= 1
    }

    /// A quotation that opens a sentence right after a sentence of reported speech takes that
    /// sentence's speaker: `Strong winds made it hard, Zapata said. "It's an isometric exercise."`
    static func leadIn(_ quotation: Quotation, _ paragraphs: [Paragraph]) -> Attribution? {
        let part = quotation.first
        let paragraph = paragraphs[part.paragraph]
        guard paragraph.startsSentence(part.open) else { return nil }
        let (p, end) = part.open > 0 ? (part.paragraph, part.open) : (part.paragraph - 1, paragraphs[max(0, part.paragraph - 1)].tokens.count)
        guard p >= 0, end > 0 else { return nil }
        let source = paragraphs[p]
        let start = source.sentenceStart[end - 1]
        guard !(start..<end).contains(where: { source.tokens[$0].kind == .quote }),
              let v = (start..<end).first(where: { source.isVerb($0) && !participles.contains(source.word($0) ?? "") }) else { return nil }
        return Attribution(named: source.subjectBefore(start, v))
    }

    /// A quotation standing alone right after a sentence, in the same paragraph, about one person
    /// the registry knows (its subject, and nobody else named): theirs. `Underwhelmed with her
    /// role, she left the series. "This is not what I wanted to become an actor for."`
    static func storySubject(_ quotation: Quotation, _ paragraphs: [Paragraph], _ speakers: Speakers) -> Int? {
        let part = quotation.first
        guard part.open > 0, paragraphs[part.paragraph].startsSentence(part.open) else { return nil }
        return speakers.soleSubject(before: part.open, paragraph: part.paragraph, paragraphs)
    }

    static func leadParagraph(_ quotation: Quotation) -> Int {
        quotation.first.open > 0 ? quotation.first.paragraph : quotation.first.paragraph - 1
    }

    /// True when the text ends with `?`, `!` or a word, not a full stop (nested marks and brackets
    /// looked through): the sentence goes on after the closing mark.
    static func endsLoose(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.upperBound
        while i > r.lowerBound {
            var s = i - 1
            while s > r.lowerBound, b[s] & 0xC0 == 0x80 { s -= 1 }
            switch classify(b, s).0 {
            case .straightQuote, .openQuote, .closeQuote, .apostrophe, .ascii(0x5D), .ascii(0x29), .space: i = s
            case .ascii(0x3F), .ascii(0x21), .alnum: return true
            default: return false
            }
        }
        return false
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
}
