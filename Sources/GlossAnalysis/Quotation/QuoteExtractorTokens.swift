// Tokenizer and word lists for QuoteExtractor. Works on UTF-8 bytes so every range it reports
// is directly usable as an EntityMatch-compatible byte offset.

extension QuoteExtractor {
    enum Kind: Equatable {
        case word, mention, comma, terminator, semicolon, colon, dash, openParen, closeParen, quote, other
    }

    /// Straight `"` is ambiguous, so its role is guessed from the neighbouring characters.
    enum QuoteRole { case open, close, either }

    struct Token {
        var kind: Kind
        var range: Range<Int>
        var lower = ""            // lowercased text, words only
        var capitalized = false   // words only
        var entity = -1           // mentions only
        var possessive = false    // mention directly followed by 's / ’s / '
        var role = QuoteRole.either
        /// Quote marks only: which family the mark belongs to, so “…” pairs with itself and a straight
        /// mark inside it is a nested quotation: 0 straight, 1 curly, 2 guillemets, 3 low-9.
        var style = 0
    }

    enum CharClass: Equatable {
        case space, alnum, straightQuote, openQuote, closeQuote, lowQuote, apostrophe, dash, other
        case ascii(UInt8)
    }

    /// Classifies the scalar starting at byte `i`; multi-byte punctuation we care about is decoded by hand
    /// so the scan stays a single linear pass without building Characters.
    static func classify(_ b: [UInt8], _ i: Int) -> (CharClass, Int) {
        let n = b.count, c = b[i]
        if c < 0x80 {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return (.space, 1)
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.alnum, 1)
            case 0x22: return (.straightQuote, 1)
            case 0x27: return (.apostrophe, 1)
            default: return (.ascii(c), 1)
            }
        }
        if c == 0xC2, i + 1 < n {
            switch b[i + 1] {
            case 0xA0: return (.space, 2)
            case 0xAB: return (.openQuote, 2)    // «
            case 0xBB: return (.closeQuote, 2)   // »
            default: return (.other, 2)
            }
        }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x80 {
            switch b[i + 2] {
            case 0x80...0x8A, 0xAF: return (.space, 3)
            case 0x93, 0x94, 0x95: return (.dash, 3)
            case 0x98, 0x99, 0x9B: return (.apostrophe, 3)
            case 0x9C, 0x9F: return (.openQuote, 3)
            case 0x9E: return (.lowQuote, 3)                // „ opens; closed by “ or ”
            case 0x9D: return (.closeQuote, 3)
            default: return (.other, 3)
            }
        }
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return (.space, 3) }
        let len: Int
        switch c {
        case 0xC0...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF7: len = 4
        default: len = 1
        }
        return (.alnum, min(len, n - i))
    }

    /// Class of the scalar that ends just before byte `i` (nil at the start of the text).
    static func classBefore(_ b: [UInt8], _ i: Int) -> CharClass? {
        guard i > 0 else { return nil }
        var s = i - 1
        while s > 0, i - s < 4, b[s] & 0xC0 == 0x80 { s -= 1 }
        return classify(b, s).0
    }

    static func isAlnum(_ b: [UInt8], _ i: Int) -> Bool { i < b.count && classify(b, i).0 == .alnum }

    static func isDigit(_ b: [UInt8], _ i: Int) -> Bool { i >= 0 && i < b.count && (0x30...0x39).contains(b[i]) }

    /// A word lowercased, and whether it starts with a capital. Most words are ASCII, and for
    /// them this is what `String.lowercased()` and `Character.isUppercase` say, without the
    /// Unicode property lookups, which showed in profiles of the analysis stage. ASCII goes
    /// through the entity matcher's byte fold (a byte it changes is a capital).
    static func lowercased(_ word: ArraySlice<UInt8>) -> (lower: String, capitalized: Bool) {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: word, as: UTF8.self)
            return (text.lowercased(), text.first?.isUppercase ?? false)
        }
        let fold = EntityMatcher.ScalarTables.byteFold
        let lower = String(unsafeUninitializedCapacity: word.count) { buffer in
            for (offset, byte) in word.enumerated() { buffer[offset] = fold[Int(byte)] }
            return word.count
        }
        return (lower, word.first.map { fold[Int($0)] != $0 } ?? false)
    }

    /// One pass over the paragraph; mentions become single tokens so multi-word names act as one unit.
    static func tokenize(_ b: [UInt8], mentions: [EntityMatch]) -> [Token] {
        let n = b.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 4)
        var i = 0, m = 0
        func nextMentionStart() -> Int {
            while m < mentions.count,
                  mentions[m].range.lowerBound < i || mentions[m].range.isEmpty || mentions[m].range.upperBound > n {
                m += 1
            }
            return m < mentions.count ? mentions[m].range.lowerBound : Int.max
        }
        while i < n {
            if nextMentionStart() == i {
                let r = mentions[m].range
                var t = Token(kind: .mention, range: r)
                t.entity = mentions[m].entity
                var end = r.upperBound
                if end < n, case (.apostrophe, let l) = classify(b, end) {
                    if end + l < n, b[end + l] | 0x20 == 0x73, !isAlnum(b, end + l + 1) {   // 's
                        t.possessive = true; end += l + 1
                    } else if b[end - 1] | 0x20 == 0x73, !isAlnum(b, end + l) {             // s'
                        t.possessive = true; end += l
                    }
                }
                tokens.append(t)
                m += 1
                i = end
                continue
            }
            let (cls, len) = classify(b, i)
            switch cls {
            case .space:
                i += len
            case .alnum:
                var j = i + len
                while j < n {
                    if nextMentionStart() == j { break }
                    let (c2, l2) = classify(b, j)
                    if c2 == .alnum { j += l2; continue }
                    // Joiners stay inside a word only between alphanumerics: it's, US-Japanese, U.S, 2.5, 1,000.
                    var joins = false
                    switch c2 {
                    case .apostrophe: joins = isAlnum(b, j + l2)
                    case .ascii(0x2D), .ascii(0x26): joins = isAlnum(b, j + l2)
                    case .ascii(0x2E): joins = isAlnum(b, j + 1) && (isDigit(b, j + 1) || !isDigit(b, j - 1))
                    case .ascii(0x2C): joins = isDigit(b, j - 1) && isDigit(b, j + 1)
                    default: break
                    }
                    if joins && nextMentionStart() != j + l2 { j += l2; continue }
                    break
                }
                j = min(j, n)
                var t = Token(kind: .word, range: i..<j)
                (t.lower, t.capitalized) = Self.lowercased(b[i..<j])
                tokens.append(t)
                i = j
            case .straightQuote, .openQuote, .closeQuote, .lowQuote:
                var t = Token(kind: .quote, range: i..<(i + len))
                switch cls {
                case .straightQuote: t.role = straightRole(b, i)
                case .lowQuote: t.role = .open; t.style = 3
                default:
                    t.style = len == 2 ? 2 : 1
                    t.role = curlyRole(b, i, length: len, opening: cls == .openQuote)
                }
                tokens.append(t)
                i += len
            case .dash:
                tokens.append(Token(kind: .dash, range: i..<(i + len)))
                i += len
            case .ascii(let c):
                var j = i + 1
                var kind = Kind.other
                switch c {
                case 0x2C: kind = .comma
                case 0x3B: kind = .semicolon
                case 0x3A: kind = .colon
                case 0x28, 0x5B: kind = .openParen
                case 0x29, 0x5D: kind = .closeParen
                case 0x21, 0x3F: kind = .terminator
                case 0x2E:
                    if j < n, b[j] == 0x2E {
                        while j < n, b[j] == 0x2E { j += 1 }           // "..." is an ellipsis, not a full stop
                    } else if let prev = tokens.last, prev.kind == .word, prev.range.upperBound == i,
                              prev.lower.count == 1 || NameWords.abbreviations.contains(prev.lower) {
                        kind = .other                                   // Mr. / U.S. / initials
                    } else {
                        kind = .terminator
                    }
                case 0x2D:
                    if j < n, b[j] == 0x2D {
                        while j < n, b[j] == 0x2D { j += 1 }
                        kind = .dash
                    } else if classBefore(b, i) == .space, j >= n || classify(b, j).0 == .space {
                        kind = .dash
                    }
                default: break
                }
                tokens.append(Token(kind: kind, range: i..<j))
                i = j
            default:
                tokens.append(Token(kind: .other, range: i..<(i + len)))
                i += len
            }
        }
        return tokens
    }

    /// Smart punctuation guesses a mark's direction from its neighbours and sometimes guesses wrong
    /// (`‘a drummer’ “, he said`): a mark with nothing after it closes, one glued to the next word
    /// after a space opens.
    static func curlyRole(_ b: [UInt8], _ i: Int, length: Int, opening: Bool) -> QuoteRole {
        let next = i + length < b.count ? classify(b, i + length).0 : nil
        let before = classBefore(b, i)
        if opening {
            switch next {
            case nil, .space?, .ascii(0x2C)?, .ascii(0x2E)?, .ascii(0x3B)?, .ascii(0x3A)?, .ascii(0x29)?: return .close
            default: return .open
            }
        }
        if before == nil || before == .space, next == .alnum { return .open }
        return .close
    }

    /// An opening straight quote follows a space or opening punctuation and precedes text.
    static func straightRole(_ b: [UInt8], _ i: Int) -> QuoteRole {
        let before = classBefore(b, i)
        let prevOpen: Bool
        switch before {
        case nil, .space?, .dash?, .openQuote?, .ascii(0x28)?, .ascii(0x5B)?, .ascii(0x7B)?: prevOpen = true
        default: prevOpen = false
        }
        if !prevOpen { return .close }
        guard i + 1 < b.count else { return .either }
        switch classify(b, i + 1).0 {
        case .space, .ascii(0x2C), .ascii(0x2E), .ascii(0x3B), .ascii(0x3A), .ascii(0x29): return .either
        default: return .open
        }
    }
}
