import Testing
@testable import GlossImport

/// Rules for what readability-style scoring gets wrong on real pages: a story too short for the
/// scorer's first pass (a two-sentence item, a paywalled story's one open paragraph), a caption
/// that says again what its image's alt text says, and further reading after the last sentence.
@Suite struct ShortStoryAndCaptionTests {
    let pages = PageExtractionTests()
    static let story = PageExtractionTests.story

    /// Every pass finds a short result; the one holding what the page's description says is the
    /// story, not the longer sign-up dialog a pass that ignores class names settles on.
    @Test func aShortItemIsTakenOverALongerSignUpDialog() throws {
        let item = Self.story[0]
        let dialog = (1...3).map { "<p>En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion et vous pourrez vous désabonner en cliquant sur le lien \($0).</p>" }.joined()
        let body = """
        <div class="none" id="dialog" title="Agir !"><div class="form">\(dialog)</div></div>
        <main><div class="article-content"><div class="chapo"><p>\(item)</p></div><div class="texte"><p>Listen to the interview below.</p></div></div></main>
        """
        let article = try pages.importPage(PageExtractionTests.page(body: body, head: "<meta name=\"description\" content=\"\(item)\">"))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText).first == item)
        #expect(!article.fileText.contains("formulaire"))
    }

    /// A video page: its text is the description under the player, in a block classed as a
    /// caption, which every pass leaves out for a dialog beside it; the element that says what the
    /// description says is the story.
    @Test func aVideoPagesDescriptionIsTakenOverADialog() throws {
        let description = Self.story[0]
        let body = """
        <main><div class="player"><div data-video="1"></div></div><div class="item-caption"><span class="teaser-cat">von Jane Doe</span>
        <p class="item-description">\(description)</p><span class="teaser-info">2 min</span></div></main>
        <div class="b-dialog"><div class="dark-modal"><h2>Altersprüfung durchführen?</h2><p>Um Sendungen mit einer Altersbeschränkung zu jeder Tageszeit anzuschauen, kannst du jetzt eine Altersprüfung durchführen. Dafür benötigst du dein Ausweisdokument.</p></div></div>
        """
        let article = try pages.importPage(PageExtractionTests.page(body: body, head: "<meta name=\"description\" content=\"\(description)\">"))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [description])
    }

    /// A paywalled story's one open paragraph in the page's `article-body`, while every pass
    /// settles on the headline block (its deck, which the description repeats): the element the
    /// page names as its story holds more, and is the story.
    @Test func aPaywalledStorysOpenParagraphIsTakenOverTheHeadlineBlock() throws {
        let paragraph = "Japanese Prime Minister Shinzo Abe said on Monday that he and President Donald Trump had agreed to start talks on a trade deal easing fears of tariffs on cars and that officials from both sides would meet in Washington before the end of the year to agree on an agenda for the talks."
        let deck = "The two leaders met for more than an hour in New York, where Abe had travelled, with aides, for the United Nations General Assembly, officials said"
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Abe and Trump agree to trade talks | Example News</title>
        <meta name="description" content="\(deck)"></head><body>
        <div class="wrap"><div><div class="article-header"><strong class="section"><i>lock</i>For subscribers</strong>
        <h1>Abe and Trump agree to trade talks</h1><h2>\(deck)</h2></div></div></div>
        <div class="row"><div class="primary"><div class="article-body"><div><div><div class="content-block"><p>\(paragraph)</p>
        <aside class="related-stories"><a href="/1">Related: Trump says Japan must pay more for its cars, and more for its defence</a></aside>
        </div></div></div></div></div></div>
        <footer class="site-footer">© 2018 Example News.</footer></body></html>
        """
        let article = try pages.importPage(page)
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [paragraph])
    }

    /// A caption block after a picture that repeats the image's alt text (with an "Enlarge" button)
    /// goes, as does a caption set beside its image without a `<figure>`; a standfirst that the
    /// page also gives as its lead image's alt text stays, since the description says it too.
    @Test func aCaptionRepeatingTheImagesAltTextGoes() throws {
        let caption = "Abe and Trump in New York on Monday"
        let standfirst = "Japan and the United States will open trade talks, easing fears of new tariffs on Japanese cars."
        let body = """
        <article><div class="visual"><picture><img src="/lead.jpg" alt="\(standfirst)"></picture><p>\(standfirst)</p></div>
        <p>\(Self.story[0])</p>
        <div class="visual inline"><picture><img src="/a.jpg" alt="\(caption)"></picture>
        <div class="description"><a class="btn" href="/a-large.jpg"><strong>Enlarge</strong></a> <strong class="title">\(caption)</strong></div></div>
        <p>\(Self.story[1])</p>
        <div class="visual__image"><img src="/b.jpg" alt="\(caption) (Reuters)"><figcaption>\(caption) (Reuters)</figcaption></div>
        <p>\(Self.story[2])</p><p>\(Self.story[3])</p></article>
        """
        let article = try pages.importPage(PageExtractionTests.page(body: body, head: "<meta name=\"description\" content=\"\(standfirst)\">"))
        let kept = Fixtures.paragraphs(ofArticle: article.fileText).filter { !$0.hasPrefix("![") }
        #expect(kept == [standfirst] + Self.story)
        #expect(article.dropped.filter { $0.rule == "caption" }.count == 2)
    }

    /// Paragraphs that are nothing but a link, after the story's last sentence, are further
    /// reading, heading and all; a link alone between paragraphs stays.
    @Test func linksAfterTheLastSentenceGo() throws {
        let document = "[The agreement in full](https://example.org/agreement.pdf)"
        let body = """
        <article><div class="text"><p>\(Self.story[0])</p><p><a href="https://example.org/agreement.pdf">The agreement in full</a></p>
        <p>\(Self.story[1])</p><p>\(Self.story[2])</p><p>\(Self.story[3])</p>
        <h3>Read more:</h3><p><a href="/news/1">Kohlmann: Next we win the Davis Cup</a></p><p><a href="/news/2">Japan names its team for 2022</a></p>
        <p><a href="/c/politics">Politics</a> <a href="/c/trade">Trade</a></p></div></article>
        """
        let article = try pages.importPage(PageExtractionTests.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == [Self.story[0], document] + Self.story[1...])
        #expect(article.dropped.filter { $0.rule == "related" }.count == 3)
    }

    /// A CamelCase class (`APageRoot`) holds no furniture word across its parts ("pager"): the
    /// story in it is kept.
    @Test func aCamelCaseClassIsReadByItsParts() throws {
        let paragraphs = Self.story.prefix(3).map { "<section class=\"APageRoot__SectionWrapper\"><div class=\"TextAndImage__Text\"><p>\($0)</p></div></section>" }.joined()
        let body = """
        <main class="APageRoot"><div class="APageRoot__Sections">\(paragraphs)</div></main>
        """
        let article = try pages.importPage(PageExtractionTests.page(body: body))
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == Array(Self.story.prefix(3)))
    }

    /// A page with no story says where the story was looked for and which rules left out what was there.
    @Test func aPageWithNoStorySaysWhereItLookedAndWhatItLeftOut() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let body = """
        <div class="site-footer"><p>Copyright 2020 Example News. All rights reserved. Terms of use and privacy policy apply here.</p></div>
        <div class="cookie-notice"><p>We use cookies to improve your experience on our site and to show you relevant adverts.</p></div>
        """
        let report = scratch.importFiles([scratch.write("page.html", PageExtractionTests.page(body: body))])
        let message = report.problems.first?.message ?? ""
        #expect(report.hasErrors && message.hasPrefix("no article text"))
        #expect(message.contains("matched boilerplate rules: cookies") && message.contains("found as the best-scored element"), "\(message)")
    }
}
