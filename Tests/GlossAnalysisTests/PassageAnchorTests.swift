import Foundation
import Testing
@testable import GlossAnalysis

/// A Reuters-style article as blocks, the way a reader sees it (curly quotes, an apostrophe, a dash).
private let article = [
    "TOKYO (Reuters) – Japanese Prime Minister Shinzo Abe met U.S. President Donald Trump on Monday.",
    "“We had a very constructive discussion on trade and investment between Japan and the United States,” Abe said.",
    "Abe arrived in New York to take part in this week’s meetings of the UN General Assembly.",
    "“The alliance between our two countries is stronger than ever,” Abe said.",
]

/// The original text an anchor covers, decoded from its UTF-8 byte range.
private func text(_ anchor: TextAnchor, _ blocks: [String]) -> String {
    String(decoding: Array(blocks[anchor.block].utf8)[anchor.range], as: UTF8.self)
}

private func exactAnchor(_ result: AnchorResult) -> TextAnchor? {
    if case .exact(let anchor) = result { return anchor }
    return nil
}

/// Plain O(n·m) Levenshtein distance, the reference for the bit-parallel one.
private func levenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
    var row = Array(0 ... b.count)
    for i in 1 ... max(a.count, 1) where !a.isEmpty {
        var diagonal = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let above = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
            diagonal = above
        }
    }
    return row[b.count]
}

private func units(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite("PassageAnchor")
struct PassageAnchorTests {
    // Rule 1: typographic variants the editor cannot see are ignored.

    @Test func straightApostropheMatchesCurly() throws {
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: "this week's meetings of the UN"), in: article)
        let anchor = try #require(exactAnchor(result))
        #expect(anchor.block == 2)
        #expect(text(anchor, article) == "this week’s meetings of the UN")
    }

    @Test func straightQuotesMatchCurlyQuotes() throws {
        let quote = "\"We had a very constructive discussion on trade and investment between Japan and the United States,\""
        let anchor = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: article)))
        #expect(anchor.block == 1)
        #expect(text(anchor, article).hasPrefix("“We had"))
        #expect(text(anchor, article).hasSuffix("States,”"))
    }

    @Test func whiteSpaceInQuoteAndTextIsCollapsed() throws {
        let quote = "  very constructive  discussion\n on\ttrade \n"
        let anchor = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: article)))
        #expect(text(anchor, article) == "very constructive discussion on trade")

        let blocks = ["Abe arrived in\u{00A0}New York\n    to take part in this week’s meetings."]
        let selector = TextQuoteSelector(exact: "Abe arrived in New York to take part")
        let wrapped = try #require(exactAnchor(PassageAnchor.anchor(selector, in: blocks)))
        #expect(text(wrapped, blocks) == "Abe arrived in\u{00A0}New York\n    to take part")
    }

    @Test func dashVariantsMatch() throws {
        let blocks = ["The yen – trading near a two-month low — weakened to 112.5 per dollar, a −0.3% move."]
        for quote in ["yen - trading near a two-month low - weakened", "yen — trading near a two–month low – weakened"] {
            let anchor = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: blocks)))
            #expect(text(anchor, blocks) == "yen – trading near a two-month low — weakened")
        }
        let minus = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "a -0.3% move"), in: blocks)))
        #expect(text(minus, blocks) == "a −0.3% move")
        // The first block's "TOKYO (Reuters) –" uses an en dash.
        let dateline = PassageAnchor.anchor(TextQuoteSelector(exact: "(Reuters) - Japanese"), in: article)
        #expect(exactAnchor(dateline).map { text($0, article) } == "(Reuters) – Japanese")
    }

    @Test func ellipsisMatchesThreeDots() throws {
        let blocks = ["Abe said the talks were… constructive, and Trump agreed... mostly."]
        let a = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "were... constructive"), in: blocks)))
        #expect(text(a, blocks) == "were… constructive")
        let b = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "agreed… mostly"), in: blocks)))
        #expect(text(b, blocks) == "agreed... mostly")
    }

    @Test func invisibleCharactersAndDecomposedAccentsAreIgnored() throws {
        let blocks = ["Le pre\u{301}sident a de\u{301}clare\u{301} que les discus\u{00AD}sions e\u{301}taient utiles."]
        let anchor = try #require(exactAnchor(
            PassageAnchor.anchor(TextQuoteSelector(exact: "président a déclaré que les discussions"), in: blocks)))
        let found = text(anchor, blocks)
        #expect(Array(found.utf8) == Array("pre\u{301}sident a de\u{301}clare\u{301} que les discus\u{00AD}sions".utf8))
    }

    // Rule 2: exact matches, disambiguated by occurrence, prefix or suffix.

    @Test func repeatedQuoteWithoutContextIsAmbiguous() {
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said."), in: article)
        guard case .ambiguous(let anchors) = result else {
            Issue.record("expected ambiguous, got \(result)")
            return
        }
        #expect(anchors.map(\.block) == [1, 3])
        #expect(anchors.allSatisfy { text($0, article) == "Abe said." })
    }

    @Test func occurrencePicksTheNthAcrossTheArticle() throws {
        let second = try #require(exactAnchor(
            PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said.", occurrence: 2), in: article)))
        #expect(second.block == 3)
        let first = try #require(exactAnchor(
            PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said.", occurrence: 1), in: article)))
        #expect(first.block == 1)
        let outOfRange = PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said.", occurrence: 3), in: article)
        guard case .ambiguous(let anchors) = outOfRange else {
            Issue.record("expected ambiguous, got \(outOfRange)")
            return
        }
        #expect(anchors.count == 2)
    }

    @Test func prefixOrSuffixDisambiguates() throws {
        let byPrefix = PassageAnchor.anchor(
            TextQuoteSelector(exact: "Abe said.", prefix: "stronger than ever,\" "), in: article)
        #expect(exactAnchor(byPrefix)?.block == 3)
        // The suffix crosses into the next block.
        let bySuffix = PassageAnchor.anchor(
            TextQuoteSelector(exact: "Abe said.", suffix: " Abe arrived in New York"), in: article)
        #expect(exactAnchor(bySuffix)?.block == 1)
        // At the article's end the suffix cannot be checked, so only the first, whose suffix disagrees, is out.
        let atEnd = PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said.", suffix: "Trump said."), in: article)
        #expect(exactAnchor(atEnd)?.block == 3)
    }

    @Test func editedContextPicksTheMostSimilar() throws {
        // Neither prefix matches exactly any more; the one closest to "stronger than before" wins.
        let result = PassageAnchor.anchor(
            TextQuoteSelector(exact: "Abe said.", prefix: "is stronger than before,” "), in: article)
        #expect(exactAnchor(result)?.block == 3)
        // A prefix both occurrences share decides nothing.
        let tie = PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said.", prefix: ",” "), in: article)
        guard case .ambiguous(let anchors) = tie else {
            Issue.record("expected ambiguous, got \(tie)")
            return
        }
        #expect(anchors.map(\.block) == [1, 3])
    }

    // Rule 3: the article was edited after the note was written.

    @Test func oneWordChangedIsApproximate() throws {
        var edited = article
        edited[1] = edited[1].replacingOccurrences(of: "investment", with: "investments")
        let quote = "discussion on trade and investment between Japan and the United States"
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: edited)
        guard case .approximate(let anchor, let distance, let found) = result else {
            Issue.record("expected approximate, got \(result)")
            return
        }
        #expect(anchor.block == 1)
        #expect(distance == 1)
        #expect(found == "discussion on trade and investments between Japan and the United States")
        #expect(text(anchor, edited) == found)
    }

    @Test func replacedWordReportsItsDistance() throws {
        var edited = article
        edited[0] = edited[0].replacingOccurrences(of: "Monday", with: "Tuesday")
        let quote = "Abe met U.S. President Donald Trump on Monday"
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: edited)
        guard case .approximate(let anchor, let distance, let found) = result else {
            Issue.record("expected approximate, got \(result)")
            return
        }
        #expect(found == "Abe met U.S. President Donald Trump on Tuesday")
        #expect(distance == levenshtein(units(quote), units(found)))
        #expect(distance <= quote.count / 4)
        #expect(text(anchor, edited) == found)
    }

    @Test func occurrenceHintsBetweenEqualApproximateMatches() throws {
        let blocks = ["Officials said the talks were constructive.", "Later, aides said the talks were constructive."]
        let result = PassageAnchor.anchor(
            TextQuoteSelector(exact: "the talks were very constructive", occurrence: 2), in: blocks)
        guard case .approximate(let anchor, let distance, let found) = result else {
            Issue.record("expected approximate, got \(result)")
            return
        }
        #expect(anchor.block == 1)
        #expect(distance == 5)
        #expect(found == "the talks were constructive")
    }

    // Rule 4: orphans come with the closest passage.

    @Test func orphanOffersTheClosestPassage() throws {
        let result = PassageAnchor.anchor(
            TextQuoteSelector(exact: "Abe arrived in Boston to attend the G7 summit"), in: article)
        guard case .orphan(let closest) = result else {
            Issue.record("expected orphan, got \(result)")
            return
        }
        let anchor = try #require(closest)
        #expect(anchor.block == 2)
        #expect(text(anchor, article).contains("arrived in"))
        #expect(!PassageAnchor.context(of: anchor, in: article).isEmpty)
    }

    @Test func nothingToCompareIsAnOrphanWithoutSuggestion() {
        #expect(PassageAnchor.anchor(TextQuoteSelector(exact: ""), in: article) == .orphan(closest: nil))
        #expect(PassageAnchor.anchor(TextQuoteSelector(exact: " \n\u{00A0} "), in: article) == .orphan(closest: nil))
        #expect(PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said."), in: []) == .orphan(closest: nil))
        #expect(PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said."), in: ["", "  "]) == .orphan(closest: nil))
    }

    // Rule 5: case-sensitive, but a case change is only a few edits.

    @Test func caseDifferencesAreApproximate() {
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: "abe arrived in new york"), in: article)
        guard case .approximate(_, let distance, let found) = result else {
            Issue.record("expected approximate, got \(result)")
            return
        }
        #expect(distance == 3)
        #expect(found == "Abe arrived in New York")
    }

    // Rule 6: never crash.

    @Test func emojiAndGraphemeClustersStayWhole() throws {
        let blocks = ["Crowds cheered 🎉🇯🇵 as Abe arrived, a family 👨‍👩‍👧 waved."]
        let flag = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "🇯🇵 as Abe"), in: blocks)))
        #expect(text(flag, blocks) == "🇯🇵 as Abe")
        // A lone man is not the family: no match inside the ZWJ sequence, only a whole-cluster suggestion.
        let man = PassageAnchor.anchor(TextQuoteSelector(exact: "👨"), in: blocks)
        guard case .orphan(let closest?) = man else {
            Issue.record("expected orphan with a suggestion, got \(man)")
            return
        }
        #expect(text(closest, blocks) == "👨‍👩‍👧")
        let zalgo = ["He wrote Z̸̢a̵l̷g̶o text."]
        let marks = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "Z̸̢a̵l̷g̶o"), in: zalgo)))
        #expect(text(marks, zalgo) == "Z̸̢a̵l̷g̶o")
    }

    @Test func quoteLongerThanTextDoesNotCrash() {
        let blocks = ["Abe said."]
        let quote = article.joined(separator: " ")
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: blocks)
        if case .exact = result { Issue.record("a longer quote cannot match exactly") }
        let long = String(repeating: "trade and investment ", count: 100) // > 1,000 scalars
        #expect(PassageAnchor.anchor(TextQuoteSelector(exact: long + "x"), in: article) == .orphan(closest: nil))
    }

    @Test func megabyteBlock() throws {
        let filler = String(repeating: "Markets were calm as traders awaited the Fed’s decision. ", count: 18_000)
        let blocks = [filler + "Abe said the yen’s strength was a concern.", "Tail."]
        #expect(blocks[0].utf8.count > 1_000_000)
        let anchor = try #require(exactAnchor(
            PassageAnchor.anchor(TextQuoteSelector(exact: "Abe said the yen's strength"), in: blocks)))
        #expect(text(anchor, blocks) == "Abe said the yen’s strength")
        let result = PassageAnchor.anchor(TextQuoteSelector(exact: "Abe sad the yens strength"), in: blocks)
        guard case .approximate(let near, let distance, _) = result else {
            Issue.record("expected approximate, got \(result)")
            return
        }
        #expect(distance == 2)
        #expect(near.range.lowerBound == anchor.range.lowerBound)
    }

    // Ranges are original UTF-8 bytes and round-trip.

    @Test func rangesRoundTripToOriginalSubstrings() throws {
        let quotes = ["Shinzo Abe", "this week’s meetings", "between Japan and the United States,”", "TOKYO", "Assembly."]
        for quote in quotes {
            let anchor = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: quote), in: article)))
            let block = article[anchor.block]
            let expected = try #require(block.range(of: quote))
            let utf8 = block.utf8
            #expect(anchor.range.lowerBound == utf8.distance(from: utf8.startIndex, to: expected.lowerBound))
            #expect(anchor.range.upperBound == utf8.distance(from: utf8.startIndex, to: expected.upperBound))
            #expect(text(anchor, article) == quote)
        }
    }

    @Test func contextShowsSurroundingWords() throws {
        let anchor = try #require(exactAnchor(
            PassageAnchor.anchor(TextQuoteSelector(exact: "constructive discussion"), in: article)))
        #expect(PassageAnchor.context(of: anchor, in: article, words: 3)
            == "…had a very constructive discussion on trade and…")
        let start = try #require(exactAnchor(PassageAnchor.anchor(TextQuoteSelector(exact: "TOKYO"), in: article)))
        #expect(PassageAnchor.context(of: start, in: article, words: 2) == "TOKYO (Reuters) –…")
        #expect(PassageAnchor.context(of: TextAnchor(block: 9, range: 0 ..< 1), in: article) == "")
    }

    @Test func exactSearchFindsNonOverlappingOccurrences() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 300 {
            let text = (0 ..< Int.random(in: 0 ... 60, using: &generator)).map { _ in UInt32.random(in: 0 ... 1) }
            let pattern = (0 ..< Int.random(in: 1 ... 4, using: &generator)).map { _ in UInt32.random(in: 0 ... 1) }
            var naive: [Int] = []
            var i = 0
            while i + pattern.count <= text.count {
                if Array(text[i ..< i + pattern.count]) == pattern {
                    naive.append(i)
                    i += pattern.count
                } else {
                    i += 1
                }
            }
            #expect(PassageSearch.occurrences(of: pattern, in: text) == naive)
        }
    }

    @Test func bitParallelDistanceAgreesWithDynamicProgramming() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt32] = [0x61, 0x62, 0x63, 0x20, 0xE9]
        for _ in 0 ..< 300 {
            let a = (0 ..< Int.random(in: 0 ... 150, using: &generator)).map { _ in alphabet.randomElement()! }
            let b = (0 ..< Int.random(in: 0 ... 150, using: &generator)).map { _ in alphabet.randomElement()! }
            #expect(PassageSearch.distance(a, b) == levenshtein(a, b))
        }
    }
}
