import GlossAnalysis
import GlossContent

/// The build-time search index: files under `search/` that `assets/search.js` loads on demand,
/// so search works on any static host (and from `file://`) with no server.
///
/// Layout (every file is a small script that stores one JSON value in `self.glossSearch[key]`,
/// so it loads with a `<script>` element, which also works where `fetch` does not, as on `file://`):
///
/// - `search/manifest.js`: the number of documents and, per index chunk, its first word and its
///   size in bytes. A query loads this first (a few KB even for 10,000 articles).
/// - `search/index/N.js`: words in sorted order (UTF-16 code-unit order, as JavaScript compares
///   strings), split into chunks of about `chunkTarget` bytes, like Pagefind's. Each word maps to
///   its postings: ascending document numbers (delta-coded) each with a weight, packed into a
///   base64url string (see `PostingsCoder`). A query loads only the chunks holding its words.
/// - `search/docs/N.js`: shards of consecutive documents (articles, entities, notes), each an
///   array of what a result shows — title, URL, date, kind label, summary and the start of the
///   text for the snippet — up to about `shardTarget` bytes, so a site of 60,000 documents is a
///   few thousand files. The manifest gives each shard's number of documents; only the shards
///   holding the results on screen are loaded.
///
/// Documents are numbered articles first (oldest first, so adding new articles leaves the
/// numbers, and the files, of older ones alone), then entities, then notes.
public struct SearchIndexBuilder: Sendable {
    let documents: [SearchDocument]
    let options: SearchIndexOptions
    var cache: SearchIndexCache?

    /// - Parameter cache: documents of an earlier build (the preview keeps one): an unchanged
    ///   document is not tokenised or written out again.
    public init(site: AnalysedSite, cache: SearchIndexCache? = nil) {
        self.init(documents: SearchDocument.documents(of: site, cache: cache), options: SearchIndexOptions())
        self.cache = cache
    }

    package init(documents: [SearchDocument], options: SearchIndexOptions = SearchIndexOptions()) {
        self.documents = documents
        self.options = options
    }

    public func files() -> [OutputFile] {
        build(cache: cache).files
    }

    /// Hands each file to `emit` as soon as it is made, in no set order (a build's sink writes
    /// it): at 50,000 articles the index is 260 MB, and holding all of it with the records it is
    /// made from was a build's peak of memory.
    public func write(_ emit: (OutputFile) -> Void) {
        _ = make(cache: cache, keep: false, emit: emit)
    }

    /// The files, plus what the benchmark needs to know about them.
    package func build(cache: SearchIndexCache? = nil) -> BuiltSearchIndex {
        make(cache: cache, keep: true) { _ in }
    }

    /// Makes every file and hands it to `emit`; with `keep`, the files, records and postings stay
    /// in the result too (the benchmark's queries read them). Otherwise nothing is held longer
    /// than its file needs: records go into shard files as they are made, and each word's
    /// postings are dropped once encoded (at 50,000 articles they were a gigabyte at the peak).
    private func make(cache: SearchIndexCache?, keep: Bool, emit handOn: (OutputFile) -> Void) -> BuiltSearchIndex {
        defer { cache?.finish() }
        func emit(_ file: OutputFile) { handOn(cache?.settled(file) ?? file) }
        let options = self.options
        let maxText = options.maxFragmentText
        var shards = SearchShards(target: options.shardTarget, keep: keep)
        let postings: SearchPostings
        if let cache {
            let previous = cache.begin()
            let entries = Array(documents.enumerated()).concurrentMap { number, document -> SearchIndexCache.Entry in
                if number < previous.count, previous[number].document == document { return previous[number] }
                return SearchIndexCache.Entry(document: document, number: number, tokens: document.weightedTokens(),
                                              record: document.record(maxText: maxText))
            }
            for entry in entries { shards.add(entry.record, emit: emit) }
            postings = cache.postings(for: entries)
        } else {
            postings = Self.postingsByBatch(documents, maxText: maxText, encode: keep) { shards.add($0, emit: emit) }
        }
        shards.finish(emit: emit)

        var chunkFiles: [OutputFile] = []
        var chunkSizes: [Int] = []
        var chunkFirst: [String] = []
        var chunkOf: [String: Int] = [:]
        var body: [UInt8] = []
        var first: String?
        func closeChunk() {
            guard let word = first else { return }
            let file = OutputFile(path: "search/index/\(chunkSizes.count).js",
                                  bytes: SearchJSON.script(key: "index/\(chunkSizes.count)", json: [0x7B] + body + [0x7D]))
            chunkSizes.append(file.bytes.count)
            chunkFirst.append(word)
            emit(file)
            if keep { chunkFiles.append(file) }
            body = []
            first = nil
        }
        let byWord = keep ? postings.byWord : [:]
        func chunk(_ word: String, _ entry: [UInt8]) {
            if first != nil, body.count + entry.count + 1 > options.chunkTarget { closeChunk() }
            if first == nil { first = word } else { body.append(0x2C) }
            body += entry
            if keep { chunkOf[word] = chunkSizes.count }
        }
        if cache == nil && !keep {
            postings.drainEntries(chunk)
        } else {
            for word in postings.words { chunk(word, postings.entries[word]!) }
        }
        closeChunk()

        var manifest = SearchJSON.Object()
        manifest.add("chunks", raw: "[" + zip(chunkFirst, chunkSizes).map { "[\(SearchJSON.quoted($0)),\($1)]" }.joined(separator: ",") + "]")
        manifest.add("documents", raw: String(documents.count))
        manifest.add("maxPrefixChunks", raw: String(options.maxPrefixChunks))
        manifest.add("minPrefix", raw: String(options.minPrefixLength))
        manifest.add("pageSize", raw: String(options.pageSize))
        manifest.add("shards", String(decoding: shards.counts.map { PostingsCoder.alphabet[$0] }, as: UTF8.self))
        manifest.add("version", raw: "2")
        let manifestFile = OutputFile(path: "search/manifest.js", bytes: SearchJSON.script(key: "manifest", json: manifest.bytes))
        emit(manifestFile)
        return BuiltSearchIndex(manifest: manifestFile, chunks: chunkFiles, chunkFirst: chunkFirst, records: shards.records,
                                shards: shards.files, shardOf: shards.shardOf, postings: byWord, chunkOf: chunkOf, options: options)
    }

    /// Postings when no cache keeps each document's words: tokenised a batch at a time, each
    /// batch's words dropped once posted (all of them at once were the peak of a 10,000-article
    /// build, 100 MB), and each document's record handed to `record` in order. The next batch
    /// is tokenised (on every core) while this thread posts the last one: posted one after the
    /// other, the posting (1.6 s at 10,000 articles) left all cores but one idle.
    /// - Parameter encode: encode every word's entry now (see `SearchPostings.finish`).
    static func postingsByBatch(_ documents: [SearchDocument], maxText: Int, batch: Int = 2048, encode: Bool = true,
                                record: ([UInt8]) -> Void) -> SearchPostings {
        let postings = SearchPostings()
        let starts = Array(stride(from: 0, to: documents.count, by: batch))
        let tokenised = { (start: Int) in
            BackgroundWork {
                Array(documents[start ..< min(start + batch, documents.count)]).concurrentMap { document in
                    (tokens: document.weightedTokens(), record: document.record(maxText: maxText))
                }
            }
        }
        var next = starts.first.map(tokenised)
        for (index, start) in starts.enumerated() {
            guard let made = next?.value else { break }
            next = starts.indices.contains(index + 1) ? tokenised(starts[index + 1]) : nil
            for (offset, document) in made.enumerated() {
                postings.add(doc: start + offset, tokens: document.tokens)
                record(document.record)
            }
        }
        postings.finish(encode: encode)
        return postings
    }
}

/// Result records gathered into shard files in document order as they are made: consecutive
/// documents, cut before one that would take a shard past `target` bytes (a larger document has
/// a shard of its own) and at 63 documents, the most the manifest's one-symbol counts can say.
struct SearchShards {
    let target: Int
    /// Keep the records and files (the benchmark reads them), not only hand them on.
    let keep: Bool
    /// Documents in each shard written so far.
    private(set) var counts: [Int] = []
    private(set) var files: [OutputFile] = []
    private(set) var records: [[UInt8]] = []
    /// By document: its shard.
    private(set) var shardOf: [Int] = []
    private var pending: [UInt8] = []
    private var pendingCount = 0

    init(target: Int, keep: Bool) {
        (self.target, self.keep) = (target, keep)
    }

    mutating func add(_ record: [UInt8], emit: (OutputFile) -> Void) {
        if pendingCount > 0, pending.count + record.count > target || pendingCount == 63 { finish(emit: emit) }
        pending.append(pendingCount == 0 ? 0x5B : 0x2C)
        pending += record
        pendingCount += 1
        shardOf.append(counts.count)
        if keep { records.append(record) }
    }

    /// Writes the shard being filled, if any.
    mutating func finish(emit: (OutputFile) -> Void) {
        guard pendingCount > 0 else { return }
        let number = counts.count
        let file = OutputFile(path: "search/docs/\(number).js", bytes: SearchJSON.script(key: "docs/\(number)", json: pending + [0x5D]))
        emit(file)
        if keep { files.append(file) }
        counts.append(pendingCount)
        pending = []
        pendingCount = 0
    }
}

/// Sizes that decide what a query downloads. `search.js` reads them from the manifest.
package struct SearchIndexOptions: Sendable {
    package init() {}

    /// A chunk closes before it grows past this many bytes (a single word's postings may exceed it).
    var chunkTarget = 24_000
    /// The last word typed matches as a prefix once it has this many characters.
    var minPrefixLength = 2
    /// A prefix loads at most this many chunks of the words it could complete to.
    var maxPrefixChunks = 2
    /// Results shown (and documents loaded) per page of results.
    var pageSize = 10
    /// Characters of a document's text kept for snippets: the start of a long article (the
    /// index still finds every word of it).
    var maxFragmentText = 1_000
    /// A shard of result records closes before it grows past this many bytes.
    var shardTarget = 9_000
}

/// The index files with the postings they were made from.
package struct BuiltSearchIndex {
    package var manifest: OutputFile
    package var chunks: [OutputFile]
    var chunkFirst: [String]
    /// By document: what a result shows, as JSON.
    var records: [[UInt8]]
    package var shards: [OutputFile]
    /// By document: its shard.
    var shardOf: [Int]
    var postings: [String: [Posting]]
    var chunkOf: [String: Int]
    var options: SearchIndexOptions

    package var files: [OutputFile] { [manifest] + chunks + shards }
    package var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }
}

/// Postings as a base64url string: for each document, in ascending order, the gap from the
/// previous one minus one (the first counts from -1) as a variable-length number — digits from
/// `continuation` (32 symbols) while more follow, then one from `terminal` (32 symbols), most
/// significant first — then the weight as one symbol of the whole alphabet (1…63).
enum PostingsCoder {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let maxWeight = 63

    static func encode(_ postings: [Posting]) -> String {
        let alphabet = Self.alphabet
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 2)
        var previous = -1
        for posting in postings {
            let gap = posting.doc - previous - 1
            previous = posting.doc
            var shift = 0
            while gap >> (shift + 5) > 0 { shift += 5 }
            while shift > 0 {
                out.append(alphabet[32 + ((gap >> shift) & 31)])
                shift -= 5
            }
            out.append(alphabet[gap & 31])
            out.append(alphabet[min(max(posting.weight, 1), maxWeight)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [Posting] {
        var value: [UInt8: Int] = [:]
        for (i, c) in alphabet.enumerated() { value[c] = i }
        var result: [Posting] = []
        var previous = -1
        var gap = 0
        var expectWeight = false
        for byte in text.utf8 {
            let v = value[byte] ?? 0
            if expectWeight {
                result.append(Posting(doc: previous, weight: v))
                expectWeight = false
            } else if v >= 32 {
                gap = gap * 32 + (v - 32)
            } else {
                previous += gap * 32 + v + 1
                gap = 0
                expectWeight = true
            }
        }
        return result
    }
}

/// Deterministic JSON written by hand: keys in a fixed (sorted) order, non-ASCII text as UTF-8.
enum SearchJSON {
    /// `(self.glossSearch=self.glossSearch||{})["key"]=JSON;`
    static func script(key: String, json: [UInt8]) -> [UInt8] {
        Array("(self.glossSearch=self.glossSearch||{})[\(quoted(key))]=".utf8) + json + Array(";\n".utf8)
    }

    static func quoted(_ text: String) -> String { String(decoding: string(text), as: UTF8.self) }

    static func string(_ text: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in older JavaScript parsers.
                out += Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return out
    }

    /// An object whose keys are added in sorted order.
    struct Object {
        private(set) var parts: [(key: String, value: [UInt8])] = []
        mutating func add(_ key: String, raw: String) { parts.append((key, Array(raw.utf8))) }
        mutating func add(_ key: String, _ text: String?) {
            if let text { parts.append((key, SearchJSON.string(text))) }
        }
        var bytes: [UInt8] {
            var out: [UInt8] = [0x7B]
            for (i, part) in parts.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(0x2C) }
                out += SearchJSON.string(part.key) + [0x3A] + part.value
            }
            out.append(0x7D)
            return out
        }
    }
}
