import Foundation
import Testing
@testable import GlossImport

/// Saved pages written for these tests: the story must come out whole, and every kind of page
/// furniture around and inside it must go, each named in the report with its rule.
@Suite struct PageExtractionTests {
    static let story = [
        "Japanese Prime Minister Shinzo Abe said on Monday that he and President Donald Trump had agreed to start talks on a trade deal, easing fears of tariffs on cars.",
        "The two leaders met for more than an hour in New York, where Abe had travelled for the United Nations General Assembly, officials said.",
        "\u{201C}We agreed to further expand trade and investment between our countries,\u{201D} Abe told reporters after the meeting, adding that talks would start soon.",
        "Trade Representative Robert Lighthizer will lead the American side, while Japan will be represented by its economy minister, Toshimitsu Motegi.",
    ]

    static func page(body: String, head: String = "") -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Abe and Trump agree to trade talks | Example News</title>
        <meta property="og:site_name" content="Example News">\(head)</head><body>
        <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience. Accept cookies?</div>
        \(body)
        <aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Markets fall</a></li><li><a href="/b">Storm hits coast</a></li></ul></aside>
        <footer class="site-footer">© 2018 Example News. All rights reserved. <a href="/terms">Terms of use</a></footer>
        </body></html>
        """
    }

    func importPage(_ html: String, name: String = "page.html") throws -> ImportReport.ArticleEntry {
        let scratch = Scratch()
        defer { scratch.remove() }
        return try #require(scratch.importFiles([scratch.write(name, html)]).onlyArticle)
    }

    @Test func theStoryIsKeptAndTheFurnitureAroundAndInsideItGoes() throws {
        let body = """
        <main><article>
        <h1>Abe and Trump agree to trade talks</h1>
        <div class="byline">By <a rel="author" href="/jane">Jane Doe</a>, Tokyo</div>
        <div class="share-tools"><a href="https://twitter.com/share">Twitter</a> <a href="https://facebook.com/share">Facebook</a></div>
        <div class="article-body">
        <p>\(Self.story[0])</p>
        <p>\(Self.story[1])</p>
        <div class="newsletter-signup"><p>Sign up for our morning briefing, delivered to your inbox every day.</p><form><input type="email"><button>Subscribe</button></form></div>
        <h2>What comes next</h2>
        <blockquote><p>\(Self.story[2])</p></blockquote>
        <ul><li>Cars and car parts</li><li>Farm products</li></ul>
        <p>\(Self.story[3]) See <a href="https://example.org/ustr">the announcement</a>.</p>
        </div>
        <div class="related-stories"><h3>Related</h3><ul><li><a href="/1">Japan exports rise</a></li><li><a href="/2">Trump tariffs</a></li></ul></div>
        <section id="comments"><h3>Comments</h3><p>Great article, thanks for writing it. I learned a lot about trade policy today.</p></section>
        </article></main>
        """
        let article = try importPage(Self.page(body: body))
        let paragraphs = Fixtures.paragraphs(ofArticle: article.fileText)
        #expect(paragraphs == [
            Self.story[0], Self.story[1], "## What comes next", "> " + Self.story[2], "- Cars and car parts\n- Farm products",
            Self.story[3] + " See [the announcement](https://example.org/ustr).",
        ])
        #expect(article.title == "Abe and Trump agree to trade talks")
        #expect(article.fileText.contains("author: \"Jane Doe\""))
        // The story's own element is found; what sits inside it and is not story is dropped by name.
        #expect(article.dropped.map(\.rule) == ["outside-story", "subscribe"])
        #expect(article.dropped[0].text.contains("article-body"))
    }

    /// A block classed as the story's title (`article-page-title`) goes, but the standfirst in it,
    /// a paragraph of prose, opens the story as it does inside a `<header>`.
    @Test func aStandfirstInATitleBlockIsKept() throws {
        let standfirst = "Negotiators from both countries met for three days in Washington and agreed to begin formal talks next month."
        let body = """
        <main><article><div class="article-page-title"><h1>Abe and Trump agree to trade talks</h1><p>\(standfirst)</p></div>
        <div class="article-body"><p>\(Self.story[0])</p><p>\(Self.story[1])</p><p>\(Self.story[2])</p></div></article></main>
        """
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: body)).fileText) == [standfirst, Self.story[0], Self.story[1], Self.story[2]])
        // Without its final stop it is still the standfirst when the page's description says it; a
        // line under the headline that the description does not say goes with the header.
        let unstopped = String(standfirst.dropLast())
        let header = "<main><article><header><h1>Abe and Trump agree to trade talks</h1><p>\(unstopped)</p></header><div class=\"article-body\">"
            + Self.story.prefix(3).map { "<p>\($0)</p>" }.joined() + "</div></article></main>"
        let described = try importPage(Self.page(body: header, head: "<meta name=\"description\" content=\"\(unstopped)\">"))
        #expect(Fixtures.paragraphs(ofArticle: described.fileText) == [unstopped] + Self.story.prefix(3))
        let undescribed = try importPage(Self.page(body: header))
        #expect(Fixtures.paragraphs(ofArticle: undescribed.fileText) == Array(Self.story.prefix(3)))
        // In a `<div>` beside the byline (Die Zeit's `summary`), the same.
        let summary = "<main><article><header><h1>Abe and Trump agree to trade talks</h1><div class=\"summary\">\(unstopped)</div>"
            + "<div class=\"byline\">By Jane Doe</div></header><div class=\"article-body\">" + Self.story.prefix(3).map { "<p>\($0)</p>" }.joined() + "</div></article></main>"
        let summarised = try importPage(Self.page(body: summary, head: "<meta name=\"description\" content=\"\(unstopped)\">"))
        #expect(Fixtures.paragraphs(ofArticle: summarised.fileText) == [unstopped] + Self.story.prefix(3))
    }

    @Test func thePagesOwnArticleBodyMarkupWins() throws {
        let body = """
        <div class="layout"><div class="teasers"><p>\(String(repeating: "A long teaser about another story, with commas, and more commas, ", count: 4))</p></div>
        <div itemprop="articleBody"><p>\(Self.story[0])</p><p>\(Self.story[1])</p></div></div>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [Self.story[0], Self.story[1]])
        #expect(article.dropped.first?.text.contains("articleBody") == true)
    }

    @Test func jsonLDArticleBodyPointsToTheStory() throws {
        let text = Self.story.joined(separator: " ")
        let head = """
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
        {"@type":"NewsArticle","headline":"Abe and Trump agree to trade talks","articleBody":"\(text.replacingOccurrences(of: "\u{201C}", with: "").replacingOccurrences(of: "\u{201D}", with: ""))",
        "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"datePublished":"2018-09-24T08:00:00Z","keywords":["Trade","Japan"]}]}</script>
        """
        let body = """
        <div class="wrap"><div class="promo"><p>\(String(repeating: "Subscribe today, get offers, win prizes, and more, ", count: 8))</p></div>
        <div class="x1">\(Self.story.map { "<p>\($0)</p>" }.joined())</div></div>
        """
        let article = try importPage(Self.page(body: body, head: head))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.fileText.contains("author: \"Jane Doe, John Roe\""))
        #expect(article.fileText.contains("date: \"2018-09-24T08:00:00Z\""))
        #expect(article.fileText.contains("tags: [\"Trade\", \"Japan\"]"))
    }

    /// A lead set apart before the story's element (here marked by the page) is story text when it
    /// says what the page's description says; a teaser that does not is left out with the page.
    @Test func aLeadSetApartBeforeTheStoryIsKept() throws {
        let lead = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars."
        let body = "<div class=\"wrap\"><div class=\"article__lead\">\(lead)</div><div class=\"article__body\" itemprop=\"articleBody\">"
            + Self.story.map { "<p>\($0)</p>" }.joined() + "</div></div>"
        let described = try importPage(Self.page(body: body, head: "<meta name=\"description\" content=\"\(lead)\">"))
        #expect(Fixtures.paragraphs(ofArticle: described.fileText) == [lead] + Self.story)
        #expect(described.dropped[0].text.contains("with the lead set apart before it <div class=\"article__lead\">"))
        let teaser = "<meta name=\"description\" content=\"Read the latest news on trade, markets and politics from Example News.\">"
        let other = try importPage(Self.page(body: body, head: teaser))
        #expect(Fixtures.paragraphs(ofArticle: other.fileText) == Self.story)
        // In the story's header beside its headline (La Stampa's `entry__subtitle`), or in a block
        // classed as a teaser (mobilsicher's `artikel-teaser`), the same.
        let story = "<div class=\"article__body\" itemprop=\"articleBody\">" + Self.story.map { "<p>\($0)</p>" }.joined() + "</div>"
        for before in ["<header class=\"entry__header\"><h2>Abe and Trump agree to trade talks</h2><p class=\"entry__subtitle\">\(lead)</p></header>",
                       "<div class=\"artikel-teaser\"><p>\(lead)</p></div>"] {
            let page = try importPage(Self.page(body: "<article class=\"entry\">" + before + story + "</article>", head: "<meta name=\"description\" content=\"\(lead)\">"))
            #expect(Fixtures.paragraphs(ofArticle: page.fileText) == [lead] + Self.story, "\(before)")
        }
    }

    /// The lead may sit above a picture and a share bar, outside the wrapper around the story's
    /// element (Stern's and The Local's layout): it is found there too.
    @Test func aLeadAboveAPictureAndTheBodysWrapperIsKept() throws {
        let lead = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars."
        let body = """
        <div class="wrap"><div class="article-intro"><div class="rtf"><p>\(lead)</p></div></div><div class="sharing-toolbar"></div>
        <div class="single-image"><figure><img src="https://example.org/abe.jpg" alt="Abe and Trump" width="800" height="450"></figure>
        <div class="text-content"><div class="image-origin">AFP</div></div></div>
        <div class="article-content"><div class="rtf" itemprop="articleBody">
        """ + Self.story.map { "<p>\($0)</p>" }.joined() + "</div></div></div>"
        let article = try importPage(Self.page(body: body, head: "<meta name=\"description\" content=\"\(lead)\">"))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [lead] + Self.story)
    }

    /// The standfirst under the page's headline, in a header of its own well before the story
    /// (PCMag's layout: header, then a byline block and a picture, then the `<article>`), is kept
    /// when it says what the description says; a line under the headline that does not, is not.
    @Test func theStandfirstUnderTheHeadlineIsKept() throws {
        let standfirst = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars."
        let body = """
        <header class="article-header"><h1>Abe and Trump agree to trade talks</h1><p>\(standfirst)</p></header>
        <div class="container"><div><a href="/authors/jane-doe">Jane Doe</a></div><div>September 24, 2018</div></div>
        <div class="hero"><img src="https://example.org/abe.jpg" alt="Abe and Trump" width="800" height="450"></div>
        <article id="article"><div itemprop="articleBody">
        """ + Self.story.map { "<p>\($0)</p>" }.joined() + "</div></article>"
        let described = try importPage(Self.page(body: body, head: "<meta name=\"description\" content=\"\(standfirst)\">"))
        #expect(Fixtures.paragraphs(ofArticle: described.fileText) == [standfirst] + Self.story)
        let other = try importPage(Self.page(body: body, head: "<meta name=\"description\" content=\"The latest news on trade, markets and politics from Example News.\">"))
        #expect(Fixtures.paragraphs(ofArticle: other.fileText) == Self.story)
    }

    /// Inside the story's header only the standfirst is kept: the headline goes, in a page's
    /// `<article>` too (its words were reported dropped yet written), and a standfirst set as a
    /// heading under the headline stays, as a sentence (`<hgroup><h1>…</h1><h2>…</h2>`) or as
    /// what the description says. A description written with markup gives its text, not its tags.
    @Test func theHeaderKeepsItsStandfirstAndLosesItsHeadline() throws {
        let described = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars"
        let sentence = "Negotiators from both countries met for three days in Washington and agreed to begin formal talks next month."
        let story = "<div class=\"article-body\">" + Self.story.map { "<p>\($0)</p>" }.joined() + "</div>"
        let head = "<meta property=\"og:title\" content=\"Abe and Trump agree to start trade talks\"><meta name=\"description\" content=\"\(described)\">"
        let nested = try importPage(Self.page(body: "<article><header><nav><a href=\"/\">News</a> <a href=\"/world\">World</a></nav><div>"
            + "<h1>What the new trade talks will cover, from cars to farm products and services</h1><h2><p>\(described)</p></h2><div>Jane Doe</div></div></header>"
            + story + "</article>", head: head))
        #expect(Fixtures.paragraphs(ofArticle: nested.fileText) == ["## " + described] + Self.story)
        let grouped = try importPage(Self.page(body: "<article><header><hgroup><h3>Tokyo</h3><h1>Abe and Trump agree to trade talks</h1>"
            + "<h2>\(sentence)</h2></hgroup></header>" + story + "</article>"))
        #expect(Fixtures.paragraphs(ofArticle: grouped.fileText) == ["## " + sentence] + Self.story)
        let classed = try importPage(Self.page(body: "<article><header><h1>Abe and Trump agree to trade talks</h1>"
            + "<h2 class=\"article-subheadline\">\(described)</h2></header>" + story + "</article>", head: head))
        #expect(Fixtures.paragraphs(ofArticle: classed.fileText) == ["## " + described] + Self.story)

        let marked = "Talks will start soon. More on &lt;a href=&quot;/trade&quot;&gt;trade&lt;/a&gt;, here."
        let summarised = try importPage(Self.page(body: story, head: "<meta name=\"description\" content=\"\(marked)\">"))
        #expect(summarised.fileText.contains("summary: \"Talks will start soon. More on trade, here.\""))
    }

    /// German CMSs call the standfirst a teaser (`<div class="teaser-text" itemprop="description">`):
    /// one that says what the page's description says is the story's own and stays; a teaser of
    /// another story goes.
    @Test func aStandfirstClassedTeaserStays() throws {
        let standfirst = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars."
        let body = "<article><h1>Abe and Trump agree to trade talks</h1><div class=\"body\"><div class=\"teaser-text\"><p>\(standfirst)</p></div>"
            + Self.story.map { "<p>\($0)</p>" }.joined()
            + "<div class=\"teaser-text\"><p>Markets in Tokyo rose on Tuesday after the central bank left its interest rates unchanged.</p></div></div></article>"
        let article = try importPage(Self.page(body: body, head: "<meta name=\"description\" content=\"\(standfirst)\">"))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [standfirst] + Self.story)
    }

    /// A heading written as a sentence of the story stays when the picture and credit under it
    /// go; a section title over dropped furniture ("Related") goes with it.
    @Test func aHeadingThatIsASentenceOfTheStoryIsKept() throws {
        let sentence = "The mother of a woman who took diet pills bought online has described how her daughter died."
        let body = "<div class=\"post\"><div class=\"item\"><h2>\(sentence)</h2><div class=\"sub\"><a href=\"/img\">View this image ›</a>"
            + "<p class=\"caption\">West Mercia Police</p></div></div><div class=\"item\">" + Self.story.map { "<p>\($0)</p>" }.joined()
            + "</div><div class=\"item\"><h2>Related</h2><ul class=\"related\"><li><a href=\"/1\">Japan exports rise</a></li></ul></div></div>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == ["## " + sentence] + Self.story)
    }

    @Test func storyImagesAreKeptAsRemoteImagesWithAltAndCaption() throws {
        let body = """
        <article><p>\(Self.story[0])</p>
        <figure class="photo"><img src="/img/abe.jpg" alt="Shinzo Abe and Donald Trump"><figcaption class="caption">The leaders in New York. Photo: Reuters</figcaption></figure>
        <p>\(Self.story[1])</p>
        <img class="lazy" src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.org/talks.jpg" alt="Talks">
        <img src="https://track.example.org/pixel.gif" width="1" height="1" alt="">
        <p>\(Self.story[2])</p></article>
        """
        let article = try importPage(Self.page(body: body, head: "<link rel=\"canonical\" href=\"https://example.org/news/abe-trump\">"))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [
            Self.story[0], "![Shinzo Abe and Donald Trump](https://example.org/img/abe.jpg \"The leaders in New York. Photo: Reuters\")",
            Self.story[1], "![Talks](https://cdn.example.org/talks.jpg)", Self.story[2],
        ])
    }

    @Test func aStorySplitByAdvertsIsKeptWhole() throws {
        let body = """
        <article id="story"><div class="story-body story-body-1"><p>\(Self.story[0])</p><p>\(Self.story[1])</p></div>
        <div class="story-interrupter"><div class="ad">Advertisement</div></div>
        <div class="story-body story-body-2"><p>\(Self.story[2])</p><p>\(Self.story[3])</p></div></article>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
    }

    @Test func aPageWithoutStoryMarkupStillGivesItsText() throws {
        let body = "<div><div>\(Self.story[0])<br><br>\(Self.story[1])</div><div><a href=\"/x\">More news</a> <a href=\"/y\">Sport</a></div></div>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [Self.story[0], Self.story[1]])
    }

    @Test func aWindows1252PageIsReadAsABrowserReadsIt() throws {
        let html = Self.page(body: "<article><p>\(Self.story[0])</p><p>CAFE</p></article>").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        let parts = html.components(separatedBy: "CAFE")
        let bytes = Array(parts[0].utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94] + Array(parts[1].utf8)  // "Café “ok”" in Windows-1252, no declaration
        let scratch = Scratch()
        defer { scratch.remove() }
        let article = try #require(scratch.importFiles([scratch.write("legacy.html", bytes: bytes)]).onlyArticle)
        #expect(Fixtures.paragraphs(ofArticle: article.fileText).last == "Caf\u{E9} \u{201C}ok\u{201D}")
        #expect(article.warnings.contains { $0.message.contains("windows-1252") })
    }

    /// A page region (navigation, banner, hidden element) holding most of the page is markup gone
    /// wrong, an unclosed `<header role="banner">` or a page hidden until a script shows it: a
    /// browser shows its text, so import keeps the story in it; small regions still go.
    @Test func aRegionWrappingThePageByMistakeIsNotLeftOut() throws {
        let story = Self.story.map { "<p>\($0)</p>" }.joined()
        let unclosed = "<header role=\"banner\"><main><article>\(story)</article></main>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: unclosed)).fileText) == Self.story)
        let hidden = "<div class=\"page\" style=\"display: none\"><article>\(story)<div hidden>Hidden until you click.</div></article></div>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: hidden)).fileText) == Self.story)
    }

    /// Drupal's themes open `<header role="banner">` and never close it: a parent's `</div>` closes
    /// it around the whole page. That region holds the page's `<main>`, so it is the page by mistake
    /// even when a long off-canvas menu elsewhere holds more of the page's text.
    @Test func aBannerClosedOnlyByItsParentIsNotLeftOut() throws {
        let story = Self.story.map { "<p>\($0)</p>" }.joined()
        let menu = (1...120).map { "<li><a href=\"/section-\($0)\">Section number \($0) of the site</a></li>" }.joined()
        let body = "<div class=\"off-canvas\"><ul>\(menu)</ul></div><div id=\"page\"><header role=\"banner\"><div class=\"logo\">Example</div>"
            + "<main><article>\(story)</article></main></div>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: body)).fileText) == Self.story)
        // A hidden carousel of <article> teasers is still left out.
        let teasers = "<div class=\"carousel\" style=\"display:none\"><article><p>A teaser for another story that readers never see, about the markets and the weather this week.</p></article></div>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: "<main><article>\(story)\(teasers)</article></main>")).fileText) == Self.story)
    }

    /// A post that is all links (a link roundup) scores nothing, and readability would then settle on
    /// the next best thing, a cookie notice: the page's one element named as its story is taken instead.
    @Test func aPostOfLinksIsTakenOverACookieNotice() throws {
        let links = (1...6).map { "<li><p><a href=\"https://example.org/story-\($0)\">Story number \($0) about the trade talks in Tokyo</a></p><p>via Example Wire <a href=\"https://example.org\">https://example.org</a></p></li>" }.joined()
        let body = "<article class=\"post\"><div class=\"entry-content\"><ul>\(links)</ul></div></article>"
            + "<div class=\"widget widget_cookie_law_widget\"><p>Privacy and cookies: this site uses cookies. By continuing to use this website, you agree to their use, as our policy explains at length, including how to control cookies.</p></div>"
        let text = try importPage(Self.page(body: body)).fileText
        #expect(text.contains("Story number 1 about the trade talks"))
        #expect(text.contains("Story number 6 about the trade talks"))
        #expect(!text.contains("this site uses cookies"))
    }

    /// Bootstrap's accordion marks its panels' container `role="tablist"`: the panels hold text (a
    /// press office's releases, a story's sections), not a row of tab buttons.
    @Test func anAccordionsPanelsAreRead() throws {
        let panels = Self.story.enumerated().map { index, text in
            "<div class=\"panel\"><div class=\"panel-heading\"><a role=\"button\" href=\"#p\(index)\">Part \(index + 1)</a></div><div id=\"p\(index)\" class=\"panel-collapse collapse\" role=\"tabpanel\"><div class=\"panel-body\"><p>\(text)</p></div></div></div>"
        }.joined()
        let body = "<main><article><div class=\"panel-group\" role=\"tablist\">\(panels)</div></article></main>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: body)).fileText) == Self.story)
    }

    /// CSS-in-JS class names are generated from component names (`tagStyle_z4kqwb-o_O-style_1tcxgp3`):
    /// a paragraph of prose under one is the story, not a tag list; a real tag list still goes.
    @Test func aGeneratedClassNameOnProseIsNotFurniture() throws {
        let paragraphs = Self.story.map { "<p class=\"tagStyle_z4kqwb-o_O-style_1tcxgp3\">\($0)</p>" }.joined()
        let body = "<main><article><div>\(paragraphs)</div><p class=\"tags\"><a href=\"/t/trade\">Trade</a>, <a href=\"/t/japan\">Japan</a></p></article></main>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
    }

    /// "paywall-on", "signup-active": a class saying what state the page is in, not what the element is.
    @Test func aClassNamingAStateIsNotFurniture() throws {
        let body = """
        <article><div class="text"><p>\(Self.story[0])</p><p>\(Self.story[1])</p><p>\(Self.story[2])</p></div>
        <div class="text paywall-on"><p>\(Self.story[3])</p></div>
        <div class="paywall"><p>Subscribe to keep reading every story, with our best offer this week.</p></div></article>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.map(\.rule) == ["outside-story", "subscribe"])
    }

    /// Condé Nast and Future plc class every paragraph after the first few `paywall` (and Future
    /// hides them from screen readers): the story's text, not a notice about subscribing.
    @Test func paragraphsClassedPaywallAreTheStory() throws {
        let body = """
        <article><div class="body"><p>\(Self.story[0])</p><p class="paywall">\(Self.story[1])</p>
        <h3 class="paywall heading-h3">Talks to start soon</h3><p class="paywall" aria-hidden="true">\(Self.story[2])</p>
        <p class="paywall">\(Self.story[3])</p></div>
        <div class="paywall-prompt"><p>Subscribe to keep reading every story, with our best offer this week.</p></div></article>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [Self.story[0], Self.story[1], "### Talks to start soon", Self.story[2], Self.story[3]])
    }

    /// ABC hides all but the first paragraph in a container classed `paywall` (and the end of that
    /// paragraph in a `<span>` so classed) until its script has checked a subscription; Jyllands-Posten
    /// classes the story's container `paywalled`. Both hold the story; a short notice so classed does
    /// not, nor does a subscription offer (headings, a list of benefits: Badische Zeitung's).
    @Test func aContainerClassedPaywallThatHoldsTheStoryIsTheStory() throws {
        let body = """
        <article><div class="body"><p>\(Self.story[0].dropLast(40))<span class="paywall">\(Self.story[0].suffix(40))</span></p>
        <div class="paywall" hidden><p>\(Self.story[1])</p><p>\(Self.story[2])</p><p>\(Self.story[3])</p></div>
        <div class="paywall"><p>Subscribe to keep reading every story, with our best offer this week.</p></div>
        <section class="row paywall"><h3>Read this story now!</h3><p>Already a subscriber? Sign in</p><ul>\((1...6).map { "<li>Benefit number \($0): every article on the site, the app and the newsletter, for a low price</li>" }.joined())</ul><h3>Digital basic: 3 € a month</h3></section></div></article>
        <nav>\((1...40).map { "<a href=\"/section/\($0)\">Section number \($0) of the paper</a>" }.joined(separator: " "))</nav>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.map(\.rule) == ["outside-story", "subscribe", "subscribe"])
        let classedPaywalled = """
        <article><div class="text paywalled">\(Self.story.map { "<p>\($0)</p>" }.joined())</div>
        <div class="paywalled"><p>Subscribe to keep reading every story, with our best offer this week.</p></div></article>
        """
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: classedPaywalled)).fileText) == Self.story)
        // Les Echos: what follows the paywall's cut, in the page for subscribers, is the story
        // (the offer beside it, written as prose, is not told apart).
        let pitch = "Your responsibilities demand close attention to the events and balances of power that shape our world, and you need to anticipate the great trends, so every morning our journalists bring you what matters, with analysis, data and opinion from our correspondents, all in one place."
        let afterTheCut = """
        <main><article><p>\(Self.story[0])</p><div class="sc-1s859o0-0 loyGrr post-paywall">\(Self.story.dropFirst().map { "<p>\($0)</p>" }.joined())</div></article>
        <div class="sc-8f2a offer"><p>\(pitch)</p><p>\(pitch)</p></div></main>
        """
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: afterTheCut)).fileText).prefix(4) == Self.story[...])
    }

    /// Dagbladet loads the next story below the page's own, each a whole `<article>` with its own
    /// headline, in one container that outscores both: the page's story (the one with its title)
    /// is kept, even when the next one is longer. Posts of a thread have no headline each: all stay.
    @Test func theNextStoryLoadedBelowThePagesOwnIsLeftOut() throws {
        let next = (1...9).map { "Ole Gunnar Solskjær, number \($0), is the leading candidate to take over as caretaker manager, a reporter wrote on Tuesday, after weeks of talks." }
        func story(_ headline: String, _ paragraphs: [String]) -> String {
            "<article class=\"article-entity\"><h1>\(headline)</h1>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article>"
        }
        let own = Self.story + Self.story.map { $0.replacingOccurrences(of: "Abe", with: "Mr Abe") }
        let page = Self.page(body: "<main>" + story("Abe and Trump agree to trade talks", own) + story("Solskjær returns", next) + "</main>")
        #expect(Fixtures.paragraphs(ofArticle: try importPage(page).fileText) == own)
        let swapped = Self.page(body: "<main>" + story("Solskjær returns", next) + story("Abe and Trump agree to trade talks", own) + "</main>")
        #expect(Fixtures.paragraphs(ofArticle: try importPage(swapped).fileText) == own)
        let posts = [own, own.map { "As the first post says: \($0)" }]
        let thread = Self.page(body: "<main><h1>Abe and Trump agree to trade talks</h1>" + posts.map { "<article class=\"post\">\($0.map { "<p>\($0)</p>" }.joined())</article>" }.joined() + "</main>")
        #expect(Fixtures.paragraphs(ofArticle: try importPage(thread).fileText) == posts[0] + posts[1])
    }

    /// Mainichi Shimbun ends a story with a row of headlines whose link text has commas (`、`),
    /// which readability takes for prose, then a heading whose teasers the cleaning took: both go.
    /// A heading over loose text, and a sentence set as a heading, stay.
    @Test func aRowOfLinkedHeadlinesWithCommasAndAClosingHeadingGo() throws {
        let headlines = (1...12).map { "<li><a href=\"/articles/\($0)\">ガザ停戦巡り\($0)、ハマスの回答待つ</a></li>" }.joined()
        let body = """
        <article>\(Self.story.map { "<p>\($0)</p>" }.joined())
        <section class="timeseries"><h2>【時系列で見る】</h2><ul>\(headlines)</ul></section>
        <h2>あわせて読みたい</h2><div class="row"><div>6時間前</div><div>1日前</div></div></article>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.map(\.rule) == ["outside-story", "link-list", "short-block", "orphan-heading"])
        let story = Self.story.map { "<p>\($0)</p>" }.joined()
        let loose = "<article>\(story)<h2>Fazit</h2><br>The talks will go on in the spring, officials said.<br></article>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: loose)).fileText).suffix(2) == ["## Fazit", "The talks will go on in the spring, officials said."])
        let sentence = "<article>\(story)<h3>Talks resume in the spring.</h3></article>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: sentence)).fileText).last == "### Talks resume in the spring.")
    }

    /// Rzeczpospolita sets cards for other stories between the paragraphs: a linked headline and
    /// a lead cut short. A paragraph of the story that trails off ("…") beside a link stays.
    @Test func aTeaserCardForAnotherStoryBetweenParagraphsGoes() throws {
        let card = """
        <div class="flex"><div><a href="/art1"><img src="/xi.jpg" alt="Xi Jinping" width="108" height="108"></a></div><div class="flex-1">
        <a href="/world">Konflikty zbrojne</a><a class="title" href="/art1">Nieoficjalnie: Chiny zaoferowały Iranowi pomoc, chcą przejąć wzbogacony uran</a>
        <div><p class="lead">Agencja Associated Press podała, powołując się na źródło dyplomatyczne, że Chiny wstępnie zaoferowały możliwość przyjęcia od Iranu wysoko wzbogacon...</p></div></div></div>
        """
        let trailing = "<div><p>Asked whether the talks would go on, Abe paused and said: \u{201C}We shall see\u{2026}\u{201D} and <a href=\"/talks\">the full transcript of the briefing</a> ends there...</p></div>"
        let body = "<article>\(Self.story.prefix(2).map { "<p>\($0)</p>" }.joined())\(card)\(trailing)\(Self.story.suffix(2).map { "<p>\($0)</p>" }.joined())</article>"
        let article = try importPage(Self.page(body: body))
        let kept = Fixtures.paragraphs(ofArticle: article.fileText)
        #expect(kept.filter { !$0.hasPrefix("Asked") } == Self.story)
        #expect(kept.contains { $0.hasPrefix("Asked whether the talks would go on") })
        #expect(article.dropped.contains { $0.rule == "related" && $0.text.contains("Nieoficjalnie") })
    }

    /// CBC puts its section above the story as one link (`World`): a label, not the story's first
    /// line. A short line that is not a lone link stays, as the page's structure said.
    @Test func aSectionLinkAboveTheStoryGoes() throws {
        let linked = "<article><p><a href=\"https://example.com/news/world\">World</a></p>\(Self.story.map { "<p>\($0)</p>" }.joined())</article>"
        let article = try importPage(Self.page(body: linked))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.contains { $0.rule == "section-label" && $0.text == "World" })
        let plain = "<article><p>Analysis</p>\(Self.story.map { "<p>\($0)</p>" }.joined())</article>"
        #expect(Fixtures.paragraphs(ofArticle: try importPage(Self.page(body: plain)).fileText) == ["Analysis"] + Self.story)
    }

    /// 20 Minuten sets a poll between paragraphs: its question is a sentence, and a block of one
    /// sentence is kept as prose, but not one beside form fields: a poll is a form.
    @Test func aPollBetweenParagraphsGoes() throws {
        let options = (1...4).map { "<label><input type=\"radio\" name=\"poll\" value=\"\($0)\"><label for=\"o\($0)\">Answer number \($0).</label></label>" }.joined()
        let poll = "<div class=\"sc-e17c7982-2\"><div><p>Which of these remedies is your favourite when you feel a cold coming on?</p></div><div>\(options)</div></div>"
        let body = "<article><section>\(Self.story.prefix(2).map { "<p>\($0)</p>" }.joined())\(poll)\(Self.story.suffix(2).map { "<p>\($0)</p>" }.joined())</section></article>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.contains { $0.rule == "form" && $0.text.hasPrefix("Which of these remedies") })
    }

    /// Le Monde puts its notice that the account is reading on another device (a heading, questions
    /// and answers as paragraphs) inside `<main>` beside the story, classed `capping`: it goes.
    @Test func aNoticeThatTheAccountIsReadOnAnotherDeviceGoes() throws {
        let faq = (1...3).map { "<li class=\"capping__item\"><p class=\"capping__question\">Question number \($0): what happens if you keep reading here?</p><p class=\"capping__answer\">This message will show on the other device, which stays signed in with this account for now.</p></li>" }.joined()
        let body = """
        <main class="main">\(Self.story.map { "<p>\($0)</p>" }.joined())
        <section id="js-capping" class="capping"><p class="capping__title">Reading on another device.</p><ul id="js-capping-faq" class="capping__faq">\(faq)</ul></section></main>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.contains { $0.rule == "subscribe" && $0.text.hasPrefix("Reading on another device") })
    }

    /// A syndicated column ends with the writer's box (`<h2>Die Autorin</h2><p>…</p>`): it goes with
    /// its heading. A section of the story under such a heading is longer than a biography, and
    /// stays, as does a short closing section under any other heading.
    @Test func theWritersBoxAtTheStorysEndGoes() throws {
        let bio = "Anne-Marie Slaughter (born 1958) war Direktorin für politische Planung im US-Außenministerium."
        let box = "<div class=\"fm-box flexmodule\"><h2 class=\"fm-box__title\">Die Autorin</h2><p><strong>\(bio)</strong></p></div>"
        let body = "<article>\(Self.story.map { "<p>\($0)</p>" }.joined())\(box)</article>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.filter { $0.rule == "byline" }.map(\.text) == ["Die Autorin", bio])
        let closing = "<h2>What comes next</h2><p>\(bio)</p>"
        let story = try importPage(Self.page(body: "<article>\(Self.story.map { "<p>\($0)</p>" }.joined())\(closing)</article>"))
        #expect(Fixtures.paragraphs(ofArticle: story.fileText) == Self.story + ["## What comes next", bio])
        let more = Self.story.map { $0.replacingOccurrences(of: "Abe", with: "the prime minister") }
        let section = "<h2>About the author</h2>\(more.map { "<p>\($0)</p>" }.joined())"
        let long = try importPage(Self.page(body: "<article>\(Self.story.map { "<p>\($0)</p>" }.joined())\(section)</article>"))
        #expect(Fixtures.paragraphs(ofArticle: long.fileText) == Self.story + ["## About the author"] + more)
    }

    /// South China Morning Post renders its story with a script: the HTML holds the headline and
    /// the standfirst, the JSON-LD `articleBody` the story. The story comes from there, a
    /// paragraph per line, under the standfirst; a page whose HTML holds the story keeps its HTML.
    @Test func aStoryOnlyInTheJSONLDArticleBodyIsTaken() throws {
        let standfirst = "While both leaders faced a challenging year, one of them turned the crisis into a massive election win."
        let story = Self.story + Self.story.map { $0.replacingOccurrences(of: "Abe", with: "the prime minister") }
        let body = story.joined(separator: "\\n")
        let head = """
        <meta name="description" content="\(standfirst) "><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Abe and Trump agree to trade talks", "articleBody": "\(body.replacingOccurrences(of: "\u{201C}", with: "\\u201c"))"}</script>
        """
        let scripted = "<main><h1>Abe and Trump agree to trade talks</h1><p class=\"sub-headline\">\(standfirst)</p><div id=\"app\"></div></main>"
        let article = try importPage(Self.page(body: scripted, head: head))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [standfirst] + story)
        #expect(article.dropped.first?.text.hasPrefix("everything around the story, found as the page's JSON-LD articleBody") == true)
        let rendered = "<main><h1>Abe and Trump agree to trade talks</h1><article>\(story.map { "<p>\($0) <a href=\"/more\">More</a></p>" }.joined())</article></main>"
        let html = try importPage(Self.page(body: rendered, head: head))
        #expect(Fixtures.paragraphs(ofArticle: html.fileText) == story.map { $0 + " More" })
    }

    /// The JSON-LD `articleBody` vouches for the story's paragraphs: one between them that it
    /// lacks entirely (an app promotion in the middle of the story, WAZ) goes. One after the
    /// body's last paragraph stays (a body may be cut short), so does a quoted post (bodies leave
    /// them out), and nothing goes when the body holds too few of the paragraphs to speak for them.
    @Test func aParagraphTheArticleBodyLacksBetweenTheStorysParagraphsGoes() throws {
        let story = Self.story + Self.story.map { $0.replacingOccurrences(of: "Abe", with: "the prime minister") }
        let promo = "Breaking news on your phone? Get our new app for Android and iOS today."
        let after = "Officials from both sides will meet again in Washington before the end of the year to review progress."
        let post = "Great meeting with my friend Shinzo today, a big step for fair trade between our two nations."
        func page(body: [String]) -> String {
            let json = body.joined(separator: "\\n").replacingOccurrences(of: "\u{201C}", with: "\\u201c")
            let head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \"\(json)\"}</script>"
            let html: [String] = story.prefix(4).map { "<p>\($0)</p>" } + ["<p>\(promo)</p>", "<p>\(story[4])</p>", "<blockquote><p>\(post)</p></blockquote>"]
                + story.suffix(3).map { "<p>\($0)</p>" } + ["<p>\(after)</p>"]
            return Self.page(body: "<article>\(html.joined())</article>", head: head)
        }
        let withPost: [String] = Array(story.prefix(5)) + ["> " + post] + Array(story.suffix(3)) + [after]
        let article = try importPage(page(body: story))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == withPost)
        #expect(article.dropped.contains { $0.rule == "not-in-article-body" && $0.text == promo })
        let elsewhere = (1...6).map { "Heavy rain flooded \($0) villages in the north of the country overnight, and rescue teams worked through the morning to reach them." }
        let partial = try importPage(page(body: Array(story.prefix(2)) + elsewhere))
        let everything: [String] = Array(story.prefix(4)) + [promo] + withPost.suffix(6)
        #expect(Fixtures.paragraphs(ofArticle: partial.fileText) == everything)
    }

    /// `sidebar-grid`, `sidebar-grid__content` name a layout that puts the story beside a sidebar
    /// (here twice, with an advert beside each part): the story is kept, the grid's `__sidebar` goes.
    @Test func aLayoutNamedAfterItsSidebarHoldsTheStory() throws {
        let body = """
        <main>\([Self.story.prefix(2), Self.story.suffix(2)].map { part in """
        <div class="sidebar-grid sidebar-grid--narrow"><div class="sidebar-grid__container">
        <div class="sidebar-grid__content">\(part.map { "<p>\($0)</p>" }.joined())</div>
        <div class="sidebar-grid__sidebar"><p>Advertisement and a list of other stories you may have missed this week.</p></div>
        </div></div>
        """ }.joined())</main>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
    }

    /// BBC News wraps each paragraph in a block of its own; one that is a sentence around a long
    /// inline link is story text, while a block of bare links still goes.
    @Test func aSentenceAroundAnInlineLinkIsKept() throws {
        let linked = "The alliance also <a href=\"https://www.nato.int/plans\">co-ordinates military plans and carries out joint exercises</a>."
        let body = """
        <main><article>\(Self.story.prefix(2).map { "<div class=\"block\"><p>\($0)</p></div>" }.joined())
        <div class="block"><p>\(linked)</p></div>
        <div class="block"><p><a href="/a">Markets fall again</a> <a href="/b">Storm hits the coast</a></p></div>
        \(Self.story.suffix(2).map { "<div class=\"block\"><p>\($0)</p></div>" }.joined())</article></main>
        """
        let article = try importPage(Self.page(body: body))
        let linkedMarkdown = "The alliance also [co-ordinates military plans and carries out joint exercises](https://www.nato.int/plans)."
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Array(Self.story.prefix(2)) + [linkedMarkdown] + Self.story.suffix(2))
        #expect(article.dropped.map(\.rule).contains("link-list"))
    }

    /// Teasers between a story's paragraphs: a paragraph that is one link in capitals (Fox News)
    /// and a one-link list of "similar" stories (CBC) go; a link inside prose stays.
    @Test func teasersBetweenParagraphsGo() throws {
        let body = """
        <article><div class="body"><p>\(Self.story[0])</p><p>\(Self.story[1])</p>
        <p><a href="/world/china-police"><strong>WHAT ARE CHINA'S OVERSEAS POLICE STATIONS?</strong></a></p>
        <p>\(Self.story[2])</p><div><ul class="similarLinks"><li><a href="/news/abe">Who is Shinzo Abe, Japan's prime minister?</a></li></ul></div>
        <p><a href="/apps"><strong>CLICK HERE TO GET THE APP</strong></a></p><p>\(Self.story[3])</p></div></article>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
        #expect(article.dropped.filter { $0.rule == "related" }.count == 3)
    }

    /// After the story's last sentence, links under a label of their own (`<b>Related</b><br><a>…`)
    /// are further reading even when the site's accounts come after them; a closing sentence
    /// around a link stays.
    @Test func labelledLinksAfterTheStoryGo() throws {
        let related = "<p><strong>Related stories</strong><br><a href=\"/1\">Japan exports rise again</a><br><a href=\"/2\">Tariffs on cars delayed</a></p>"
        let accounts = "<div>Follow us:<br>Facebook https://fb.me/example<br>Twitter @example</div>"
        let closing = "<p>Read <a href=\"https://example.org/statement\">the full statement from the ministry</a>.</p>"
        let body = "<article><div class=\"body\">" + Self.story.map { "<p>\($0)</p>" }.joined() + closing + related + accounts + "</div></article>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story + ["Read [the full statement from the ministry](https://example.org/statement)."])
        #expect(article.dropped.map(\.rule).filter { $0 != "outside-story" } == ["related", "social-profile"])
    }

    /// A page whose markup gives no date takes the one in the story's byline block; with a date in
    /// its markup, the byline's is left alone.
    @Test func theBylineBlockGivesTheDateWhenTheMarkupGivesNone() throws {
        let body = "<article><div class=\"body\"><span class=\"submitted\">Submitted on Mon, 2018-09-24 13:49</span>" + Self.story.map { "<p>\($0)</p>" }.joined() + "</div></article>"
        let undated = try importPage(Self.page(body: body))
        #expect(undated.fileText.contains("date: \"2018-09-24\""))
        #expect(undated.dropped.contains { $0.rule == "byline" && $0.outcome == "used as date" })
        let dated = try importPage(Self.page(body: body, head: "<meta property=\"article:published_time\" content=\"2018-09-26T08:00:00Z\">"))
        #expect(dated.fileText.contains("date: \"2018-09-26"))
        #expect(dated.dropped.contains { $0.rule == "byline" && $0.outcome == "dropped" })
        // A date under the headline, outside the story's element, dates it too; a sidebar's date before the headline does not.
        let headline = "<aside><span class=\"date\">01.02.2017</span></aside><h1>Abe and Trump agree to trade talks</h1><span class=\"date\">24.09.2018</span>"
            + "<div class=\"body\" itemprop=\"articleBody\">" + Self.story.map { "<p>\($0)</p>" }.joined() + "</div>"
        #expect(try importPage(Self.page(body: headline)).fileText.contains("date: \"2018-09-24\""))
        let sidebarOnly = "<aside><span class=\"date\">01.02.2017</span></aside><h1>Abe and Trump agree to trade talks</h1>"
            + "<div class=\"body\" itemprop=\"articleBody\">" + Self.story.map { "<p>\($0)</p>" }.joined() + "</div>"
        #expect(try importPage(Self.page(body: sidebarOnly)).fileText.contains("draft: true"))
    }

    /// A heading over a wrapper whose furniture was all dropped (a slideshow widget, a comments
    /// system's box) goes with it; a heading over a wrapper that keeps text stays.
    @Test func aHeadingOverDroppedFurnitureGoes() throws {
        let slides = "<div class=\"widget\"><h3>Featured Slide Shows</h3><div><div class=\"slideshow\"><p>A photo contest winner</p><ul><li>Previous</li><li>Next</li></ul></div></div></div>"
        let comments = "<div><h3>Comments</h3><div class=\"live-fyre\"><p>Loading Comments...</p></div></div>"
        let section = "<div><h3>What comes next</h3><div><div><p>\(Self.story[3])</p></div></div></div>"
        let body = "<article><div class=\"body\"><p>\(Self.story[0])</p><p>\(Self.story[1])</p><p>\(Self.story[2])</p>" + section + slides + comments + "</div></article>"
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Array(Self.story.prefix(3)) + ["### What comes next", Self.story[3]])
    }

    /// A box inside the story that is another story, with its own headline and byline (the Daily
    /// Mail's fact boxes), goes; a box of the story's own facts (a heading, then facts) stays.
    @Test func anotherStoryBoxedInsideTheStoryGoes() throws {
        let box = """
        <div class="mol-factbox floatRHS"><h3>Prince Charles: One million young people need urgent help</h3>
        <div><p>By Tom Pyman for MailOnline</p><p>As many as a million young people need urgent help to ensure their futures are protected, the Prince said.</p></div></div>
        """
        let facts = "<div class=\"factbox\"><h3>The deal in numbers</h3><p>Tariffs on 7.2 billion dollars of farm goods are cut, the ministry said on Tuesday.</p></div>"
        let body = "<article><div class=\"body\"><p>\(Self.story[0])</p><p>\(Self.story[1])</p>\(box)<p>\(Self.story[2])</p>\(facts)<p>\(Self.story[3])</p></div></article>"
        let article = try importPage(Self.page(body: body))
        let paragraphs = Fixtures.paragraphs(ofArticle: article.fileText)
        #expect(!paragraphs.contains { $0.contains("million young people") || $0.contains("Tom Pyman") })
        #expect(paragraphs.contains { $0.contains("Tariffs on 7.2 billion") })
        #expect(Self.story.allSatisfy(paragraphs.contains))
    }

    /// A class that says where an element sits (`above-footer`, The Points Guy's wrapper around
    /// the whole story) is not the furniture it names; an editorial or advertiser disclosure is.
    @Test func aWrapperAboveTheFooterHoldsTheStoryAndADisclosureGoes() throws {
        let body = """
        <div class="above-footer"><div class="post-content"><section class="article-content">
        <section class="editorial-disclosure"><p>This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.</p></section>
        <div class="article-body-content"><p>\(Self.story[0])</p><p>\(Self.story[1])</p><p>\(Self.story[2])</p><p>\(Self.story[3])</p></div>
        </section></div></div><footer><p>Copyright Example Media</p></footer>
        """
        let article = try importPage(Self.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Self.story)
    }

    /// Blogger renders a post from a script template and keeps the same post in a `<noscript>`
    /// beside it: that copy is the story. A `<noscript>` beside text of its own (a tracking pixel's
    /// fallback next to a paragraph) is still not read.
    @Test func aPostKeptOnlyInANoscriptIsTheStory() throws {
        let paragraphs = Self.story.map { "<p>\($0)</p>" }.joined()
        let body = """
        <div class="header-desc">The latest news and insights from Example on security and safety on the Internet</div>
        <div class="post"><h2 class="title">A post</h2><div class="post-body"><div class="post-content" itemprop="articleBody">
        <script type="text/template">\(paragraphs)</script><noscript>\(paragraphs)</noscript></div></div></div>
        <div><p>Text beside a fallback.</p><noscript><p>Enable scripts to see the comments.</p></noscript></div>
        """
        let article = try importPage(Self.page(body: body))
        let kept = Fixtures.paragraphs(ofArticle: article.fileText)
        #expect(Array(kept.prefix(Self.story.count)) == Self.story)
        #expect(!kept.contains { $0.contains("Enable scripts") })
    }
}
