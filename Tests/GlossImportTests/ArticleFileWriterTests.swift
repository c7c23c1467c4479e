import Foundation
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossImport

@Suite struct ArticleFileWriterTests {
    @Test func slugsAreCutAtAWordBoundary() {
        #expect(ArticleFileWriter.slug(for: Fixtures.seedTitle) == "abe-and-trump-prepare-new-round-of-trade-talks-after-trump")
        #expect(ArticleFileWriter.slug(for: "Zürich: Talks Resume!") == "zurich-talks-resume")
        #expect(ArticleFileWriter.slug(for: "???") == "article")
        #expect(ArticleFileWriter.slug(for: String(repeating: "a", count: 90)).count == 60)
    }

    func csv(_ rows: [(String, String)]) -> String {
        "title,text,date\n" + rows.map { "\($0.0),Text of \($0.0) on \($0.1).,\($0.1)" }.joined(separator: "\n") + "\n"
    }

    @Test func sameTitlesGetNumberedAndExactDuplicatesAreSkipped() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.write("b.csv", csv([("Markets Wrap", "2018-09-23"), ("Markets Wrap", "2018-09-24"), ("Markets Wrap", "2018-09-25"), ("Markets Wrap", "2018-09-23")]))
        let report = scratch.importFiles([input], dryRun: false)
        #expect(report.articles.map { ($0.path as NSString).lastPathComponent } == ["markets-wrap.md", "markets-wrap-2.md", "markets-wrap-3.md"])
        #expect(report.problems.count == 1 && report.problems[0].severity == .warning && report.problems[0].message.contains("duplicate"))
        #expect(!report.hasErrors)
        #expect(report.recordsIn == report.written + report.rejected)
        #expect(scratch.exists("articles/markets-wrap-3.md"))
    }

    @Test func reimportNeverOverwritesWithoutForce() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.write("a.txt", "Abe and Trump met in New York on Sunday.\n")
        func run(_ force: Bool, date: String) -> ImportReport {
            scratch.importFiles([input], dryRun: false) { $0.title = "Abe Meets Trump"; $0.date = date; $0.force = force }
        }
        #expect(run(false, date: "2018-09-23").written == 1)
        let second = run(false, date: "2018-09-24")
        #expect(second.written == 0 && second.problems.first?.message.contains("--force") == true && !second.hasErrors)
        #expect(scratch.read("articles/abe-meets-trump.md")!.contains("2018-09-23"))
        let forced = run(true, date: "2018-09-24")
        #expect(forced.articles.first?.replaced == true)
        #expect(scratch.read("articles/abe-meets-trump.md")!.contains("2018-09-24"))
        #expect(!scratch.exists("articles/abe-meets-trump-2.md"))
    }

    @Test func aDifferentArticleWithTheSameSlugGetsANewName() throws {
        let site = try TestSite(TestSite.minimal + "\n-- content/articles/2017/abe-meets-trump.md --\n---\ntitle: Abe Meets Trump\ndate: 2017-02-10\n---\nOld.")
        defer { site.remove() }
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.write("a.txt", "Abe and Trump met in New York on Sunday.\n")
        let report = ArticleImporter.run([input], options: ImportOptions(into: site.root + "/content/articles/2018", date: "2018-09-23", title: "Abe Meets Trump"))
        #expect(report.articles.first?.path == site.root + "/content/articles/2018/abe-meets-trump-2.md")
        let (_, diagnostics) = SiteLoader.load(from: site.root)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    @Test func dryRunWritesNothing() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([Fixtures.seedPath], dryRun: true) { $0.addEntities = true }
        #expect(report.written == 1 && !scratch.exists("articles"))
        #expect(report.lines().last!.contains("dry run: nothing written"))
        #expect(report.lines().contains("  | author: \"Kristian Rouz\""))
    }

    @Test func frontMatterQuotingSurvivesSiteLoader() throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T")
        defer { site.remove() }
        let nasty = "He said: \"No\" \\ # not a comment, 'yes' & {x: [1]} \u{85}\u{2028}\u{7}\ttab"
        let article = PreparedArticle(input: "x", line: 1, title: nasty, date: "2018-09-23", source: "- dash", url: "https://x.org/?a=1&b=\"2\"",
                                      author: "O'Brien: \"Jr\"", tags: ["a: b", "\"q\"", "c, d"], summary: "yes", related: ["no", "@at"],
                                      body: "Body.", plainText: "Body.", dropped: [])
        try site.write("content/articles/nasty.md", FrontMatterWriter.article(article))
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        // A control character XML forbids (BEL) is the one thing that does not survive: feeds could not carry it.
        #expect(diagnostics.filter { !$0.message.contains("`related`") }.map(\.description)
                == ["content/articles/nasty.md:2:8: warning: text holds control characters (first U+0007); they are removed"], "\(diagnostics)")
        let loaded = try #require(content?.articles.first)
        #expect(loaded.title == nasty.replacingOccurrences(of: "\u{7}", with: ""))
        #expect(loaded.source == "- dash" && loaded.author == "O'Brien: \"Jr\"" && loaded.url == "https://x.org/?a=1&b=\"2\"")
        #expect(loaded.tags == ["a: b", "\"q\"", "c, d"] && loaded.summary == "yes")
        #expect(loaded.body.trimmingCharacters(in: .whitespacesAndNewlines) == "Body.")
    }

    @Test func titleFlagNeedsASinglePage() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("a.txt", "One text.\n"), scratch.write("b.txt", "Two text.\n")]) { $0.title = "T" }
        #expect(report.hasErrors && report.written == 0 && report.problems.first?.file == "--title")
        let badDate = scratch.importFiles([scratch.write("c.txt", "Three.\n")]) { $0.date = "soon" }
        #expect(badDate.hasErrors && badDate.problems.first?.file == "--date")
    }
}
