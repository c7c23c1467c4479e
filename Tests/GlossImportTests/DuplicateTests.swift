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

    /// Articles are written a chunk at a time while the next chunk is made (`ImportWriting`): order,
    /// problems and duplicates must come out as if the batch were one piece.
    @Test func aBatchOfManyChunksIsWrittenInInputOrder() {
        let scratch = Scratch()
        defer { scratch.remove() }
        // 300 texts of 40 words drawn from 400, each in its own order (a fixed generator): no two alike.
        var random = SplitMix64(seed: 7)
        var rows = (0..<300).map { row in ("Story \(row)", (0..<40).map { _ in "w\(random.below(400))" }.joined(separator: " ") + ".") }
        rows[250].1 = rows[5].1.replacingOccurrences(of: ".", with: " today.")  // a near-duplicate two chunks later
        let broken = scratch.write("a-broken.jsonl", "{\"title\": \"x\"\n")
        let batch = scratch.write("batch.jsonl", jsonl(rows))
        let report = scratch.importFiles([batch, broken])
        #expect(report.articles.map(\.title) == rows.indices.filter { $0 != 250 }.map { "Story \($0)" })
        #expect(report.problems.count == 2 && report.problems.first?.file == broken)
        #expect(report.problems.last?.message.contains("near-duplicate of ") == true && report.problems.last?.line == 251)
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
