/// A normalised line plus the facts every rule asks about, computed once, so the rule table
/// stays a list of short predicates and a batch of thousands of pages stays fast.
struct LineShape: Sendable {
    /// The line as normalised (one space between words, trimmed).
    let text: String
    /// Lowercased runs of letters or digits, also split where words are fused by scraping
    /// ("standardsDiscussion" → standards, discussion; "GMT23" → gmt, 23).
    let tokens: [String]
    /// Words separated by spaces.
    let wordCount: Int
    let endsSentence: Bool

    init(_ text: String) {
        self.text = text
        var words = text.isEmpty ? 0 : 1
        for byte in text.utf8 where byte == 0x20 { words += 1 }
        self.wordCount = words
        // Every rule that reads tokens is about short lines; prose is never tokenised.
        self.tokens = words <= 20 ? LineShape.tokenize(text) : []
        self.lowercased = words <= Self.lowercasedMaxWords ? text.lowercased() : ""
        self.endsSentence = text.endsSentence
    }

    var isBlank: Bool { text.isEmpty }
    /// Lowercased text for the phrase rules, which all concern lines of at most 60 words; empty for longer lines.
    let lowercased: String
    static let lowercasedMaxWords = 60

    /// At most `words` words, opening with one of `openings` (lowercase): a line of a kind known by
    /// how it starts (`Photo:`, `Quelle:`, `This entry was posted in`). A line past the 60 words of
    /// `lowercased` (a site's rules for comments) has only its start lowercased here.
    func opens(within words: Int, with openings: [String]) -> Bool {
        guard wordCount <= words else { return false }
        let start = wordCount <= Self.lowercasedMaxWords ? lowercased : String(text.prefix(Self.longestOpening)).lowercased()
        return openings.contains { start.hasPrefix($0) }
    }
    /// Characters of a long line's start that `opens` lowercases: more than any opening's.
    static let longestOpening = 60

    /// Prose: a sentence, or too long to be a label, a button or a headline.
    var isProse: Bool { endsSentence || wordCount >= 30 }

    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        // The word's UTF-8, lowercased as it goes while it is ASCII (most words): no scalar view to
        // build and no `lowercased()` call for those.
        var current: [UInt8] = []
        var currentIsASCII = true
        var previous: Unicode.Scalar?
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            tokens.append(currentIsASCII ? word : word.lowercased())
            current.removeAll(keepingCapacity: true)
            currentIsASCII = true
        }
        for scalar in text.unicodeScalars {
            let isLetter = scalar.isLetterFast
            let isDigit = ("0"..."9").contains(scalar)
            guard isLetter || isDigit else { flush(); previous = nil; continue }
            if let previous {
                let previousIsDigit = ("0"..."9").contains(previous)
                let camel = isLetter && scalar.isUppercaseFast && previous.isLowercaseFast
                if camel || previousIsDigit != isDigit { flush() }
            }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                current.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            } else {
                currentIsASCII = false
                current.append(contentsOf: UTF8.encode(scalar)!)
            }
            previous = scalar
        }
        flush()
        return tokens
    }

    /// Headline shape: most longer words capitalised ("Trump Ready to Meet With Iran's Representatives").
    var isTitleCase: Bool {
        let words = text.spaceSeparatedWords.dropFirst().filter { word in
            word.unicodeScalars.filter { $0.isLetterFast }.count >= 4
        }
        guard words.count >= 2 else { return text.startsUppercase && wordCount <= 6 }
        let capitalised = words.filter { String($0).startsUppercase }.count
        return capitalised * 10 >= words.count * 6
    }

    /// A line that could be a headline: a few words, not a sentence, not cut off mid-clause.
    var isHeadlineLike: Bool {
        guard (2...25).contains(wordCount), text.startsUppercase else { return false }
        if let last = text.unicodeScalars.last, [",", ";", ":", "-"].contains(last) { return false }
        if endsSentence {
            guard let last = text.unicodeScalars.last, last == "?" || last == "!" else { return false }
            return isTitleCase
        }
        return isTitleCase || wordCount <= 15
    }
}

/// Boilerplate vocabulary as phrases ("comment via *", "# comments"), where `*` is any one word
/// and `#` any number; a line matches when its tokens are entirely covered by phrases, which
/// also catches fused widgets like "Comment via SputnikComment via Facebook".
struct PhraseSet: Sendable {
    let phrases: [[String]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { phrase in
            phrase.split(separator: " ").flatMap { part in part == "*" || part == "#" ? [String(part)] : LineShape.tokenize(String(part)) }
        }
    }

    /// True when the tokens split entirely into phrases of the set (and there is at least one).
    func covers(_ tokens: [String]) -> Bool {
        guard !tokens.isEmpty, tokens.count <= 16 else { return false }
        var reachable = [Bool](repeating: false, count: tokens.count + 1)
        reachable[0] = true
        for start in 0..<tokens.count where reachable[start] {
            for phrase in phrases where start + phrase.count <= tokens.count && !reachable[start + phrase.count] {
                if matches(phrase, tokens, at: start) { reachable[start + phrase.count] = true }
            }
        }
        return reachable[tokens.count]
    }

    private func matches(_ phrase: [String], _ tokens: [String], at start: Int) -> Bool {
        for (offset, word) in phrase.enumerated() {
            let token = tokens[start + offset]
            switch word {
            case "*": continue
            case "#": if !token.allSatisfy(\.isNumber) { return false }
            default: if token != word { return false }
            }
        }
        return !phrase.isEmpty
    }
}

extension Unicode.Scalar {
    /// ASCII answers without the Unicode property tables, which dominate a batch's profile.
    var isLetterFast: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return properties.isAlphabetic
    }

    var isUppercaseFast: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        return properties.isUppercase
    }

    var isLowercaseFast: Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        return properties.isLowercase
    }
}

extension String {
    /// The first occurrence of `needle`, found on UTF-8 bytes.
    func rangeOfBytes(_ needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        let bytes = Array(utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] && bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            let lower = utf8.index(startIndex, offsetBy: start)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        return nil
    }

    /// Whether `word` occurs not followed by a letter ("the author", not "the authorities").
    func containsWord(_ word: String) -> Bool {
        let bytes = Array(utf8), pattern = Array(word.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            let end = start + pattern.count
            if end == bytes.count || !((0x61...0x7A).contains(bytes[end] | 0x20) || bytes[end] >= 0x80) { return true }
        }
        return false
    }

    /// Substring search on UTF-8 bytes, without Foundation's bridging (hot in the rule table).
    func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == first {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        } ?? contains(needle)
    }
}
