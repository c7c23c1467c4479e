import Foundation
import GlossContent
import Testing
@testable import GlossImport

/// Nothing lost: only text decides what is a duplicate, never a title.
@Suite struct DuplicateTests {
    static let first = "Robert Kilroy-Silk launched his new party, Veritas, in London on Wednesday, promising to shake up British politics before the general election. He said voters had been let down by the main parties on immigration and Europe."
    static let second = "The former television presenter faced questions from reporters about funding and candidates as the launch of Veritas was overshadowed by defections. Party officials said more than a hundred people had applied to stand for the party in the coming months."

    func jsonl(_ rows: [(String, String)]) -> String {
        rows.map { title, text in
            let escape = { (value: String) in value.replacingOccurrences(of: "\"", with: "\\\"") }
            return "{\"title\": \"\(escape(title))\", \"text\": \"\(escape(text))\", \"date\": \"2005-02-02\"}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func twoStoriesUnderOneHeadlineAreBothWritten() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("batch.jsonl", jsonl([("Kilroy launches 'Veritas' party", Self.first), ("Kilroy launches 'Veritas' party", Self.second)]))])
        #expect(report.written == 2 && report.rejected == 0)
        #expect(report.articles.map { ($0.path as NSString).lastPathComponent } == ["kilroy-launches-veritas-party.md", "kilroy-launches-veritas-party-2.md"])
    }

    @Test func nearDuplicatesAreSkippedAndReportedUnlessKept() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let long = Self.first + " " + Self.second + " " + Self.first.replacingOccurrences(of: "Robert", with: "Mr")
        let copy = long.replacingOccurrences(of: "Wednesday", with: "Wednesday morning")
        let input = scratch.write("batch.jsonl", jsonl([("Kilroy launches party", long), ("Kilroy's new party", copy), ("Another story", Self.second)]))
        let report = scratch.importFiles([input])
        #expect(report.written == 2 && report.rejected == 1)
        let warning = report.problems.first?.message ?? ""
        #expect(warning.hasPrefix("not written: near-duplicate of ") && warning.contains("kilroy-launches-party.md") && warning.contains("--keep-duplicates"), "\(warning)")
        let kept = scratch.importFiles([input]) { $0.keepDuplicates = true }
        #expect(kept.written == 3)
    }

    @Test func reimportingTheSameTextIsSkippedButANewStoryWithAnOldHeadlineIsWritten() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = scratch.importFiles([scratch.write("one.jsonl", jsonl([("Kilroy launches 'Veritas' party", Self.first)]))], dryRun: false)
        let again = scratch.importFiles([scratch.write("two.jsonl", jsonl([("Kilroy launches 'Veritas' party", Self.first)]))], dryRun: false)
        #expect(again.written == 0 && again.problems.first?.message.contains("already imported") == true)
        let other = scratch.importFiles([scratch.write("three.jsonl", jsonl([("Kilroy launches 'Veritas' party", Self.second)]))], dryRun: false)
        #expect(other.articles.map { ($0.path as NSString).lastPathComponent } == ["kilroy-launches-veritas-party-2.md"])
    }

    @Test func theDetectorFindsCandidatesWithoutComparingEveryPair() {
        var detector = DuplicateDetector()
        let words = (0..<400).map { "w\($0)" }
        var random = SplitMix64(seed: 14)
        for index in 0..<200 {
            var shuffled = words
            for position in shuffled.indices.reversed() { shuffled.swapAt(position, random.below(position + 1)) }
            detector.add(TextShingles(shuffled.joined(separator: " ")), label: "a\(index)")
        }
        let text = words.joined(separator: " ")
        detector.add(TextShingles(text), label: "original")
        var edited = words
        edited[200] = "changed"
        #expect(detector.find(TextShingles(edited.joined(separator: " ")))?.earlier == "original")
        #expect(detector.find(TextShingles(words.reversed().joined(separator: " "))) == nil)
    }
}
