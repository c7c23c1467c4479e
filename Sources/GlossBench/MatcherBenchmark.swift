import GlossAnalysis

/// Entity matching cost against registry size: the same 5 MB of text scanned with automata of
/// 100, 1,000 and 10,000 entities (two aliases each). The text is identical in every run and
/// mentions the first 100 entities, so only the automaton's size changes.
enum MatcherBenchmark {
    static func run(textMegabytes: Int, entityCounts: [Int]) -> [(entities: Int, seconds: Double, megabytesPerSecond: Double)] {
        var random = SplitMix64(seed: 2018_09_23)
        let syllables = ["ka", "to", "mi", "ra", "shi", "no", "be", "lu", "ten", "gor", "vik", "sa", "del", "mon", "ar"]
        func word() -> String {
            let first = syllables[Int(random.next() % UInt64(syllables.count))]
            let second = syllables[Int(random.next() % UInt64(syllables.count))]
            return (first + second).prefix(1).uppercased() + (first + second).dropFirst()
        }
        let largest = entityCounts.max() ?? 0
        let names = (0..<largest).map { index in "\(word()) \(word())\(index)" }
        let filler = ["the", "talks", "on", "trade", "resumed", "after", "officials", "said", "that", "tariffs", "would", "fall"]
        var text = ""
        let target = textMegabytes * 1_000_000
        while text.utf8.count < target {
            for _ in 0..<12 { text += filler[Int(random.next() % UInt64(filler.count))] + " " }
            text += names[Int(random.next() % 100)] + ", "
        }
        let bytes = Array(text.utf8)
        return entityCounts.map { count in
            var patterns: [EntityPattern] = []
            for index in 0..<count {
                patterns.append(EntityPattern(entity: index, text: names[index]))
                patterns.append(EntityPattern(entity: index, text: String(names[index].split(separator: " ")[1])))
                patterns.append(EntityPattern(entity: index, text: "Minister " + names[index]))
            }
            let matcher = EntityMatcher(patterns: patterns)
            let clock = ContinuousClock()
            var best = Double.infinity
            var found = 0
            for _ in 0..<5 {
                let elapsed = clock.measure { found = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0).count } }
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            precondition(found > 0, "the corpus mentions entities")
            return (count, best, Double(bytes.count) / 1_000_000 / best)
        }
    }
}

/// A small seeded generator: the corpus is the same on every run and machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
