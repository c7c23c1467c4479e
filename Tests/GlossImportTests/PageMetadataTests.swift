import Testing
@testable import GlossHTML
@testable import GlossImport

@Suite struct PageMetadataTests {
    func metadata(_ head: String, body: String = "") -> PageMetadata {
        let document = HTMLDocument.parse("<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>")
        return PageMetadata(document, facts: PageFacts(document))
    }

    @Test func titlesAreTrimmedAndLoseTheSiteName() {
        #expect(metadata("<title>\n   Google Stadia, the game streaming service  \n</title>").title == "Google Stadia, the game streaming service")
        #expect(metadata("<title>Obama admits US gun laws are his 'biggest frustration' - BBC News</title><meta property=og:site_name content='BBC News'>").title
            == "Obama admits US gun laws are his 'biggest frustration'")
        #expect(metadata("<title>The Guardian | Whale strandings worry Māori tribes</title><meta property=og:site_name content='the Guardian'>").title
            == "Whale strandings worry Māori tribes")
        #expect(metadata("<title>Abe meets Trump | World | Reuters</title>").title == "Abe meets Trump")
        // A dash inside a headline stays when what follows is not a site's name.
        #expect(metadata("<title>Brexit - what happens next</title>").title == "Brexit - what happens next")
        // The page's own headline, when the title is that headline plus more.
        #expect(metadata("<title>Abe meets Trump in New York | Politics | Example</title>", body: "<h1>Abe meets Trump in New York</h1>").title
            == "Abe meets Trump in New York")
        #expect(metadata("<meta property='og:title' content='Abe meets Trump'><title>Other</title>").title == "Abe meets Trump")
        // The JSON-LD headline counts as the page's own, and `*` separates like `|` (The Gateway Pundit).
        let pundit = "<meta property='og:title' content='Zelensky Is Now Considering Firing Top General * The Gateway Pundit * by Paul Serran'>"
            + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Zelensky Is Now Considering Firing Top General\"}</script>"
        #expect(metadata(pundit).title == "Zelensky Is Now Considering Firing Top General")
    }

    @Test func authorsFromJSONLDMetaOrByline() {
        let json = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},\"John Roe\"],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example\"}}</script>"
        #expect(metadata(json).authors == ["Jane Doe", "John Roe"])
        #expect(metadata(json).siteName == "Example")
        #expect(metadata("<meta name=author content='By KIYOSHI TAKENAKA'>").authors == ["Kiyoshi Takenaka"])
        #expect(metadata("<meta property='article:author' content='https://facebook.com/jane'>").authors == [])
        #expect(metadata("", body: "<p class='byline'>By Justin McCurry in Tokyo | 26 Sep 2018</p>").authors == ["Justin McCurry in Tokyo"])
        #expect(metadata("", body: "<span itemprop='author' itemscope><span itemprop='name'>Foster Klug</span></span>").authors == ["Foster Klug"])
        // A bracket inside a name is part of it; one after it names the agency.
        #expect(metadata("", body: "<a rel='author' href='/writer/eskow'>Richard (R.J.) Eskow</a>").authors == ["Richard (R.J.) Eskow"])
        #expect(metadata("", body: "<a rel='author' href='/writer/doe'>Jane Doe (Reuters)</a>").authors == ["Jane Doe"])
        // A button before the name in the byline block.
        #expect(metadata("", body: "<div id='Byline'><a class='PrintLink'>Print</a> National Desk By National Desk</div>").authors == ["National Desk"])
    }

    @Test func datesComeFromTheMostTrustworthySourceAndDisagreementsAreReported() {
        let json = "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2019-01-03T07:00:02Z\"}</script>"
        let agreeing = metadata(json + "<meta property='article:published_time' content='2019-01-02T23:00:02-08:00'>")
        #expect(agreeing.date == "2019-01-03T07:00:02Z" && agreeing.warnings.isEmpty)
        let disagreeing = metadata(json + "<meta property='article:published_time' content='2018-12-20'>")
        #expect(disagreeing.date == "2019-01-03T07:00:02Z")
        #expect(disagreeing.warnings == ["the page gives two publication dates: 2019-01-03T07:00:02Z (JSON-LD datePublished) and 2018-12-20 (<meta article:published_time>); used the first"])
        #expect(metadata("", body: "<time datetime='2018-09-24'>Monday</time>").date == "2018-09-24")
        // Microdata on any element, with `content` (CNET's `<time itemprop="datePublished" content=…>`).
        #expect(metadata("", body: "<time class='timeStamp' itemprop='datePublished' content='2017-01-18T23:00:00-0800'>Jan 18</time>").date == "2017-01-18T23:00:00-0800")
        #expect(metadata("", body: "<span itemprop='datePublished' content='2018-09-24'>24.9.</span>").date == "2018-09-24")
        // No article object in the JSON-LD: the page's own WebPage (Yoast's graph) dates it.
        let graph = "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},{\"@type\":\"WebPage\",\"datePublished\":\"2019-09-24T08:03:49+00:00\"}]}</script>"
        #expect(metadata(graph).date == "2019-09-24T08:03:49+00:00")
    }

    @Test func canonicalURLSummaryAndTags() {
        let page = metadata("""
        <link rel="canonical" href="https://example.org/a"><meta property="og:url" content="https://example.org/b">
        <meta name="description" content="Japan and the US agree to start trade talks.">
        <meta property="article:tag" content="Trade"><meta property="article:tag" content="Japan"><meta name="keywords" content="ignored, words">
        """)
        #expect(page.url == "https://example.org/a")
        #expect(page.summary == "Japan and the US agree to start trade talks.")
        #expect(page.tags == ["Trade", "Japan"])
        let stuffed = (1...30).map { "keyword \($0)" }.joined(separator: ", ")
        #expect(metadata("<meta name='keywords' content='\(stuffed)'>").tags == [])
        // Chinese and Japanese lists: their own commas, or spaces when they have no other separator.
        #expect(metadata("<meta name='keywords' content='香港，梁振英、特首'>").tags == ["香港", "梁振英", "特首"])
        #expect(metadata("<meta name='keywords' content='宇航员 太空 国际空间站'>").tags == ["宇航员", "太空", "国际空间站"])
        #expect(metadata("<meta name='keywords' content='trade talks, tariffs'>").tags == ["trade talks", "tariffs"])
    }
}
