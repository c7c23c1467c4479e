import Foundation
import GlossContent

/// What `assets/search.js` does with a query, in Swift: which index chunks it loads, which
/// documents match and in what order, and which document files it then loads. Tests and the
/// benchmark use it to check results and to count the bytes a query downloads.
package struct SearchQuery {
    struct Term: Equatable {
        var word: String
        var isPrefix: Bool
    }

    package struct Outcome {
        /// Paths of the files loaded, in the order loaded.
        package var files: [String]
        package var bytes: Int
        /// Matching documents, best first.
        var results: [Int]
        /// False when no document has every word and the results are those with the most.
        var complete: Bool
    }

    /// The terms of a query as typed: every word exact except the last, which is a prefix
    /// unless a space follows it or it is shorter than `minPrefix`.
    static func terms(_ query: String, minPrefix: Int) -> [Term] {
        var words: [String] = []
        for word in SearchTokenizer.tokens(in: query) where !words.contains(word) { words.append(word) }
        let typingLastWord = !(query.unicodeScalars.last.map { !SearchTokenizer.isWordScalar($0) && !SearchTokenizer.isApostrophe($0) } ?? true)
        return words.enumerated().map { i, word in
            Term(word: word, isPrefix: i == words.count - 1 && typingLastWord && word.unicodeScalars.count >= minPrefix)
        }
    }

    static func utf16Less(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// The chunk whose range holds `word`: the last whose first word is not after it.
    static func chunk(for word: String, firsts: [String]) -> Int? {
        let after = firsts.partitionPoint { !utf16Less(word, $0) }
        return after == 0 ? nil : after - 1
    }

    static func chunks(for term: Term, firsts: [String], maxPrefixChunks: Int) -> [Int] {
        guard term.isPrefix, !firsts.isEmpty else { return chunk(for: term.word, firsts: firsts).map { [$0] } ?? [] }
        var result = [chunk(for: term.word, firsts: firsts) ?? 0]
        while result.count < maxPrefixChunks, let last = result.last, last + 1 < firsts.count, firsts[last + 1].hasPrefix(term.word) {
            result.append(last + 1)
        }
        return result
    }

    /// Runs a query against a built index the way search.js does, showing the first page of results.
    package static func run(_ query: String, on index: BuiltSearchIndex, pages: Int = 1) -> Outcome {
        let options = index.options
        let terms = terms(query, minPrefix: options.minPrefixLength)
        var files = [index.manifest.path]
        var bytes = index.manifest.bytes.count
        guard !terms.isEmpty else { return Outcome(files: files, bytes: bytes, results: [], complete: true) }
        var loaded = Set<Int>()
        var perTerm: [[Int: Double]] = []
        for term in terms {
            let chunks = chunks(for: term, firsts: index.chunkFirst, maxPrefixChunks: options.maxPrefixChunks)
            for chunk in chunks where loaded.insert(chunk).inserted {
                files.append(index.chunks[chunk].path)
                bytes += index.chunks[chunk].bytes.count
            }
            var weights: [Int: Double] = [:]
            if term.isPrefix {
                for (word, list) in index.postings where word.hasPrefix(term.word) {
                    guard let chunk = index.chunkOf[word], chunks.contains(chunk) else { continue }
                    let factor = word == term.word ? 1.0 : 0.7
                    for posting in list { weights[posting.doc] = max(weights[posting.doc] ?? 0, Double(posting.weight) * factor) }
                }
            } else if let list = index.postings[term.word] {
                for posting in list { weights[posting.doc] = Double(posting.weight) }
            }
            perTerm.append(weights)
        }
        let count = Double(index.records.count)
        var scores: [Int: (matched: Int, score: Double)] = [:]
        for weights in perTerm {
            let df = Double(weights.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            for (doc, weight) in weights {
                let entry = scores[doc] ?? (0, 0)
                scores[doc] = (entry.matched + 1, entry.score + idf * weight / (weight + 2))
            }
        }
        let best = scores.values.map(\.matched).max() ?? 0
        let ranked = scores.filter { $0.value.matched == best }
            .sorted { ($0.value.score, $0.key) > ($1.value.score, $1.key) }
            .map(\.key)
        for doc in ranked.prefix(options.pageSize * pages) where loaded.insert(-1 - index.shardOf[doc]).inserted {
            files.append(index.shards[index.shardOf[doc]].path)
            bytes += index.shards[index.shardOf[doc]].bytes.count
        }
        return Outcome(files: files, bytes: bytes, results: ranked, complete: best == terms.count)
    }
}
