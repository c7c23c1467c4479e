import Foundation
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossImport

/// A page saved with its files ("Save page, complete"): the story's pictures are copied into the
/// article's page folder, and nothing outside the page's folder is ever read.
@Suite struct SavedPageFilesTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("a saved photo".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47] + Array("a saved chart".utf8)

    /// A saved page in `<scratch>/saved/`: two pictures in its files folder (one linked twice, one
    /// with spaces and capitals in its name), a remote picture, and three addresses that must not
    /// be copied: one above the page's folder, one through a link to outside, one not a picture.
    func savePage(_ scratch: Scratch) -> String {
        scratch.write("saved/Trade talks_files/abe trump (1).JPG", bytes: Self.jpeg)
        scratch.write("saved/Trade talks_files/chart.png", bytes: Self.png)
        scratch.write("saved/Trade talks_files/script.js", "alert(1)")
        scratch.write("secret.jpg", bytes: Self.jpeg)
        try? FileManager.default.createSymbolicLink(atPath: scratch.root + "/saved/Trade talks_files/link.jpg", withDestinationPath: scratch.root + "/secret.jpg")
        let story = PageExtractionTests.story
        let body = """
        <article><p>\(story[0])</p>
        <figure><img src="Trade%20talks_files/abe%20trump%20(1).JPG" alt="Abe and Trump"><figcaption>The leaders in New York.</figcaption></figure>
        <p>\(story[1])</p>
        <img src="./Trade%20talks_files/chart.png?v=2" alt="Tariffs by year">
        <img src="https://cdn.example.org/talks.jpg" alt="Talks">
        <p>\(story[2])</p>
        <img src="../secret.jpg" alt="Above the page">
        <img src="Trade%20talks_files/link.jpg" alt="Through a link">
        <img src="Trade%20talks_files/script.js" alt="Not a picture">
        <img data-src="Trade talks_files/chart.png" alt="The chart again">
        <p>\(story[3])</p></article>
        """
        return scratch.write("saved/Trade talks.html", PageExtractionTests.page(body: body, head: "<link rel=\"canonical\" href=\"https://example.org/news/talks\">"))
    }

    @Test func picturesSavedWithThePageAreCopiedIntoThePageFolder() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let page = savePage(scratch)
        let report = scratch.importFiles([page], dryRun: false)
        let article = try #require(report.onlyArticle)
        #expect(article.path == scratch.root + "/articles/abe-and-trump-agree-to-trade-talks/index.md")
        #expect(article.pictures == ["abe-trump-1.jpg", "chart.png"])
        let paragraphs = Fixtures.paragraphs(ofArticle: article.fileText)
        #expect(paragraphs.contains("![Abe and Trump](abe-trump-1.jpg \"The leaders in New York.\")"))
        #expect(paragraphs.contains("![Tariffs by year](chart.png)"))
        #expect(paragraphs.contains("![The chart again](chart.png)"))
        #expect(paragraphs.contains("![Talks](https://cdn.example.org/talks.jpg)"))
        // Nothing above the page's folder, through a link, or that is not a picture: those stay
        // addresses on the publisher's server, as any other image of the page.
        #expect(paragraphs.contains("![Above the page](https://example.org/secret.jpg)"))
        #expect(paragraphs.contains("![Through a link](https://example.org/news/Trade%20talks_files/link.jpg)"))
        let folder = "articles/abe-and-trump-agree-to-trade-talks/"
        let copied = try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/" + folder).sorted()
        #expect(copied == ["abe-trump-1.jpg", "chart.png", "index.md"])
        #expect(FileManager.default.contents(atPath: scratch.root + "/" + folder + "abe-trump-1.jpg").map { [UInt8]($0) } == Self.jpeg)
        #expect(report.lines().contains("  copied the pictures saved with the page: abe-trump-1.jpg, chart.png"))
    }

    @Test func aDryRunCopiesNothingAndAReimportNeedsForce() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let page = savePage(scratch)
        let dry = try #require(scratch.importFiles([page], dryRun: true).onlyArticle)
        #expect(dry.path.hasSuffix("/abe-and-trump-agree-to-trade-talks/index.md") && !scratch.exists("articles"))
        #expect(scratch.importFiles([page], dryRun: false).written == 1)
        let again = scratch.importFiles([page], dryRun: false)
        #expect(again.written == 0 && again.problems.first?.message.contains("--force") == true)
        let forced = scratch.importFiles([page], dryRun: false) { $0.force = true }
        #expect(forced.onlyArticle?.replaced == true && forced.onlyArticle?.path == dry.path)
        #expect(!scratch.exists("articles/abe-and-trump-agree-to-trade-talks-2"))
    }

    /// An article imported as `<slug>.md` (say, from the page's text) that now comes with its
    /// pictures becomes a page folder, and the old file goes: never two articles with one slug.
    /// (Without its files folder, the page's pictures are addresses on the publisher's server.)
    @Test func aForcedReimportWithPicturesMovesAPlainArticleIntoAPageFolder() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let scratch = Scratch()
        defer { scratch.remove() }
        let page = savePage(scratch)
        let into = site.root + "/content/articles"
        var options = ImportOptions(into: into, today: "2024-01-01")
        try FileManager.default.removeItem(atPath: scratch.root + "/saved/Trade talks_files")
        #expect(ArticleImporter.run([page], options: options).articles.first?.path == into + "/abe-and-trump-agree-to-trade-talks.md")
        savePage(scratch)
        options.force = true
        let forced = ArticleImporter.run([page], options: options)
        #expect(forced.articles.first?.path == into + "/abe-and-trump-agree-to-trade-talks/index.md", "\(forced.lines())")
        #expect(!FileManager.default.fileExists(atPath: into + "/abe-and-trump-agree-to-trade-talks.md"))
        let (_, diagnostics) = SiteLoader.load(from: site.root)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    @Test func existingPageFoldersCountAsTakenSlugs() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.write("articles/markets-wrap/index.md", "---\ntitle: Markets Wrap\ndate: 2018-09-20\nurl: https://example.org/old\n---\nOld.\n")
        let input = scratch.write("b.csv", "title,text,date\nMarkets Wrap,Text of the new wrap.,2018-09-23\n")
        #expect(scratch.importFiles([input], dryRun: false).onlyArticle?.path == scratch.root + "/articles/markets-wrap-2.md")
    }

    @Test func namesAreSafeAndUnique() {
        #expect(SavedPageFiles.safeName(for: "Trump Tower (1).JPG") == "trump-tower-1.jpg")
        #expect(SavedPageFiles.safeName(for: "東京.png") == "dong-jing.png")
        #expect(SavedPageFiles.safeName(for: "★.png") == "picture.png")
        #expect(SavedPageFiles.safeName(for: "..hidden.webp") == "hidden.webp")
        #expect(SavedPageFiles.safeName(for: "Zürich café_2.JPEG") == "zurich-cafe-2.jpeg")
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.write("p_files/A.png", bytes: Self.png)
        scratch.write("p_files/a.png", bytes: Self.png)
        let files = SavedPageFiles(pageFile: scratch.root + "/p.html")
        #expect(files.picture(for: "p_files/A.png")?.name == "a.png")
        #expect(files.picture(for: "p_files/a.png")?.name == "a-2.png")
        #expect(files.picture(for: "p_files/A.png")?.name == "a.png")
        #expect(files.picture(for: "file:///etc/passwd.png") == nil && files.picture(for: "/p_files/a.png") == nil)
    }
}
