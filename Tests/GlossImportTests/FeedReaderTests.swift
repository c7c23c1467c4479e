import Foundation
import Testing
@testable import GlossImport

@Suite struct FeedReaderTests {
    static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel>
      <title>Example Wire</title>
      <link>https://example.org/</link>
      <image><title>Logo</title></image>
      <item>
        <title>Abe and Trump Meet in New York</title>
        <link>https://example.org/news/abe-trump</link>
        <pubDate>Sun, 23 Sep 2018 18:30:00 +0000</pubDate>
        <dc:creator>Kristian Rouz</dc:creator>
        <category>trade</category><category>Japan</category>
        <description>Short summary.</description>
        <content:encoded><![CDATA[<p>Japanese Prime Minister Shinzo Abe met <a href="/people/trump">Donald Trump</a> on <em>Sunday</em>.</p>
        <blockquote><p>"We had a very constructive discussion," Abe said.</p></blockquote>
        <script>track()</script><p>Share this article</p>
        <ul><li>Tariffs</li><li>Cars</li></ul>]]></content:encoded>
      </item>
      <item>
        <title>Second &amp; Last</title>
        <guid>https://example.org/news/2</guid>
        <author>desk@example.org (Jane Doe)</author>
        <description>&lt;p&gt;Only a description, with &lt;strong&gt;markup&lt;/strong&gt;.&lt;/p&gt;</description>
      </item>
    </channel>
    </rss>
    """

    static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Atom Desk</title>
      <author><name>Feed Author</name></author>
      <entry>
        <title type="html">Talks &lt;em&gt;resume&lt;/em&gt;</title>
        <link rel="self" href="https://example.org/self/1"/>
        <link rel="alternate" href="https://example.org/atom/1"/>
        <published>2018-09-24T09:00:00+09:00</published>
        <updated>2018-09-25T00:00:00Z</updated>
        <author><name>Jane Doe</name></author>
        <category term="diplomacy"/>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <strong>bold</strong> point &amp; more.</p><p>Second point.</p></div></content>
      </entry>
      <entry>
        <title>Summary only</title>
        <link href="https://example.org/atom/2"/>
        <updated>2018-09-26T00:00:00Z</updated>
        <summary>Plain summary text of the entry.</summary>
      </entry>
    </feed>
    """

    /// Found by the `import-feed` fuzzer: libxml2 crashed on a parse error in a UTF-7 feed.
    @Test func aFeedInAnEncodingLibxml2DoesNotDecodeItselfIsAnError() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"utf-7\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
            + "<entry><title>A</title><summary>text\u{0E}</summary></entry></feed>\n"
        let contents = FeedReader.read(Data(feed.utf8))
        #expect(contents.entries.isEmpty)
        #expect(contents.error?.message == "the feed declares encoding `utf-7`, which Gloss does not read")
    }

    /// Found by CI's run of the same fuzzer: a declaration without `?>` still switched libxml2 to
    /// UTF-7 (the fuzzer's input, as it was found).
    @Test func aUTF7DeclarationWithoutItsCloseIsAnErrorToo() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"utf-7\">?\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>Atom Desk</title>\n"
            + "  <author><name>Feed Author<rg/atom/1\"/>\n    <publis>\n    <updated>2018-08-26T00:20:00Z</updated>\u{02}    <summary>Plain "
            + "summary text of the entry\u{0E}</summary>\n  </entry>\n</feed>"
        #expect(FeedReader.read(Data(feed.utf8)).error?.message == "the feed declares encoding `utf-7`, which Gloss does not read")
    }

    @Test func aWindows1252FeedIsDecoded() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>"
            + "<item><title>Price \u{20AC}5</title><description>Caf\u{E9} text</description></item></channel></rss>\n"
        let contents = FeedReader.read(feed.data(using: .windowsCP1252)!)
        #expect(contents.error == nil)
        #expect(contents.entries.map(\.title) == ["Price \u{20AC}5"])
        #expect(contents.entries.first?.content ?? contents.entries.first?.summary == "Caf\u{E9} text")
    }

    /// Found by the `import-feed` fuzzer: `<?xiono?>` (a processing instruction without data)
    /// made Foundation's XMLParser read a NULL pointer as a string (SIGSEGV). In UTF-16 too, and
    /// line numbers stay right; `<?` in comments and CDATA is text and is kept.
    @Test func aProcessingInstructionWithoutDataIsNotACrash() throws {
        #expect(FeedReader.read(Data("<?xiono?>\n".utf8)).error != nil)
        let feed = "<?xml version=\"1.0\"?>\n<?empty?>\n<rss version=\"2.0\"><channel><title>Wire</title><?x\n?>\n"
            + "<item><title>A &lt;?php?&gt; story</title><description><![CDATA[<p>Code: <?php?></p>]]></description><!-- <?y?> --></item>\n"
            + "<item><title>B</title><description>Text</description><?z?></item></channel></rss>\n"
        let contents = FeedReader.read(Data(feed.utf8))
        #expect(contents.error == nil)
        #expect(contents.entries.map(\.title) == ["A <?php?> story", "B"])
        #expect(contents.entries.map(\.line) == [5, 6])
        #expect((contents.entries.first?.content ?? contents.entries.first?.summary)?.contains("<?php?>") == true)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(feed.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").data(using: .utf16LittleEndian)!)
        #expect(FeedReader.read(utf16).entries.map(\.title) == ["A <?php?> story", "B"])
    }

    @Test func rssEntriesBecomeArticles() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("feed.rss", Self.rss)])
        #expect(report.recordsIn == 2 && report.written == 2 && !report.hasErrors)
        let first = report.articles[0].fileText
        #expect(first.contains("title: \"Abe and Trump Meet in New York\""))
        #expect(first.contains("date: \"2018-09-23T18:30:00Z\""))
        #expect(first.contains("source: \"Example Wire\""))
        #expect(first.contains("url: \"https://example.org/news/abe-trump\""))
        #expect(first.contains("author: \"Kristian Rouz\""))
        #expect(first.contains("tags: [\"trade\", \"Japan\"]"))
        #expect(first.contains("Japanese Prime Minister Shinzo Abe met [Donald Trump](https://example.org/people/trump) on *Sunday*."))
        #expect(first.contains("> \"We had a very constructive discussion,\" Abe said."))
        #expect(first.contains("- Tariffs\n- Cars"))
        #expect(!first.contains("track()") && !first.contains("Share this article") && !first.contains("Short summary"))
        #expect(report.articles[0].dropped.map(\.rule) == ["share"])
        let second = report.articles[1].fileText
        #expect(second.contains("title: \"Second & Last\""))
        #expect(second.contains("url: \"https://example.org/news/2\""))
        #expect(second.contains("author: \"Jane Doe\""))
        #expect(second.contains("Only a description, with **markup**."))
        #expect(second.contains("draft: true"))
    }

    @Test func sourceFlagOverridesTheFeedTitle() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("feed.xml", Self.rss)]) { $0.source = "Sputnik" }
        #expect(report.articles.allSatisfy { $0.fileText.contains("source: \"Sputnik\"") })
    }

    @Test func atomEntriesBecomeArticles() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("feed.atom", Self.atom)])
        #expect(report.written == 2 && !report.hasErrors)
        let first = report.articles[0].fileText
        #expect(first.contains("title: \"Talks resume\""))
        #expect(first.contains("date: \"2018-09-24T09:00:00+09:00\""))
        #expect(first.contains("url: \"https://example.org/atom/1\""))
        #expect(first.contains("author: \"Jane Doe\""))
        #expect(first.contains("source: \"Atom Desk\""))
        #expect(first.contains("\n\nFirst **bold** point & more.\n\nSecond point.\n"))
        let second = report.articles[1].fileText
        #expect(second.contains("date: \"2018-09-26T00:00:00Z\"") && second.contains("\n\nPlain summary text of the entry.\n"))
    }

    @Test func brokenXMLIsReportedWithItsLineAndEarlierEntriesAreKept() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let broken = Self.rss.replacingOccurrences(of: "<title>Second &amp; Last</title>", with: "<title>Second & Last</title>")
        let good = scratch.write("good.txt", "Some article text that is long enough to be a paragraph.\n")
        let report = scratch.importFiles([scratch.write("broken.xml", broken), good]) { $0.date = "2018-09-23" }
        #expect(report.hasErrors)
        let error = try #require(report.problems.first)
        #expect(error.file.hasSuffix("broken.xml") && error.line == 20, "\(error)")
        #expect(error.message.contains("broken XML") && error.message.contains("1 entries before it were read"))
        #expect(report.articles.map { ($0.input as NSString).lastPathComponent } == ["broken.xml", "good.txt"])
        #expect(report.recordsIn == report.written + report.rejected)
    }

    @Test func xmlThatIsNotAFeedIsAnError() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([scratch.write("page.xml", "<?xml version=\"1.0\"?><html><body>Hi</body></html>")])
        #expect(report.hasErrors && report.problems.first?.message.contains("not an RSS or Atom feed") == true)
    }
}
