import Foundation
import Testing
@testable import GlossImport

/// A quick version of `make bench-import`: a few pages of the evaluation set (tuned part), each
/// scored against its expected text with 4-word shingles. The full set, held-out part and
/// trafilatura alongside, is in `make bench-import`.
@Suite struct ExtractionQualityTests {
    static let folder = Fixtures.repoRoot + "/Tests/ImportEval/pages/"
    /// Layouts that once broke: a story split by adverts (nytimes-2), a class that only says
    /// "print" (infobae), "no_caption" (buzzfeed), CJK text (chinese_article), a BBC story with captions.
    static let pages = ["readability-bbc-1", "readability-nytimes-2", "readability-php-infobae", "readability-buzzfeed-1",
                        "newspaper4k-chinese_article", "readability-folha"]

    /// Precision, recall and F1 of `extracted` against `expected`, on multisets of 4-word shingles.
    static func score(_ extracted: String, _ expected: String) -> (precision: Double, recall: Double, f1: Double) {
        func shingles(_ text: String) -> [String: Int] {
            let words = LineShape.tokenize(text)
            let n = max(1, min(4, words.count))
            var counts: [String: Int] = [:]
            if words.count >= n { for start in 0...(words.count - n) { counts[words[start..<(start + n)].joined(separator: " "), default: 0] += 1 } }
            return counts
        }
        let got = shingles(extracted), want = shingles(expected)
        let shared = got.reduce(0) { $0 + min($1.value, want[$1.key] ?? 0) }
        guard shared > 0 else { return (0, 0, 0) }
        let precision = Double(shared) / Double(got.values.reduce(0, +)), recall = Double(shared) / Double(want.values.reduce(0, +))
        return (precision, recall, 2 * precision * recall / (precision + recall))
    }

    @Test func pagesOfTheEvaluationSetKeepTheirArticleText() throws {
        var scores: [Double] = []
        for name in Self.pages {
            let bytes = try #require(FileManager.default.contents(atPath: Self.folder + name + "/source.html"))
            let expected = String(decoding: try #require(FileManager.default.contents(atPath: Self.folder + name + "/expected.txt")), as: UTF8.self)
            var record = ImportRecord(input: name, line: 1, text: "", format: .htmlPage)
            record.page = [UInt8](bytes)
            guard case .success(let article) = ArticleBuilder.build(record, .init(today: "2024-01-01")) else {
                Issue.record("\(name): no article")
                continue
            }
            let score = Self.score(article.plainText, expected)
            #expect(score.f1 >= 0.9, "\(name): precision \(score.precision), recall \(score.recall)")
            scores.append(score.f1)
        }
        #expect(scores.reduce(0, +) / Double(max(scores.count, 1)) >= 0.95)
    }

    @Test func theScoreItselfCanFail() {
        #expect(Self.score("one two three four five", "one two three four five").f1 == 1)
        #expect(Self.score("", "one two three four").f1 == 0)
        #expect(Self.score("one two three four nine ten eleven", "one two three four five").precision < 0.5)
    }
}
