import Foundation
import GlossAnalysis
import GlossContent

/// Throughput of `EntityMatcher` against registry size: the automaton promises cost that follows
/// text length, not pattern count, so MB/s should stay nearly flat from 100 to 10,000 entities.
public enum MatcherBenchmark {
    /// How the prose picks which entity to mention (about one word in 25 is a mention).
    enum Mentions {
        /// Popularity falls off as 1/rank, as names do in real news, so a few entities recur.
        case zipf
        /// Every entity equally likely: each mention walks a cold part of a large automaton.
        case uniform
    }

    /// Scans `textMegabytes` (10⁶ bytes each) of generated prose per registry size (each entity a
    /// multi-word name plus two aliases). Scans of all sizes are interleaved over several rounds
    /// and the best is kept, so a busy machine skews every size alike; construction is not timed.
    /// The corpus is seeded, so runs compare.
    public static func run(textMegabytes: Int, entityCounts: [Int]) -> [(entities: Int, seconds: Double, megabytesPerSecond: Double)] {
        run(textMegabytes: textMegabytes, entityCounts: entityCounts, mentions: .zipf)
    }

    static func run(textMegabytes: Int, entityCounts: [Int], mentions: Mentions, rounds: Int = 15)
        -> [(entities: Int, seconds: Double, megabytesPerSecond: Double)]
    {
        let cases = entityCounts.map { count in
            var random = SplitMix64(seed: 0x6C6F_7373)
            let registry = (0..<max(count, 1)).map { _ in entityNames(&random) }
            let patterns = registry.enumerated().flatMap { entity, names in
                names.map { EntityPattern(entity: entity, text: $0) }
            }
            let picker = Picker(count: registry.count, mentions: mentions, &random)
            let text = prose(bytes: max(textMegabytes, 1) * 1_000_000, mentioning: registry, picker, &random)
            return (matcher: EntityMatcher(patterns: patterns), text: text)
        }
        let clock = ContinuousClock()
        var best = [Double](repeating: .infinity, count: cases.count)
        var found = 0
        for _ in 0..<max(rounds, 1) {
            for (index, test) in cases.enumerated() {
                test.text.withUnsafeBufferPointer { bytes in
                    let elapsed = clock.measure { found &+= countMatches(test.matcher, bytes) }
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                    best[index] = min(best[index], seconds)
                }
            }
        }
        precondition(cases.isEmpty || found > 0, "the generated prose mentions entities, so some must match")
        return cases.indices.map { (entityCounts[$0], best[$0], Double(cases[$0].text.count) / 1_000_000 / best[$0]) }
    }

    /// What the mention rules (`MentionFilter`) add to the scan: the same prose, cut into paragraphs
    /// and documents of ten paragraphs the way the linker reads an article, scanned alone and
    /// scanned then judged, alternating over rounds (best of each kept, in thread CPU time). The registry's entities are
    /// people, organisations and places, registered through a generated site so their profiles are
    /// the real ones.
    /// - Returns: seconds for the scan alone and for scan and judgement, matches and mentions kept.
    public static func filterCost(textMegabytes: Int, entities count: Int, rounds: Int = 15) throws
        -> (scan: Double, scanAndJudge: Double, matches: Int, mentions: Int)
    {
        var random = SplitMix64(seed: 0x6C6F_7373)
        let generated = (0..<max(count, 1)).map { _ in entityNamesAndKind(&random) }
        let registry = try registryFromSite(generated)
        let picker = Picker(count: generated.count, mentions: .zipf, &random)
        let text = prose(bytes: max(textMegabytes, 1) * 1_000_000, mentioning: generated.map(\.names), picker, &random)
        var paragraphs: [[UInt8]] = []
        var start = 0
        for index in text.indices.dropFirst() where text[index] == 0x0A && text[index - 1] == 0x0A {
            paragraphs.append(Array(text[start..<(index - 1)]))
            start = index + 1
        }
        var best = (scan: Double.infinity, judged: Double.infinity)
        var found = (matches: 0, mentions: 0)
        for _ in 0..<max(rounds, 1) {
            var matches = 0, mentions = 0
            best.scan = min(best.scan, threadSeconds {
                for paragraph in paragraphs { matches &+= countMatches(registry.matcher, paragraph) }
            })
            best.judged = min(best.judged, threadSeconds { mentions &+= judgeAll(registry, paragraphs) })
            found = (matches, mentions)
        }
        return (best.scan, best.judged, found.matches, found.mentions)
    }

    /// CPU time of this thread spent in `body`: on a shared machine, time other processes take
    /// from the core is not counted against either side of the comparison.
    private static func threadSeconds(_ body: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
    }

    @inline(never)
    private static func countMatches(_ matcher: EntityMatcher, _ paragraph: [UInt8]) -> Int {
        paragraph.withUnsafeBufferPointer { matcher.matches(inUTF8: $0).count }
    }

    @inline(never)
    private static func judgeAll(_ registry: EntityRegistry, _ paragraphs: [[UInt8]]) -> Int {
        var kept = 0
        var filter = MentionFilter(registry: registry)
        for (index, paragraph) in paragraphs.enumerated() {
            if index % 10 == 0 { filter = MentionFilter(registry: registry) }
            let matches = paragraph.withUnsafeBufferPointer { registry.matcher.matches(inUTF8: $0) }
            kept &+= filter.judge(matches, in: paragraph).mentions.count
        }
        return kept
    }

    /// Writes the generated entities as a site's entity files and loads them, so the registry is
    /// built exactly as `gloss build` builds it.
    private static func registryFromSite(_ generated: [(names: [String], kind: Entity.Kind)]) throws -> EntityRegistry {
        let root = NSTemporaryDirectory() + "gloss-bench-filter-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/entities", withIntermediateDirectories: true)
        try "title: Bench\n".write(toFile: root + "/gloss.yml", atomically: true, encoding: .utf8)
        for (index, entity) in generated.enumerated() {
            let aliases = entity.names.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")
            try "---\nname: \(entity.names[0])\nkind: \(entity.kind.rawValue)\naliases: [\(aliases)]\n---\n"
                .write(toFile: root + "/content/entities/e\(index).md", atomically: false, encoding: .utf8)
        }
        let (content, diagnostics) = SiteLoader.load(from: root)
        guard let content else { throw NSError(domain: "MatcherBenchmark", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(diagnostics)"]) }
        var problems: [Diagnostic] = []
        return EntityRegistry(entities: content.entities, diagnostics: &problems)
    }

    /// Opaque to the optimizer, so the timed scan cannot be dropped.
    @inline(never)
    private static func countMatches(_ matcher: EntityMatcher, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        matcher.matches(inUTF8: bytes).count
    }

    private static let syllables = [
        "ka", "ri", "to", "mel", "van", "dor", "sel", "bra", "quin", "lo", "mar", "ten", "vi", "zo",
        "han", "gre", "nal", "pe", "sti", "ru", "cor", "bel", "dan", "fi", "os", "tra", "wen", "lu",
        "mon", "ster", "gal", "ith", "ro", "shi", "ev", "nu", "pol", "ak", "ye", "thor",
    ]
    private static let orgSuffixes = ["Holdings", "Group", "Institute", "Bank", "Partners", "Ministry", "Council"]
    private static let words = """
        the of and to in a is that for it as was with be by on not he this are or his from at which \
        but have an they you were her she there been one all we their has would when if so no will \
        more who about up out them into than its some could time these two may then do first any my \
        now such like other our what over also new years after most only made market trade talks \
        said government minister deal prices growth summit officials week report tariffs economy \
        agreement president policy exports while during analysts bank rates since against between \
        naïve café résumé — meeting statement
        """.split(separator: " ").map(String.init)

    /// A multi-word name and two aliases (a short form and an initialism), like a real registry.
    private static func entityNames(_ random: inout SplitMix64) -> [String] { entityNamesAndKind(&random).names }

    /// The names and what they name: a person, an organisation or a place.
    private static func entityNamesAndKind(_ random: inout SplitMix64) -> (names: [String], kind: Entity.Kind) {
        func word() -> String {
            let parts = (0..<Int(random.next() % 2 + 2)).map { _ in syllables[random.below(syllables.count)] }
            let joined = parts.joined()
            return joined.prefix(1).uppercased() + joined.dropFirst()
        }
        let first = word(), second = word()
        switch random.next() % 3 {
        case 0: return (["\(first) \(second)", second, "\(first.prefix(1)). \(second)"], .person)
        case 1:
            let suffix = orgSuffixes[random.below(orgSuffixes.count)]
            return (["\(first) \(second) \(suffix)", "\(first) \(suffix)", "\(first.prefix(1))\(second.prefix(1))\(suffix.prefix(1))"], .organization)
        default: return (["North \(first) \(second)", "\(first) \(second)", "N\(first.prefix(1))\(second.prefix(1))"], .place)
        }
    }

    /// Sentences of common words with about one entity mention in 25 words, some possessive.
    private static func prose(bytes target: Int, mentioning registry: [[String]], _ picker: Picker,
                              _ random: inout SplitMix64) -> [UInt8] {
        let names = registry.map { $0.map { Array($0.utf8) } }
        let lower = words.map { Array($0.utf8) }
        let capitalized = words.map { Array(($0.prefix(1).uppercased() + $0.dropFirst()).utf8) }
        let possessives = [Array("'s".utf8), Array("’s".utf8)]
        var text: [UInt8] = []
        text.reserveCapacity(target + 256)
        while text.count < target {
            let length = Int(random.next() % 18) + 6
            for position in 0..<length {
                if random.next() % 25 == 0 {
                    let forms = names[picker.pick(&random)]
                    text += forms[random.below(forms.count)]
                    if random.next() % 8 == 0 { text += possessives[random.below(2)] }
                } else {
                    let pick = random.below(words.count)
                    text += position == 0 ? capitalized[pick] : lower[pick]
                }
                if position + 1 < length {
                    if random.next() % 12 == 0 { text.append(0x2C) }
                    text.append(0x20)
                }
            }
            text += random.next() % 7 == 0 ? [0x2E, 0x0A, 0x0A] : [0x2E, 0x20]
        }
        return text
    }

    /// Draws entity indices; for Zipf, ranks go to a shuffled order so popularity is not tied
    /// to registry position.
    private struct Picker {
        var entityByRank: [Int]
        var cumulative: [Double] = []

        init(count: Int, mentions: Mentions, _ random: inout SplitMix64) {
            entityByRank = Array(0..<count)
            for i in stride(from: count - 1, to: 0, by: -1) { entityByRank.swapAt(i, random.below(i + 1)) }
            guard case .zipf = mentions else { return }
            var total = 0.0
            cumulative = (0..<count).map { rank in total += 1 / Double(rank + 1); return total }
        }

        func pick(_ random: inout SplitMix64) -> Int {
            guard let total = cumulative.last else { return entityByRank[random.below(entityByRank.count)] }
            let target = random.unit() * total
            return entityByRank[min(cumulative.partitionPoint { $0 <= target }, cumulative.count - 1)]
        }
    }
}
