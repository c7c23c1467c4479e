import Foundation
import Testing
@testable import GlossImport
@testable import GlossBenchmarks

@Suite struct BatchImportTests {
    static let csv = """
    title,text,date,url,source,author,tags
    First Article,"Paragraph one of the first article, with a comma.

    \"\"Quoted,\"\" she said in the second paragraph.",2018-09-23,https://example.org/1,Wire,Jane Doe,trade; Japan
    Second Article,Just one line of text in the second article.,23 September 2018,,,,"a, b"
    Third Article,Text of the third article.,,,,,
    """

    @Test func csvRowsBecomeArticles() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("batch.csv", Self.csv)])
        #expect(report.recordsIn == 3 && report.written == 3 && !report.hasErrors)
        let first = report.articles[0]
        #expect(first.line == 2)
        #expect(first.fileText.contains("tags: [\"trade\", \"Japan\"]") && first.fileText.contains("author: \"Jane Doe\"") && first.fileText.contains("source: \"Wire\""))
        #expect(first.fileText.hasSuffix("\n\nParagraph one of the first article, with a comma.\n\n\"Quoted,\" she said in the second paragraph.\n"))
        #expect(report.articles[1].fileText.contains("date: \"2018-09-23\"") && report.articles[1].fileText.contains("tags: [\"a\", \"b\"]"))
        #expect(report.articles[2].fileText.contains("draft: true"))
    }

    @Test func badCSVQuotingIsReportedWithItsLineAndTheRestGoesOn() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let text = """
        title,text,date
        Good One,Fine text here.,2018-09-23
        Bad One,"Quoted "badly" here.",2018-09-23
        Stray,Has a "quote inside,2018-09-23
        Too Many,a,b,c,d
        Good Two,More fine text.,2018-09-24
        Unterminated,"This quote never closes.,2018-09-25
        """
        let report = scratch.importFiles([scratch.write("bad.csv", text)])
        #expect(report.hasErrors)
        #expect(report.articles.map(\.title) == ["Good One", "Good Two"])
        let problems = report.problems.map { "\($0.line): \($0.message)" }
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].hasPrefix("3: bad CSV quoting: text after a closing quote"))
        #expect(problems[1].hasPrefix("4: bad CSV quoting: quote inside an unquoted field"))
        #expect(problems[2].hasPrefix("5: record has 5 fields but the header has 3"))
        #expect(problems[3].hasPrefix("7: bad CSV quoting: unterminated quoted field"))
        #expect(report.recordsIn == report.written + report.rejected)
    }

    @Test func csvWithoutTextColumnFailsAsAWhole() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("x.csv", "headline,body\nA,B\n")])
        #expect(report.hasErrors && report.problems.first?.message.contains("no `text` column") == true)
    }

    @Test func jsonLinesWithABadLine() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let text = """
        {"title": "One", "text": "Text one.\\n\\nSecond paragraph.", "date": "2018-09-23", "tags": ["trade", "Japan"]}

        {"title": "Two", "text": "Text two.", "tags": "a; b"
        {"title": "Three", "text": "Text three.", "author": "Jane Doe", "date": "Sun, 23 Sep 2018 18:30:00 +0000"}
        {"title": "Four"}
        {"title": "Five", "text": 5}
        [1, 2]
        """
        let report = scratch.importFiles([scratch.write("batch.jsonl", text)])
        #expect(report.articles.map(\.title) == ["One", "Three"])
        #expect(report.articles[0].fileText.hasSuffix("\n\nText one.\n\nSecond paragraph.\n"))
        #expect(report.articles[0].fileText.contains("tags: [\"trade\", \"Japan\"]"))
        let problems = report.problems.map { "\($0.line): \($0.message)" }
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].hasPrefix("3: bad JSON"))
        #expect(problems[1] == "5: no \"text\" key")
        #expect(problems[2].hasPrefix("6: bad JSON: \"text\" has the wrong type"))
        #expect(problems[3].hasPrefix("7: bad JSON"))
        #expect(report.recordsIn == 6 && report.recordsIn == report.written + report.rejected)
    }

    @Test(arguments: [
        ("binary.txt", [0x47, 0x49, 0x46, 0x0A, 0x00, 0x01] as [UInt8], "2: binary file"),
        ("empty.txt", [], "1: empty file"),
        ("blank.txt", Array(" \n\t\n\u{A0}\n".utf8), "1: empty file"),
        ("latin1.txt", Array("caf".utf8) + [0x0A, 0x0A, 0xE9, 0x0A], "3: not UTF-8 text (byte 0xE9"),
        ("batch.jsonl", Array("[{\"text\": \"x\"}]".utf8), "1: a JSON array"),
    ])
    func invalidInputsGetAClearErrorAndTheBatchGoesOn(_ name: String, _ bytes: [UInt8], _ expected: String) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let bad = scratch.write(name, bytes: bytes)
        let good = scratch.write("good.txt", "A perfectly good article paragraph.\n")
        let report = scratch.importFiles([bad, good]) { $0.date = "2018-09-23" }
        #expect(report.hasErrors)
        #expect(report.written == 1)
        let problem = try #require(report.problems.first)
        #expect(problem.file == bad && problem.severity == .error)
        #expect("\(problem.line): \(problem.message)".hasPrefix(expected), "\(problem)")
        #expect(problem.description.hasPrefix("\(bad):\(problem.line):1: error: "))
    }

    @Test func missingFilesAndFoldersOfInputs() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.write("in/a.txt", "First page text.\n")
        scratch.write("in/sub/b.txt", "Second page text.\n")
        scratch.write("in/.hidden.txt", "Hidden.\n")
        let report = scratch.importFiles([scratch.root + "/in", scratch.root + "/nope.txt"]) { $0.date = "2018-09-23" }
        #expect(report.written == 2)
        #expect(report.problems.map(\.message) == ["no such file"])
    }

    @Test func progressIsReportedUpToTheTotal() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let csv = scratch.write("many.csv", ImportBenchmark.generateCSV(articles: 300))
        nonisolated(unsafe) var calls: [(Int, Int)] = []
        let report = ArticleImporter.run([csv], options: ImportOptions(into: scratch.root + "/articles", dryRun: true)) { calls.append(($0, $1)) }
        #expect(report.written == 300)
        #expect(calls.map(\.0) == [128, 256, 300] && calls.allSatisfy { $0.1 == 300 })  // a chunk at a time
    }

    @Test func benchmarkDataImportsCleanly() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("bench.csv", ImportBenchmark.generateCSV(articles: 40))])
        #expect(report.recordsIn == 40 && report.written == 40 && report.rejected == 0)
        let first = try #require(report.articles.first)
        #expect(Set(first.dropped.map(\.rule)) == ["clock", "player", "share", "read-more", "related-headline", "tag-line", "comments"])
        #expect(!first.fileText.contains("Listen Live") && first.fileText.contains("related: ["))
        let result = ImportBenchmark.run(articles: 20)
        #expect(result.seconds > 0 && result.articlesPerSecond > 0)
    }
}
