import Foundation
import GlossContent
import Testing
@testable import GlossImport

/// Nothing lost: only text decides what is a duplicate, never a title.
@Suite struct DuplicateTests {
    static let first = "Mayor Robert Lindqvist opened the new ferry terminal in the harbour town on Wednesday, promising faster crossings to the islands before the summer season. He said travellers had waited too long for a building with heating and a ticket office."
    static let second = "The former harbour master faced questions from reporters about costs and delays as the opening of the terminal was overshadowed by a strike. Ferry officials said more than a hundred people had applied for jobs at the terminal in the coming months."

    func jsonl(_ rows: [(String, String)]) -> String {
        rows.map { title, text in
            let escape = { (value: String) in value.replacingOccurrences(of: "\"", with: "\\\"") }
            return "{\"title\": \"\(escape(title))\", \"text\": \"\(escape(text))\", \"date\": \"2005-02-02\"}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func twoStoriesUnderOneHeadlineAreBothWritten() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("batch.jsonl", jsonl([("Harbour town opens ferry terminal", Self.first), ("Harbour town opens ferry terminal", Self.second)]))])
        #expect(report.written == 2 && report.rejected == 0)
        #expect(report.articles.map { ($0.path as NSString).lastPathComponent } == ["harbour-town-opens-ferry-terminal.md", "harbour-town-opens-ferry-terminal-2.md"])
    }

    @Test func nearDuplicatesAreSkippedAndReportedUnlessKept() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let long = Self.first + " " + Self.second + " " + Self.first.replacingOccurrences(of: "Robert", with: "Mr")
        let copy = long.replacingOccurrences(of: "Wednesday", with: "Wednesday morning")
        let input = scratch.write("batch.jsonl", jsonl([("Harbour terminal opens", long), ("The harbour's new terminal", copy), ("Another story", Self.second)]))
        let report = scratch.importFiles([input])
        #expect(report.written == 2 && report.rejected == 1)
        let warning = report.problems.first?.message ?? ""
        #expect(warning.hasPrefix("not written: near-duplicate of ") && warning.contains("harbour-terminal-opens.md") && warning.contains("--keep-duplicates"), "\(warning)")
        let kept = scratch.importFiles([input]) { $0.keepDuplicates = true }
        #expect(kept.written == 3)
    }

    @Test func reimportingTheSameTextIsSkippedButANewStoryWithAnOldHeadlineIsWritten() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = scratch.importFiles([scratch.write("one.jsonl", jsonl([("Harbour town opens ferry terminal", Self.first)]))], dryRun: false)
        let again = scratch.importFiles([scratch.write("two.jsonl", jsonl([("Harbour town opens ferry terminal", Self.first)]))], dryRun: false)
        #expect(again.written == 0 && again.problems.first?.message.contains("already imported") == true)
        let other = scratch.importFiles([scratch.write("three.jsonl", jsonl([("Harbour town opens ferry terminal", Self.second)]))], dryRun: false)
        #expect(other.articles.map { ($0.path as NSString).lastPathComponent } == ["harbour-town-opens-ferry-terminal-2.md"])
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
