import GlossContent

/// Every word of the search index with its postings (ascending document numbers, each with a
/// weight) and its entry as written into an index chunk. Built in full once; after that the
/// preview patches it with the documents that changed, so a one-article edit re-encodes that
/// article's words only. A class, patched in place: a copy of every word's list per edit would
/// cost more than the patch.
final class SearchPostings {
    private(set) var byWord: [String: [Posting]] = [:]
    /// Words in UTF-16 code-unit order, as JavaScript compares strings.
    private(set) var words: [String] = []
    /// `"word":"postings"`, as the chunk files hold it.
    private(set) var entries: [String: [UInt8]] = [:]

    convenience init(tokens: [[(String, Int)]]) {
        self.init()
        for (doc, list) in tokens.enumerated() { add(doc: doc, tokens: list) }
        finish()
    }

    /// Empty, to be given every document in ascending order with `add`, then `finish`ed.
    init() {}

    func add(doc: Int, tokens: [(String, Int)]) {
        for (token, weight) in tokens { byWord[token, default: []].append(Posting(doc: doc, weight: weight)) }
    }

    /// Sorts the words and, with `encode`, encodes their entries, once every document is added.
    /// Without, the entries are made as they are written (`drainEntries`).
    func finish(encode: Bool = true) {
        words = Self.sorted(byWord.keys)
        if encode {
            for word in words { entries[word] = Self.entry(word, byWord[word]!) }
        }
    }

    /// Hands each word's entry to `body` in order, dropping the word's postings once it is
    /// encoded: for a build that writes the index once, so that the postings and their
    /// encoding are never all held at once. The postings are empty afterwards.
    func drainEntries(_ body: (String, [UInt8]) -> Void) {
        for word in words {
            let list = byWord.removeValue(forKey: word) ?? []
            body(word, entries.removeValue(forKey: word) ?? Self.entry(word, list))
        }
        words = []
    }

    /// Replaces document `doc`'s words, `old`, with `new`. Only words whose weight changed are
    /// touched: an edit keeps most of an article's words, and re-encoding a common word's list
    /// (it holds every document) costs as much as the rest of the patch. Lists are edited in
    /// place, and words come and go by binary search.
    func replace(doc: Int, old: [(String, Int)], new: [(String, Int)]) {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var touched: Set<String> = []
        for (token, _) in old where after[token] == nil {
            guard let at = byWord[token].flatMap({ Self.position(of: doc, in: $0) }) else { continue }
            byWord[token]!.remove(at: at)
            touched.insert(token)
        }
        for (token, weight) in new where before[token] != weight {
            let at = byWord[token].map { Self.insertionPoint(of: doc, in: $0) } ?? 0
            if let list = byWord[token], at < list.count, list[at].doc == doc {
                byWord[token]![at].weight = weight
            } else {
                byWord[token, default: []].insert(Posting(doc: doc, weight: weight), at: at)
            }
            touched.insert(token)
        }
        for word in touched {
            if byWord[word]?.isEmpty ?? true {
                byWord[word] = nil
                entries[word] = nil
                if let at = wordPosition(word) { words.remove(at: at) }
            } else {
                if entries[word] == nil { words.insert(word, at: wordInsertionPoint(word)) }
                entries[word] = Self.entry(word, byWord[word]!)
            }
        }
    }

    private func wordInsertionPoint(_ word: String) -> Int {
        let key = Array(word.utf16)
        return words.partitionPoint { $0.utf16.lexicographicallyPrecedes(key) }
    }

    private func wordPosition(_ word: String) -> Int? {
        let at = wordInsertionPoint(word)
        return at < words.count && words[at] == word ? at : nil
    }

    static func sorted(_ words: some Collection<String>) -> [String] {
        words.map { (word: $0, order: Array($0.utf16)) }
            .sorted { $0.order.lexicographicallyPrecedes($1.order) }
            .map(\.word)
    }

    static func entry(_ word: String, _ postings: [Posting]) -> [UInt8] {
        SearchJSON.string(word) + [0x3A] + SearchJSON.string(PostingsCoder.encode(postings))
    }

    private static func insertionPoint(of doc: Int, in list: [Posting]) -> Int {
        list.partitionPoint { $0.doc < doc }
    }

    private static func position(of doc: Int, in list: [Posting]) -> Int? {
        let at = insertionPoint(of: doc, in: list)
        return at < list.count && list[at].doc == doc ? at : nil
    }
}

/// One document in a word's postings, in 8 bytes (a pair of `Int`s takes 16, and a site of
/// 50,000 articles has about 20 million postings). Numbers up to 2³² - 1; weights up to 255
/// (the coder caps them at 63).
struct Posting: Equatable {
    private var number: UInt32
    private var value: UInt8

    init(doc: Int, weight: Int) {
        number = UInt32(clamping: doc)
        value = UInt8(clamping: weight)
    }

    var doc: Int { Int(number) }

    var weight: Int {
        get { Int(value) }
        set { value = UInt8(clamping: newValue) }
    }
}
