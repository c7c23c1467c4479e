import GlossSearch

/// The search tokeniser: the index and the query side (search.js) must cut text the same way, so
/// besides not crashing, a word it produces must come back unchanged when searched for.
enum SearchTarget {
    @Sendable static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let tokens = SearchTokenizer.tokens(in: text)
        var streamed: [String] = []
        SearchTokenizer.forEachToken(in: text) { streamed.append($0) }
        require(tokens == streamed, "tokens(in:) and forEachToken disagree")
        for token in tokens {
            let length = token.unicodeScalars.count
            require(length >= 1 && length <= SearchTokenizer.maxWordLength, "a word of \(length) scalars: \(token.debugDescription)")
            require(SearchTokenizer.tokens(in: token) == [token],
                    "the word \(token.debugDescription) is tokenised again as \(SearchTokenizer.tokens(in: token).map(\.debugDescription))")
        }
        _ = SearchTokenizer.fold(text)
    }
}
