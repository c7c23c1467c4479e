import Foundation
import GlossAnalysis
import GlossBuild
@testable import GlossBenchmarks
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossSearch

@Suite struct SearchTokenizerTests {
    @Test func foldsCaseAndDiacriticsAndDropsPossessives() {
        #expect(SearchTokenizer.tokens(in: "Trump's steel, Lïghthizer’s TARIFFS") == ["trump", "steel", "lighthizer", "tariffs"])
        #expect(SearchTokenizer.tokens(in: "O'Neil's US-North Korea summit") == ["o", "neil", "us", "north", "korea", "summit"])
        #expect(SearchTokenizer.tokens(in: "Ångström ﬁnds Straße, ΟΔΥΣΣΕΥΣ") == ["angstrom", "finds", "straße", "οδυσσευσ"])
        #expect(SearchTokenizer.tokens(in: "東京で会談 2.5 hours") == ["東", "京", "て", "会", "談", "2", "5", "hours"])
        #expect(SearchTokenizer.tokens(in: "it's the dogs' day; 's") == ["it", "the", "dogs", "day", "s"])
        #expect(SearchTokenizer.tokens(in: "Cafe\u{0301}\u{0301} naïve") == ["cafe", "naive"])
        #expect(SearchTokenizer.tokens(in: String(repeating: "x", count: 41) + " ok") == ["ok"])
    }

    /// The tokeniser takes a shortcut for ASCII letters and digits; on random text mixing every
    /// case its rules name, it must cut exactly the words the rules, applied one folded scalar at a
    /// time, give.
    @Test func theASCIIShortcutCutsTheWordsTheRulesGive() {
        var generator = SplitMix64(seed: 12)
        let alphabet = Array("aZs09 'ʼ’sS.,-日本ïΣςﬁé\u{301}\u{0903}x")
        for _ in 0..<5_000 {
            var text = String((0..<generator.below(40)).map { _ in alphabet[generator.below(alphabet.count)] })
            if generator.below(8) == 0 { text += String(repeating: generator.below(2) == 0 ? "a" : "é", count: 38 + generator.below(5)) }
            #expect(SearchTokenizer.tokens(in: text) == Self.ruleTokens(text), "\(text.debugDescription)")
        }
    }

    /// The rules of `SearchTokenizer`, one folded scalar at a time and nothing else.
    static func ruleTokens(_ text: String) -> [String] {
        var folded: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars { SearchTokenizer.foldScalar(scalar) { folded.append($0) } }
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty && word.count <= SearchTokenizer.maxWordLength { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        var index = 0
        while index < folded.count {
            let scalar = folded[index]
            if SearchTokenizer.isApostrophe(scalar), !word.isEmpty {
                flush()
                // `'s` ends a word: dropped; followed by more of a word, it starts one with `s`.
                if index + 1 < folded.count, folded[index + 1] == "s" {
                    index += 2
                    if index < folded.count, SearchTokenizer.isWordScalar(folded[index]) { word.append("s") }
                    continue
                }
            } else if SearchTokenizer.isSingleCharacterWord(scalar) {
                flush()
                word.append(scalar)
                flush()
            } else if SearchTokenizer.isWordScalar(scalar) {
                word.append(scalar)
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }

    @Test func queryTermsMakeOnlyTheWordBeingTypedAPrefix() {
        #expect(SearchQuery.terms("korus fta", minPrefix: 2) == [.init(word: "korus", isPrefix: false), .init(word: "fta", isPrefix: true)])
        #expect(SearchQuery.terms("korus fta ", minPrefix: 2) == [.init(word: "korus", isPrefix: false), .init(word: "fta", isPrefix: false)])
        #expect(SearchQuery.terms("trade t", minPrefix: 2) == [.init(word: "trade", isPrefix: false), .init(word: "t", isPrefix: false)])
        #expect(SearchQuery.terms("Trade TRADE", minPrefix: 2) == [.init(word: "trade", isPrefix: true)])
    }

    @Test func postingsRoundTrip() {
        let postings = [(0, 1), (1, 63), (31, 2), (32, 9), (1_000, 5), (40_000, 8), (40_001, 1)].map { Posting(doc: $0, weight: $1) }
        let encoded = PostingsCoder.encode(postings)
        #expect(encoded.utf8.allSatisfy { PostingsCoder.alphabet.contains($0) })
        let decoded = PostingsCoder.decode(encoded)
        #expect(decoded.map(\.doc) == postings.map(\.doc))
        #expect(decoded.map(\.weight) == postings.map(\.weight))
        #expect(PostingsCoder.encode((0...2).map { Posting(doc: $0, weight: 1) }).utf8.count == 6, "consecutive documents cost two bytes each")
    }
}

@Suite struct SearchIndexTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func sample() throws -> (AnalysedSite, BuiltSearchIndex) {
        let analysed = try #require(SiteBuilder.build(BuildOptions(source: repo)).analysed)
        return (analysed, SearchIndexBuilder(documents: SearchDocument.documents(of: analysed)).build())
    }

    static func urls(_ query: String, _ index: BuiltSearchIndex) -> [String] {
        SearchQuery.run(query, on: index).results.map { documentURL($0, index) }
    }

    static func documentURL(_ doc: Int, _ index: BuiltSearchIndex) -> String {
        let text = String(decoding: index.records[doc], as: UTF8.self)
        let start = text.range(of: "\"u\":\"")!.upperBound
        return String(text[start...].prefix { $0 != "\"" })
    }

    @Test func sampleSiteFindsArticlesEntitiesAndNotes() throws {
        let (_, index) = try Self.sample()
        let lighthizer = Self.urls("Lighthizer", index)
        #expect(lighthizer.contains("articles/abe-trump-trade-talks-new-york/"))
        #expect(lighthizer.first == "entities/robert-lighthizer/", "the entity named Lighthizer ranks first: \(lighthizer)")
        #expect(Self.urls("KORUS", index).first == "entities/korus/")
        #expect(Self.urls("korus fta", index).first == "entities/korus/")
        #expect(Self.urls("Lighth", index).contains("entities/robert-lighthizer/"), "the last word matches as a prefix")
        #expect(Self.urls("LÏGHTHÎZER", index).first == "entities/robert-lighthizer/", "case and diacritics are folded")
        #expect(Self.urls("Trump Tower", index).contains("entities/trump-tower/"))
        // Annotations by their text: "finalised" occurs only in the KORUS note.
        #expect(Self.urls("finalised", index) == ["articles/abe-trump-trade-talks-new-york/#note-abe-trump-trade-talks-new-york--korus"])
        #expect(Self.urls("zzzz qqqq ", index).isEmpty)
    }

    @Test func sampleIndexIsSmallAndDeterministic() throws {
        let (analysed, index) = try Self.sample()
        let files = SearchIndexBuilder(site: analysed).files()
        let again = SearchIndexBuilder(site: analysed).files()
        #expect(files == again)
        // Written a file at a time (as a build does), the same files.
        var written: [OutputFile] = []
        SearchIndexBuilder(site: analysed).write { written.append($0) }
        #expect(written.sorted { $0.path < $1.path } == files.sorted { $0.path < $1.path })
        #expect(files.allSatisfy { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".js") })
        #expect(Set(files.map(\.path)).count == files.count)
        let total = files.reduce(0) { $0 + $1.bytes.count }
        print("search index of the sample site: \(files.count) files, \(total) bytes (\(index.chunks.count) chunks)")
        #expect(total < 100_000)
        #expect(SearchQuery.run("Lighthizer", on: index).bytes < 40_000)
    }

    @Test func chunksHoldSortedDisjointWordRanges() {
        let documents = SyntheticCorpus(articles: 200).documents()
        var options = SearchIndexOptions()
        options.chunkTarget = 4_000
        let index = SearchIndexBuilder(documents: documents, options: options).build()
        #expect(index.chunks.count > 10)
        let firsts = index.chunkFirst
        #expect(zip(firsts, firsts.dropFirst()).allSatisfy { SearchQuery.utf16Less($0, $1) })
        let manifest = String(decoding: index.manifest.bytes, as: UTF8.self)
        for (i, chunk) in index.chunks.enumerated() {
            let text = String(decoding: chunk.bytes, as: UTF8.self)
            #expect(text.hasPrefix("(self.glossSearch=self.glossSearch||{})[\"index/\(i)\"]={"))
            #expect(manifest.contains("[\(SearchJSON.quoted(firsts[i])),\(chunk.bytes.count)]"), "the manifest lists chunk \(i)'s size")
            #expect(chunk.bytes.count <= options.chunkTarget + 200 || index.chunkOf.filter { $0.value == i }.count == 1)
        }
        for (word, chunk) in index.chunkOf {
            #expect(SearchQuery.chunk(for: word, firsts: firsts) == chunk, "\(word) is found in its chunk")
        }
        let again = SearchIndexBuilder(documents: SyntheticCorpus(articles: 200).documents(), options: options).build()
        #expect(again.files == index.files, "the same documents give the same bytes")
    }

    /// The preview patches the postings with the documents that changed; the patched index
    /// must be byte for byte the one a fresh build makes, through edits that add, drop and
    /// reweight words, and through a change of document count (a full rebuild of the postings).
    @Test func patchedPostingsEqualAFreshIndex() {
        var documents = SyntheticCorpus(articles: 120).documents()
        var options = SearchIndexOptions()
        options.chunkTarget = 3_000
        let cache = SearchIndexCache()
        #expect(SearchIndexBuilder(documents: documents, options: options).build(cache: cache).files
                == SearchIndexBuilder(documents: documents, options: options).build().files)
        let edits: [(inout [SearchDocument]) -> Void] = [
            { $0[7].text += " zyzzyva aardvark"; $0[7].fields.append(("zyzzyva aardvark", 1)) },
            { $0[7].fields = [($0[7].title, 8)]; $0[7].text = "" },
            { $0[3].fields.append(($0[3].title, 6)); $0[90].fields.append(("ünïcode wörds", 2)) },
            { $0.removeLast() },
            { $0[0].fields.append(("aardvark", 63)) },
        ]
        for (number, edit) in edits.enumerated() {
            edit(&documents)
            let patched = SearchIndexBuilder(documents: documents, options: options).build(cache: cache)
            let fresh = SearchIndexBuilder(documents: documents, options: options).build()
            #expect(patched.files == fresh.files, "edit \(number)")
        }
    }

    /// The preview compares each build's files with the last build's; an index file that did not
    /// change holds the last build's very bytes, so that comparison costs nothing.
    @Test func unchangedFilesKeepTheLastBuildsBytes() {
        var documents = SyntheticCorpus(articles: 120).documents()
        let cache = SearchIndexCache()
        func written() -> [String: [UInt8]] {
            var builder = SearchIndexBuilder(documents: documents)
            builder.cache = cache
            var files: [String: [UInt8]] = [:]
            builder.write { files[$0.path] = $0.bytes }
            return files
        }
        let first = written()
        documents[7].text += " zyzzyva"
        documents[7].fields.append(("zyzzyva", 1))
        let second = written()
        #expect(first.keys.sorted() == second.keys.sorted())
        func storage(_ bytes: [UInt8]) -> UnsafeRawPointer? { bytes.withUnsafeBytes { $0.baseAddress } }
        let changed = second.filter { $0.value != first[$0.key] }.count
        let shared = second.filter { storage($0.value) == first[$0.key].flatMap(storage) }.count
        #expect(changed > 0 && changed < 5, "the edit changes its shard, a chunk or two and no more")
        #expect(shared == second.count - changed)
    }

    /// Without a cache the words are posted a batch of documents at a time; batch edges must not
    /// show in the postings.
    @Test func postingsMadeByBatchEqualPostingsMadeAtOnce() {
        let documents = SyntheticCorpus(articles: 40).documents()
        let atOnce = SearchPostings(tokens: documents.map { $0.weightedTokens() })
        for batch in [1, 7, 1_000] {
            var records: [[UInt8]] = []
            let byBatch = SearchIndexBuilder.postingsByBatch(documents, maxText: 200, batch: batch) { records.append($0) }
            #expect(byBatch.words == atOnce.words && byBatch.entries == atOnce.entries, "batch \(batch)")
            #expect(records == documents.map { $0.record(maxText: 200) })
        }
    }

    @Test func theBenchmarkReportsEveryQuery() {
        let (indexBytes, perQuery) = SearchBenchmark.run(articles: 300)
        #expect(indexBytes > 100_000)
        #expect(Set(perQuery.keys) == Set(SearchBenchmark.queries))
        #expect(perQuery.values.allSatisfy { $0 > 0 && $0 < indexBytes })
    }

    /// Pagefind's published budget: a query downloads at most about 300 KB on a 10,000-article site.
    @Test func aQueryOnTenThousandArticlesDownloadsAtMost300KB() {
        let (index, perQuery) = SearchBenchmark.measure(articles: 10_000)
        let indexBytes = index.totalBytes
        print("search index of 10,000 articles: \(indexBytes) bytes")
        let chunkBytes = index.chunks.reduce(0) { $0 + $1.bytes.count }
        print("  manifest \(index.manifest.bytes.count) bytes; \(index.chunks.count) chunks, \(chunkBytes) bytes, largest \(index.chunks.map(\.bytes.count).max() ?? 0); \(index.records.count) documents in \(index.shards.count) shards, \(indexBytes - chunkBytes - index.manifest.bytes.count) bytes; \(index.postings.count) words")
        for query in SearchBenchmark.queries {
            let bytes = perQuery[query] ?? -1
            print("  \(query): \(bytes) bytes")
            #expect(bytes > 0 && bytes <= 300_000, "\"\(query)\" downloads \(bytes) bytes")
        }
    }
}
