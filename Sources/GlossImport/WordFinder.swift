/// Which words of a fixed list occur (as substrings) in a short text, in one pass over it: a table
/// from each word's first two bytes to the words that start with them. The class-name rules ask
/// this of every distinct class list of every page, and asking word by word was 6% of an import.
struct WordFinder: Sendable {
    private let words: [[UInt8]]
    private let byPair: [UInt16: [Int]]
    /// One bit per byte pair that starts a word: most pairs in a class list start none, and a bit
    /// test costs less than hashing the pair.
    private let pairBits: [UInt64]

    /// - Parameter words: each at least two bytes long.
    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        var byPair: [UInt16: [Int]] = [:]
        for (index, word) in self.words.enumerated() {
            precondition(word.count >= 2, "WordFinder words are at least two bytes: \(words[index])")
            byPair[Self.pair(word[0], word[1]), default: []].append(index)
        }
        self.byPair = byPair
        var pairBits = [UInt64](repeating: 0, count: 1024)
        for pair in byPair.keys { pairBits[Int(pair >> 6)] |= 1 << UInt64(pair & 63) }
        self.pairBits = pairBits
    }

    /// The indices (into the list given) of the words found in `text`, ascending, each once.
    func occurring(in text: [UInt8]) -> [Int] {
        var found: [Int] = []
        search(text) { found.append($0); return true }
        return found.count > 1 ? Array(Set(found)).sorted() : found
    }

    /// Whether any of the words occurs in `text`.
    func occursAny(in text: [UInt8]) -> Bool {
        var any = false
        search(text) { _ in any = true; return false }
        return any
    }

    /// Calls `found` with each occurrence's word index until it returns false.
    private func search(_ text: [UInt8], _ found: (Int) -> Bool) {
        guard text.count >= 2 else { return }
        for start in 0..<(text.count - 1) {
            let pair = Self.pair(text[start], text[start + 1])
            guard pairBits[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0, let candidates = byPair[pair] else { continue }
            for index in candidates where Self.matches(words[index], in: text, at: start) {
                if !found(index) { return }
            }
        }
    }

    private static func matches(_ word: [UInt8], in text: [UInt8], at start: Int) -> Bool {
        guard start + word.count <= text.count else { return false }
        for offset in 2..<word.count where text[start + offset] != word[offset] { return false }
        return true
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(second) }
}
