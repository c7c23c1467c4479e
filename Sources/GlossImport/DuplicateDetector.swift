/// Finds articles whose text is the same as, or nearly the same as, an article earlier in the
/// import: judged by text alone (4-word shingles, Jaccard similarity), never by title, so two
/// different stories under one headline are both kept. Candidates come from an index of a fixed
/// sample of each text's shingles, so a batch is not compared pair by pair.
struct DuplicateDetector {
    /// Share of distinct 4-word shingles two texts must have in common to be the same article.
    static let threshold = 0.9
    /// One shingle in `sampleRate` (by hash) goes into the index; short texts index all of theirs.
    static let sampleRate: UInt64 = 8
    /// A shingle found in this many texts already ("Reporting by …; editing by …") says nothing: not indexed further.
    static let maxPosting = 512

    struct Match: Sendable {
        var earlier: String
        var similarity: Double
    }

    private var texts: [(shingles: TextShingles, samples: [UInt64], label: String)] = []
    private var index: [UInt64: [Int]] = [:]

    /// The earlier article this text duplicates, if any (the text is not remembered: see `add`).
    func find(_ shingles: TextShingles) -> Match? {
        let samples = Self.samples(of: shingles)
        var shared: [Int: Int] = [:]
        for sample in samples { for earlier in index[sample] ?? [] { shared[earlier, default: 0] += 1 } }
        var best: Match?
        for (earlier, count) in shared.sorted(by: { $0.key < $1.key })
        where Double(count) >= 0.5 * Double(min(samples.count, texts[earlier].samples.count)) {
            let similarity = shingles.jaccard(texts[earlier].shingles)
            if similarity >= Self.threshold, similarity > best?.similarity ?? 0 { best = Match(earlier: texts[earlier].label, similarity: similarity) }
        }
        return best
    }

    /// Remembers an article's text under `label` (the file it was written to).
    mutating func add(_ shingles: TextShingles, label: String) {
        let samples = Self.samples(of: shingles)
        let id = texts.count
        texts.append((shingles, samples, label))
        for sample in samples where (index[sample]?.count ?? 0) < Self.maxPosting { index[sample, default: []].append(id) }
    }

    static func samples(of shingles: TextShingles) -> [UInt64] {
        let sampled = shingles.hashes.filter { $0 % sampleRate == 0 }
        return (sampled.count >= 4 ? Array(sampled) : Array(shingles.hashes)).sorted()
    }
}
