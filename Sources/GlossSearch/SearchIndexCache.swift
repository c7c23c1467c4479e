import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

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
    private var last: (entries: [Entry], postings: SearchPostings)?
    /// The bytes of each file the last build wrote, by path, and those of the build under way.
    private var files: [String: [UInt8]] = [:]
    private var filesNow: [String: [UInt8]] = [:]
    /// The documents of each article analysis, made once.
    let documents = RevisionMemo<(article: SearchDocument, notes: [SearchDocument])>()
    /// Each entity's document by slug, with the entity and description it was made from.
    private var entityDocuments: [String: (entity: Entity, description: MarkedHTML, document: SearchDocument)] = [:]

    /// The document of `entity` with this description: last build's when both are unchanged.
    func entityDocument(_ entity: Entity, description: MarkedHTML, make: () -> SearchDocument) -> SearchDocument {
        if let kept = lock.withLock({ entityDocuments[entity.slug] }), kept.entity == entity, kept.description == description {
            return kept.document
        }
        let document = make()
        lock.withLock { entityDocuments[entity.slug] = (entity, description, document) }
        return document
    }

    /// Forgets the documents of entities no longer in the registry.
    func keepEntityDocuments(_ slugs: [String]) {
        let current = Set(slugs)
        lock.withLock { entityDocuments.removeAll(keepingKeys: current) }
    }

    /// The previous build's documents, by number: a document is reused only where it was (its
    /// number is in its postings).
    func begin() -> [Entry] {
        lock.withLock {
            filesNow = [:]
            return last?.entries ?? []
        }
    }

    /// The file, holding the last build's very bytes when they are the same: the preview then
    /// sees at once that it did not change (the index is rebuilt whole, but an edit changes a
    /// few of its thousands of files, and comparing them all byte by byte held up the reload).
    func settled(_ file: OutputFile) -> OutputFile {
        lock.withLock {
            let bytes = files[file.path].flatMap { $0 == file.bytes ? $0 : nil } ?? file.bytes
            filesNow[file.path] = bytes
            return OutputFile(path: file.path, bytes: bytes)
        }
    }

    /// Ends a build: its files are what the next one compares with.
    func finish() {
        lock.withLock { files = filesNow; filesNow = [:] }
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
        lock.withLock { last = (current, postings) }
        return postings
    }
}
