import Testing
@testable import GlossImport

@Suite struct ScrapedPageCleanerTests {
    @Test func headTitleBylineAndSectionLabels() {
        let page = clean("""
        World
        Abe and Trump Prepare New Round of Trade Talks
        By Kristian Rouz
        12:00 23.09.2018

        The Prime Minister of Japan met the US President on Sunday.
        """)
        #expect(page.title == "Abe and Trump Prepare New Round of Trade Talks")
        #expect(page.author == "Kristian Rouz")
        #expect(page.dateline?.iso == "2018-09-23" && page.dateline?.line == 4)
        #expect(page.paragraphs.map(\.plain) == ["The Prime Minister of Japan met the US President on Sunday."])
        #expect(page.dropped.map(\.rule) == ["section-label", "title", "byline", "clock"])
    }

    @Test func aKnownTitleRepeatedAtTheTopIsDropped() {
        let page = clean("Abe Meets Trump\n\nThey met on Sunday.", title: "Abe meets Trump")
        #expect(page.paragraphs.map(\.plain) == ["They met on Sunday."])
        #expect(page.dropped.first?.outcome == "dropped (repeats the title)")
        let different = clean("A Subtitle That Differs\n\nThey met on Sunday.", title: "Abe Meets Trump")
        #expect(different.paragraphs.count == 2)
    }

    @Test func hardWrappedTextIsJoinedIntoParagraphs() {
        let page = clean("""
        Japanese Prime Minister Shinzo Abe says he and US President Donald
        Trump met in New York Sunday to discuss trade and investment
        cooperation, ahead of the second round of US-Japanese trade
        negotiations.

        A second paragraph.
        """)
        #expect(page.paragraphs.map(\.plain) == [
            "Japanese Prime Minister Shinzo Abe says he and US President Donald Trump met in New York Sunday to discuss trade and investment cooperation, ahead of the second round of US-Japanese trade negotiations.",
            "A second paragraph.",
        ])
    }

    @Test func linesOfOneParagraphPerLineStaySeparate() {
        let page = clean("\"Based on the talks, we'll seek a win-win outcome,\" Motegi said.\nMeanwhile, Trump himself said he's quite optimistic.")
        #expect(page.paragraphs.count == 2)
        let continued = clean("The talks, which lasted\nover two hours, ended late.")
        #expect(continued.paragraphs.map(\.plain) == ["The talks, which lasted over two hours, ended late."])
    }

    @Test func plainTextIsEscapedForMarkdown() {
        let page = clean("2018. A year of talks.\n\n- Not a list item, said the minister.\n\n<b>Not HTML</b> either, he said.")
        #expect(page.paragraphs.map(\.markdown) == ["2018\\. A year of talks.", "\\- Not a list item, said the minister.", "\\<b>Not HTML\\</b> either, he said."])
    }

    @Test func aPageOfOnlyBoilerplateHasNoParagraphs() {
        let page = clean("Listen Live\nGet short URL\nCommunity standardsDiscussion")
        #expect(page.paragraphs.isEmpty && page.dropped.count == 3)
    }

    @Test func htmlPagesUseArticleAndMetadata() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let html = """
        <!DOCTYPE html><html><head><title>Site | Abe Meets Trump</title>
        <meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">
        <meta property="article:published_time" content="2018-09-23T10:00:00Z"><link rel="canonical" href="https://example.org/abe">
        <script>var x = 1;</script></head>
        <body><nav><a href="/">Home</a></nav>
        <article><h1>Abe Meets Trump</h1><p>Abe and Trump met on <em>Sunday</em>.</p><p>Share</p><p>They talked trade.</p></article>
        <footer>© 2018 Example News</footer></body></html>
        """
        let report = scratch.importFiles([scratch.write("page.html", html)])
        let article = try #require(report.onlyArticle)
        #expect(article.title == "Abe Meets Trump")
        for line in ["date: \"2018-09-23T10:00:00Z\"", "source: \"Example News\"", "author: \"Jane Doe\"", "url: \"https://example.org/abe\""] {
            #expect(article.fileText.contains(line), "\(line)")
        }
        #expect(article.fileText.hasSuffix("---\n\nAbe and Trump met on *Sunday*.\n\nThey talked trade.\n"))
        #expect(article.dropped.map(\.rule) == ["outside-story", "title", "share"])
    }
}
