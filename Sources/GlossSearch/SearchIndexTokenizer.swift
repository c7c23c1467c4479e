import Foundation

/// How the search index and `assets/search.js` cut text into words. The two must agree exactly,
/// so the rules are few and spelled out in both places:
///
/// 1. fold: compatibility decomposition (NFKD), Unicode lowercase, drop nonspacing marks (so
///    "Lïghthizer" → "lighthizer", "ﬁ" → "fi"), final sigma → sigma;
/// 2. words are runs of letters, digits and spacing marks; everything else separates them;
/// 3. an apostrophe followed by `s` at the end of a word is dropped ("Trump's" → "trump"), any
///    other apostrophe separates ("O'Neil" → "o", "neil");
/// 4. each Han ideograph or kana is a word of its own (those scripts do not put spaces between
///    words, and one character per word keeps them findable);
/// 5. words longer than `maxWordLength` scalars (URLs, hashes) are left out.
public enum SearchTokenizer {
    public static let maxWordLength = 40

    /// The folded form of a piece of text.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { foldScalar(scalar) { out.append($0) } }
        return String(out)
    }

    /// The words of a text, folded, in order, with repeats.
    public static func tokens(in text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each word of `text` in order: a streaming version of the rules above.
    public static func forEachToken(in text: String, _ body: (String) -> Void) {
        var words = Words()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII: folding is lowercasing, and a letter or digit extends the word.
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39), words.pending == 0 {
                    words.append(UInt8(truncatingIfNeeded: v))
                    continue
                }
                if v >= 0x41 && v <= 0x5A, words.pending == 0 {
                    words.append(UInt8(truncatingIfNeeded: v + 0x20))
                    continue
                }
            }
            foldScalar(scalar) { words.take($0, body) }
        }
        words.flush(body)
    }

    /// The word being read, as UTF-8 bytes, and what follows it. A struct with the words' rules
    /// as its methods, and an ASCII letter or digit appended without them: closures capturing
    /// the state made a scalar cost 70 ns, and tokenising was 7% of a 10,000-article build.
    struct Words {
        var bytes: [UInt8] = []
        var length = 0
        /// After a word: 1 = an apostrophe seen, 2 = an apostrophe and an `s` seen.
        var pending = 0

        init() { bytes.reserveCapacity(4 * maxWordLength + 4) }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if length <= maxWordLength { bytes.append(byte) }
            length += 1
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            if length <= maxWordLength { UTF8.encode(scalar) { bytes.append($0) } }
            length += 1
        }

        mutating func flush(_ body: (String) -> Void) {
            if length > 0 && length <= maxWordLength { body(String(decoding: bytes, as: UTF8.self)) }
            bytes.removeAll(keepingCapacity: true)
            length = 0
        }

        mutating func take(_ scalar: Unicode.Scalar, _ body: (String) -> Void) {
            if pending == 2 {
                pending = 0
                flush(body)  // the word before the apostrophe ends; a possessive's 's is dropped
                if isWordScalar(scalar) {
                    // Not a possessive: the apostrophe separated two words, the second starting with s.
                    append(UInt8(ascii: "s"))
                }
            } else if pending == 1 {
                pending = 0
                if scalar == "s" {
                    pending = 2
                    return
                }
                flush(body)
            }
            if isApostrophe(scalar) {
                if length > 0 { pending = 1 }
            } else if isSingleCharacterWord(scalar) {
                flush(body)
                append(scalar)
                flush(body)
            } else if isWordScalar(scalar) {
                append(scalar)
            } else {
                flush(body)
            }
        }
    }

    // MARK: - Rules

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        if isApostrophe(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// Han ideographs and kana: one word per character. The same ranges are in search.js.
    static func isSingleCharacterWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// NFKD, lowercase, drop nonspacing marks, ς → σ; ASCII and general punctuation (none of which
    /// decomposes into a letter or digit) take a fast path.
    @inline(__always)
    static func foldScalar(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        let v = scalar.value
        if v < 0x80 {
            emit(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            return
        }
        if v >= 0x2000 && v <= 0x206F {
            emit(scalar)
            return
        }
        for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            let mapping = decomposed.properties.lowercaseMapping
            for lower in mapping.unicodeScalars {
                if lower.properties.generalCategory == .nonspacingMark { continue }
                emit(lower == "\u{03C2}" ? "\u{03C3}" : lower)
            }
        }
    }
}
