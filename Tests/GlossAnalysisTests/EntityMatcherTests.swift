import GlossContent
import Testing
@testable import GlossAnalysis

@Suite struct EntityMatcherTests {
    /// Matched surface texts with their entities, in order.
    func found(_ patterns: [EntityPattern], in text: String) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        return EntityMatcher(patterns: patterns).matches(in: text).map {
            ($0.entity, String(decoding: bytes[$0.range], as: UTF8.self))
        }
    }

    func surfaces(_ pattern: String, in text: String, caseInsensitive: Bool = false) -> [String] {
        found([EntityPattern(entity: 0, text: pattern, caseInsensitive: caseInsensitive)], in: text).map(\.1)
    }

    @Test func matchesWholeWordsOnly() {
        #expect(surfaces("Abe", in: "Abel met Aberdeen's mayor").isEmpty)
        #expect(surfaces("Abe", in: "Abe, (Abe) Abe. —Abe") == ["Abe", "Abe", "Abe", "Abe"])
        #expect(surfaces("Abe", in: "Abe") == ["Abe"])
        #expect(surfaces("Abe", in: "xAbe Abe2 2Abe _Abe_") == ["Abe"])
    }

    @Test func multiByteNeighboursAreWordCharacters() {
        #expect(surfaces("Mü", in: "Müller").isEmpty)
        #expect(surfaces("saka", in: "Ōsaka").isEmpty)
        #expect(surfaces("rich", in: "Zürich").isEmpty)
        #expect(surfaces("Z", in: "ZÜRICH").isEmpty)
        #expect(surfaces("Zürich", in: "«Zürich» and Zürich’s banks") == ["Zürich", "Zürich"])
        #expect(surfaces("Ōsaka", in: "in Ōsaka.") == ["Ōsaka"])
        #expect(surfaces("東京", in: "東京都").isEmpty)
        #expect(surfaces("東京", in: "「東京」") == ["東京"])
    }

    @Test func combiningMarksGlueToTheWord() {
        #expect(surfaces("Abe", in: "Abe\u{301} visits").isEmpty)
        #expect(surfaces("Abe", in: "e\u{301}Abe").isEmpty)
        #expect(surfaces("Abe", in: "\u{301}Abe").isEmpty)
        #expect(surfaces("Abe", in: "Abe \u{301}") == ["Abe"])
    }

    @Test func leftmostLongestWins() {
        let patterns = [
            EntityPattern(entity: 0, text: "Trump"), EntityPattern(entity: 1, text: "Trump Tower"),
            EntityPattern(entity: 2, text: "WisdomTree Japan KK"), EntityPattern(entity: 3, text: "Japan"),
            EntityPattern(entity: 4, text: "US"),
            EntityPattern(entity: 5, text: "US Trade Representative Robert Lighthizer"),
            EntityPattern(entity: 5, text: "Robert Lighthizer"),
        ]
        #expect(found(patterns, in: "at Trump Tower in").map(\.0) == [1])
        #expect(found(patterns, in: "WisdomTree Japan KK said").map(\.0) == [2])
        #expect(found(patterns, in: "WisdomTree Japan K said").map(\.1) == ["Japan"])
        let text = "US Trade Representative Robert Lighthizer spoke; Robert Lighthizer and the US agreed."
        #expect(found(patterns, in: text).map(\.1)
            == ["US Trade Representative Robert Lighthizer", "Robert Lighthizer", "US"])
        #expect(found(patterns, in: text).map(\.0) == [5, 5, 4])
    }

    @Test func failedLongerCandidateDoesNotHideShorterOne() {
        let korea = [EntityPattern(entity: 0, text: "Korea")]
        #expect(found(korea, in: "Korean Peninsula").isEmpty)
        let both = korea + [EntityPattern(entity: 1, text: "Korean")]
        #expect(found(both, in: "Korean Peninsula").map(\.0) == [1])
        let partial = [EntityPattern(entity: 0, text: "Trump"), EntityPattern(entity: 1, text: "Trump Tow")]
        #expect(found(partial, in: "Trump Tower").map(\.1) == ["Trump"])
        let nested = [EntityPattern(entity: 0, text: "New York"), EntityPattern(entity: 1, text: "York Times")]
        #expect(found(nested, in: "New York Times, York Times").map(\.0) == [0, 1])
        // "York Times" loses to the earlier "New York", which frees the shorter "Times".
        let times = nested + [EntityPattern(entity: 2, text: "Times")]
        #expect(found(times, in: "New York Times").map(\.1) == ["New York", "Times"])
    }

    @Test func possessivesStopAtTheApostrophe() {
        let patterns = [EntityPattern(entity: 0, text: "Trump"), EntityPattern(entity: 1, text: "Abe")]
        #expect(found(patterns, in: "Trump's tariffs and Abe’s third term").map(\.1) == ["Trump", "Abe"])
    }

    @Test func hyphenatedCompoundsLinkEachPart() {
        let patterns = [
            EntityPattern(entity: 4, text: "US"), EntityPattern(entity: 6, text: "North Korea"),
            EntityPattern(entity: 0, text: "Trump"), EntityPattern(entity: 1, text: "Abe"),
        ]
        #expect(found(patterns, in: "US-North Korea summit").map(\.0) == [4, 6])
        #expect(found(patterns, in: "Trump-Abe meetings").map(\.1) == ["Trump", "Abe"])
    }

    @Test func caseSensitiveByDefault() {
        #expect(surfaces("US", in: "us Us uS US") == ["US"])
        #expect(surfaces("Zürich", in: "ZÜRICH zürich").isEmpty)
    }

    @Test func caseInsensitivePatternsFoldAsciiAndLatin() {
        #expect(surfaces("korus", in: "KORUS, Korus and korus", caseInsensitive: true) == ["KORUS", "Korus", "korus"])
        #expect(surfaces("zürich", in: "ZÜRICH Zürich", caseInsensitive: true) == ["ZÜRICH", "Zürich"])
        #expect(surfaces("Łódź", in: "ŁÓDŹ łódź", caseInsensitive: true) == ["ŁÓDŹ", "łódź"])
        #expect(surfaces("ΑΘΗΝΑ", in: "Αθηνα", caseInsensitive: true) == ["Αθηνα"])
        let matches = EntityMatcher(patterns: [EntityPattern(entity: 0, text: "straße", caseInsensitive: true)])
            .matches(in: "Die STRAßE")
        #expect(matches == [EntityMatch(entity: 0, range: 4..<11)])
    }

    @Test func bothKindsCompeteUnderLeftmostLongest() {
        let patterns = [
            EntityPattern(entity: 0, text: "korus", caseInsensitive: true),
            EntityPattern(entity: 1, text: "KORUS FTA"),
            EntityPattern(entity: 2, text: "FTA"),
        ]
        #expect(found(patterns, in: "the KORUS FTA, the Korus FTA").map(\.0) == [1, 0, 2])
    }

    @Test func identicalTextKeepsTheFirstEntity() {
        let patterns = [
            EntityPattern(entity: 7, text: "Abe"), EntityPattern(entity: 8, text: "Abe"),
            EntityPattern(entity: 9, text: "abe", caseInsensitive: true),
            EntityPattern(entity: 10, text: "ABE", caseInsensitive: true),
        ]
        #expect(found(patterns, in: "Abe ABE abe").map(\.0) == [7, 9, 9])
    }

    @Test func emptyAndWhitespacePatternsAreIgnored() {
        let blank = EntityMatcher(patterns: ["", " ", "\t\n", "\u{3000}"].map { EntityPattern(entity: 0, text: $0) })
        #expect(blank.matches(in: "  some text  ").isEmpty)
        #expect(EntityMatcher(patterns: []).matches(in: "anything").isEmpty)
        #expect(surfaces(" Abe ", in: "Abe said") == ["Abe"])
    }

    @Test func neverCrashesOnOddInput() {
        let matcher = EntityMatcher(patterns: [
            EntityPattern(entity: 0, text: "Abe"), EntityPattern(entity: 1, text: "é"),
            EntityPattern(entity: 2, text: "👍🏽", caseInsensitive: true),
        ])
        #expect(matcher.matches(in: "").isEmpty)
        #expect(matcher.matches(in: "👍🏽 Abe 👨‍👩‍👧 é\u{301} é").map(\.entity) == [2, 0, 1])
        let invalid: [[UInt8]] = [
            [0xFF, 0x41, 0x62, 0x65], [0x41, 0x62, 0x65, 0x80], [0xC3], [0xC3, 0xA9, 0xA9],
            [0xE2, 0x80], [0x80, 0x80, 0x80, 0x80, 0x41, 0x62, 0x65], [0xF4, 0x90, 0x80, 0x80],
        ]
        for bytes in invalid {
            _ = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
        }
        #expect(matcher.matches(inUTF8: UnsafeBufferPointer(start: nil, count: 0)).isEmpty)
        var rng = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let bytes = (0..<64).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let result = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
            #expect(zip(result, result.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
        }
    }

    @Test func repetitiveNamesStayLinear() {
        let patterns = (1...30).map { EntityPattern(entity: $0, text: Array(repeating: "a", count: $0).joined(separator: " ")) }
        let text = String(repeating: "a ", count: 3_000)
        let result = EntityMatcher(patterns: patterns).matches(in: text)
        #expect(result.count == 100)
        #expect(result.allSatisfy { $0.entity == 30 && $0.range.count == 59 })
        #expect(result.first?.range == 0..<59 && result.last?.range == 5_940..<5_999)
    }

    @Test func scansAMegabyte() {
        let unit = "Abe met Trump’s team at Trump Tower in Zürich; Korean talks. "
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        let matcher = EntityMatcher(patterns: [
            EntityPattern(entity: 0, text: "Abe"), EntityPattern(entity: 1, text: "Trump Tower"),
            EntityPattern(entity: 2, text: "Trump"), EntityPattern(entity: 3, text: "zürich", caseInsensitive: true),
        ])
        let result = matcher.matches(in: text)
        #expect(result.count == 4 * (1_000_000 / unit.utf8.count + 1))
        var copy = text
        #expect(copy.withUTF8 { matcher.matches(inUTF8: $0) } == result)
    }

    @Test func oneMatcherServesConcurrentScans() async {
        let matcher = EntityMatcher(patterns: [EntityPattern(entity: 0, text: "Abe"), EntityPattern(entity: 1, text: "US")])
        let counts = await withTaskGroup(of: Int.self) { group in
            for n in 1...8 { group.addTask { matcher.matches(in: String(repeating: "Abe and the US. ", count: n)).count } }
            return await group.reduce(0, +)
        }
        #expect(counts == 2 * (1...8).reduce(0, +))
    }

    /// Random texts from a small vocabulary, checked against a direct implementation of the rules.
    @Test func agreesWithReferenceImplementation() {
        let words = ["Abe", "abe", "Abel", "US", "us", "Korea", "Korean", "North", "Trump", "Tower",
                     "Zürich", "ZÜRICH", "Mü", "Müller", "ab", "b", "e\u{301}", "東京"]
        let separators = [" ", " ", "-", "'s ", "’", ", ", "", "\u{301}", "—"]
        var rng = SplitMix64(seed: 7)
        var withMatches = 0
        for _ in 0..<400 {
            var patterns: [EntityPattern] = []
            for entity in 0..<Int(rng.next() % 6 + 1) {
                let count = Int(rng.next() % 3) + 1
                let text = (0..<count).map { _ in words[Int(rng.next() % UInt64(words.count))] }
                    .joined(separator: rng.next() % 3 == 0 ? "-" : " ")
                patterns.append(EntityPattern(entity: entity, text: text, caseInsensitive: rng.next() % 3 == 0))
            }
            var text = ""
            for _ in 0..<Int(rng.next() % 25) {
                text += words[Int(rng.next() % UInt64(words.count))]
                text += separators[Int(rng.next() % UInt64(separators.count))]
            }
            let actual = EntityMatcher(patterns: patterns).matches(in: text)
            let expected = referenceMatches(patterns, Array(text.utf8))
            #expect(actual == expected, "\(patterns.map(\.text)) in \(text)")
            if !expected.isEmpty { withMatches += 1 }
        }
        #expect(withMatches > 100)
    }

    /// More than 64 distinct pattern bytes: classes still fit a byte and rows stay exact.
    @Test func manyDistinctBytesAgreeWithReference() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ÄÖÜäöüßΩжй-'")
        var rng = SplitMix64(seed: 11)
        func word() -> String { String((0..<Int(rng.next() % 3 + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        for _ in 0..<30 {
            let patterns = (0..<60).map { EntityPattern(entity: $0, text: word() + (rng.next() % 2 == 0 ? " " + word() : ""),
                                                        caseInsensitive: rng.next() % 4 == 0) }
            let text = (0..<200).map { _ in word() }.joined(separator: rng.next() % 2 == 0 ? " " : ", ")
            #expect(EntityMatcher(patterns: patterns).matches(in: text) == referenceMatches(patterns, Array(text.utf8)))
        }
    }

    /// A deep branch compares its children's classes eight at a time, so one with dozens of
    /// children (ASCII and multi-byte) must find each of them, and nothing else.
    @Test func wideDeepBranchesFindEveryChild() {
        let tails = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ÄÖÜäöüßΩжй")
        let patterns = tails.enumerated().map { EntityPattern(entity: $0, text: "Prefix \($1)") }
            + [EntityPattern(entity: 99, text: "Prefix", caseInsensitive: true)]
        let matcher = EntityMatcher(patterns: patterns)
        #expect(matcher.exact?.widestBranch == Set(tails.map { String($0).utf8.first! }).count)  // one per lead byte
        let text = tails.map { "Prefix \($0), PREFIX \($0)\($0) prefix." }.joined(separator: " ") + " Prefix ẞ Prefix"
        #expect(matcher.matches(in: text) == referenceMatches(patterns, Array(text.utf8)))
        #expect(matcher.matches(in: text).filter { $0.entity < 99 }.count == tails.count)
    }

    /// Entities, orders and lengths too large for a packed record still come back exactly.
    @Test func largeValuesSurviveTheRecord() {
        let long = String(repeating: "Ka", count: 200)
        let patterns = [
            EntityPattern(entity: Int.max, text: "Abe"), EntityPattern(entity: Int.min, text: "Trump"),
            EntityPattern(entity: -1, text: "US"), EntityPattern(entity: 1 << 40, text: long),
            EntityPattern(entity: 5, text: long + " Tower"),
        ]
        let text = "Abe, Trump and the US; \(long) and \(long) Tower."
        let result = EntityMatcher(patterns: patterns).matches(in: text)
        #expect(result.map(\.entity) == [Int.max, Int.min, -1, 1 << 40, 5])
        #expect(result == referenceMatches(patterns, Array(text.utf8)))
    }

    /// A branch whose subtree outgrows 16-bit offsets reaches its children by 32-bit ones.
    @Test func farChildrenOfALargeSubtree() {
        let filler = String(repeating: "x", count: 200)
        let patterns = (0..<400).map { EntityPattern(entity: $0, text: "Holding \($0 % 10) \($0) \(filler)") }
            + [EntityPattern(entity: 400, text: "Holding 9 end"), EntityPattern(entity: 401, text: "Holding")]
        let matcher = EntityMatcher(patterns: patterns)
        #expect((matcher.exact?.codeBytes ?? 0) > 65_536 && (matcher.exact?.wideBranches ?? 0) > 0)
        let text = "Holding 9 end, Holding 9 399 \(filler) and Holding 0 0 \(filler); Holding 5 12 \(filler) Holding."
        #expect(matcher.matches(in: text).map(\.entity) == [400, 399, 0, 401, 401])
        #expect(matcher.matches(in: text) == referenceMatches(patterns, Array(text.utf8)))
    }

    /// An exact and a case-insensitive pattern for the same text: the one listed first wins, in
    /// either order, while other patterns need no order at all.
    @Test func tiesBetweenTheMachinesFollowPatternOrder() {
        let first = [EntityPattern(entity: 1, text: "NATO"), EntityPattern(entity: 2, text: "nato", caseInsensitive: true),
                     EntityPattern(entity: 3, text: "Oslo")]
        #expect(found(first, in: "NATO in Oslo, Nato").map(\.0) == [1, 3, 2])
        let second = [EntityPattern(entity: 2, text: "nato", caseInsensitive: true), EntityPattern(entity: 1, text: "NATO")]
        #expect(found(second, in: "NATO, Nato").map(\.0) == [2, 2])
    }

    /// A registry shaped like a real one (names sharing words, aliases that are suffixes of
    /// other names), large enough that most states are deep, against the reference.
    @Test func largeRegistryAgreesWithReference() {
        let syllables = ["ka", "ri", "to", "mel", "van", "dor", "sel", "lo", "mar", "ten", "é", "ü"]
        var rng = SplitMix64(seed: 23)
        func word() -> String {
            let joined = (0..<Int(rng.next() % 2 + 2)).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
            return joined.prefix(1).uppercased() + joined.dropFirst()
        }
        var patterns: [EntityPattern] = []
        for entity in 0..<200 {
            let first = word(), second = word()
            for name in ["\(first) \(second)", second, "North \(first) \(second)", "\(first.prefix(1)). \(second)"]
            where rng.next() % 3 != 0 {
                patterns.append(EntityPattern(entity: entity, text: name, caseInsensitive: rng.next() % 5 == 0))
            }
        }
        var text = ""
        for _ in 0..<300 {
            text += rng.next() % 3 == 0 ? patterns[Int(rng.next() % UInt64(patterns.count))].text : word()
            text += [" ", ", ", "'s ", "’s ", ". ", "-"][Int(rng.next() % 6)]
        }
        let result = EntityMatcher(patterns: patterns).matches(in: text)
        #expect(result.count > 50)
        #expect(result == referenceMatches(patterns, Array(text.utf8)))
    }

    /// Failing mid-name into another name's prefix, shallow (a row) or deep (another node).
    @Test func failuresLeadIntoOtherNames() {
        let patterns = [
            EntityPattern(entity: 0, text: "New York Times"), EntityPattern(entity: 1, text: "Yogi"),
            EntityPattern(entity: 2, text: "Kavan Dortra"), EntityPattern(entity: 3, text: "Dortmund"),
            EntityPattern(entity: 4, text: "North Kavan Dortra"), EntityPattern(entity: 5, text: "Dortra Holdings"),
        ]
        #expect(found(patterns, in: "New Yogi").map(\.0) == [1])
        #expect(found(patterns, in: "Kavan Dortmund").map(\.0) == [3])
        #expect(found(patterns, in: "North Kavan Dortra Holdings").map(\.0) == [4])
        #expect(found(patterns, in: "Kavan Dortra Holdings; Kavan Dortra said").map(\.0) == [2, 2])
        #expect(found(patterns, in: "North Kavan Dortmund").map(\.0) == [3])
    }

    func referenceMatches(_ patterns: [EntityPattern], _ text: [UInt8]) -> [EntityMatch] {
        func isWord(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
                 .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                return true
            default:
                return false
            }
        }
        func fold(_ bytes: some Sequence<UInt8>) -> String {
            String(decoding: Array(bytes), as: UTF8.self).lowercased()
        }
        var result: [EntityMatch] = []
        var position = 0
        while position < text.count {
            var best: EntityMatch?
            for pattern in patterns {
                let raw = Array(pattern.text.utf8)
                let end = position + raw.count
                guard !raw.isEmpty, end <= text.count, best.map({ $0.range.upperBound < end }) ?? true else { continue }
                let same = pattern.caseInsensitive
                    ? fold(text[position..<end]) == fold(raw) : Array(text[position..<end]) == raw
                guard same else { continue }
                let before = String(decoding: text[..<position], as: UTF8.self).unicodeScalars.last
                let after = String(decoding: text[end...], as: UTF8.self).unicodeScalars.first
                if !isWord(before), !isWord(after) {
                    best = EntityMatch(entity: pattern.entity, range: position..<end)
                }
            }
            if let best { result.append(best); position = best.range.upperBound } else { position += 1 }
        }
        return result
    }
}
