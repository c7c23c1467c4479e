import Foundation
import GlossAnalysis
import GlossContent

/// What the search index keeps between builds of the preview: each document's words with
/// their weights and its result file, and the postings of the whole index. A document is
/// tokenised again only when it differs from last time (compared in full; unchanged text
/// shares storage, so the comparison is cheap), and the postings are patched with the changed
/// documents only, as long as every document keeps its number.
public final class SearchIndexCache: @unchecked Sendable {
    public init() {}

    /// A class, so an unchanged document is recognised by identity when patching postings.
    final class Entry: Sendable {
        let document: SearchDocument
        let number: Int
        let tokens: [(String, Int)]
        /// What a result shows, as JSON (see `SearchDocument.record`).
        let record: [UInt8]
        init(document: SearchDocument, number: Int, tokens: [(String, Int)], record: [UInt8]) {
            self.document = document
            self.number = number
            self.tokens = tokens
            self.record = record
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var last: (entries: [Entry], postings: SearchPostings)?
    /// The documents of each article analysis, made once.
    let documents = RevisionMemo<(article: SearchDocument, notes: [SearchDocument])>()

    /// The previous build's documents by URL.
    func begin() -> [String: Entry] {
        lock.withLock { entries }
    }

    /// The postings for `current`, patched from the previous build's when only some documents
    /// changed and none moved; built in full otherwise.
    func postings(for current: [Entry]) -> SearchPostings {
        let previous = lock.withLock { last }
        let postings: SearchPostings
        if let previous, previous.entries.count == current.count,
           zip(previous.entries, current).allSatisfy({ $0.document.url == $1.document.url }) {
            postings = previous.postings
            for (old, new) in zip(previous.entries, current) where old !== new {
                postings.replace(doc: new.number, old: old.tokens, new: new.tokens)
            }
        } else {
            postings = SearchPostings(tokens: current.map(\.tokens))
        }
        let byURL = Dictionary(current.map { ($0.document.url, $0) }, uniquingKeysWith: { first, _ in first })
        lock.withLock {
            entries = byURL
            last = (current, postings)
        }
        return postings
    }
}
