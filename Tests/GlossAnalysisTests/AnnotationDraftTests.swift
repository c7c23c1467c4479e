import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

@Suite struct AnnotationDraftTests {
    let article = Article(slug: "a", path: "content/articles/a.md", title: "A", date: ContentDate("2018-09-23")!, tags: [],
                          draft: false, body: "Abe said \"it went well\". It went well.\n\nThe KORUS deal with Seoul.", bodyLine: 5)
    let config = SiteConfig(title: "T")

    func prepare(_ quote: String, occurrence: Int? = nil) -> AnnotationDraft.Outcome {
        AnnotationDraft.prepare(quote: quote, occurrence: occurrence, kind: .context, author: "Desk \"A\"", date: "2026-11-29",
                                article: article, config: config)
    }

    @Test func aUniqueQuoteGivesAFileThatLoadsCleanly() throws {
        guard case let .ready(file, message) = prepare("KORUS deal") else { Issue.record("not ready"); return }
        #expect(message.hasPrefix("the quote anchors in paragraph 2"))
        let site = try TestSite("-- gloss.yml --\ntitle: T\n-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-09-23\n---\n\(article.body)\n")
        defer { site.remove() }
        try site.write("content/annotations/a/korus.md", file)
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(diagnostics.isEmpty)
        #expect(content?.annotations.first?.quote == "KORUS deal")
        #expect(content?.annotations.first?.author == "Desk \"A\"")
    }

    @Test func aRepeatedQuoteAsksForAnOccurrence() {
        guard case let .rejected(message) = prepare("went well") else { Issue.record("not rejected"); return }
        #expect(message.hasPrefix("the quote occurs 2 times in `a`; choose one:\n  --occurrence 1: "))
        guard case .ready(let file, _) = prepare("went well", occurrence: 2) else { Issue.record("not ready"); return }
        #expect(file.contains("occurrence: 2\n"))
    }

    @Test func aQuoteNotInTheArticleSaysWhatTheArticleSays() {
        guard case let .rejected(message) = prepare("The KORUS deal with Tokyo") else { Issue.record("not rejected"); return }
        #expect(message.hasPrefix("the quote is not in `a` exactly (4 edits away); the article says: \"The KORUS deal with Seo"))
    }
}
