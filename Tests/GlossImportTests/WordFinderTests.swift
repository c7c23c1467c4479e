import GlossContent
import Testing
@testable import GlossImport

/// `WordFinder` answers what a substring search per word answers: the class-name rules depend on it.
@Suite struct WordFinderTests {
    @Test func findsOverlappingAndRepeatedWordsOnce() {
        let finder = WordFinder(["share", "hare", "re", "sharing"])
        #expect(finder.occurring(in: Array("social-share share".utf8)) == [0, 1, 2])
        #expect(finder.occursAny(in: Array("xsharingx".utf8)))
        #expect(!finder.occursAny(in: Array("shar".utf8)))
        #expect(finder.occurring(in: Array("".utf8)).isEmpty)
        #expect(finder.occurring(in: Array("r".utf8)).isEmpty)
    }

    /// Random words and texts over a small alphabet (so words often overlap and share prefixes),
    /// against searching for each word on its own.
    @Test func agreesWithSearchingWordByWord() {
        var random = SplitMix64(seed: 2026)
        let alphabet = Array("ab-c".utf8)
        func text(_ length: Int) -> [UInt8] { (0..<length).map { _ in alphabet[random.below(alphabet.count)] } }
        for _ in 0..<500 {
            let words = (0..<(1 + random.below(8))).map { _ in String(decoding: text(2 + random.below(4)), as: UTF8.self) }
            let finder = WordFinder(words)
            let sample = text(random.below(30))
            let expected = words.indices.filter { ContentRules.find(Array(words[$0].utf8), in: sample) != nil }
            #expect(finder.occurring(in: sample) == expected, "\(words) in \(String(decoding: sample, as: UTF8.self))")
            #expect(finder.occursAny(in: sample) == !expected.isEmpty)
        }
    }

    /// The rules as the importer uses them: a story marker overrides furniture words, tokens
    /// come before words, and the first rule in the table wins.
    @Test func furnitureRuleKeepsTheTableOrder() {
        #expect(ContentRules.furnitureRule(classes: " related-share", tokens: ["related", "share"]) == "share")  // "share" is a token
        #expect(ContentRules.furnitureRule(classes: " related-sharebar", tokens: ["related", "sharebar"]) == "share")  // share's rule is first
        #expect(ContentRules.furnitureRule(classes: " story-body social", tokens: ["story", "body", "social"]) == nil)
        #expect(ContentRules.furnitureRule(classes: " has-comments", tokens: ["has", "comments"]) == nil)
        #expect(ContentRules.furnitureRule(classes: " trending-list", tokens: ["trending", "list"]) == "related")
        #expect(ContentRules.furnitureRule(classes: " autor small", tokens: ["autor", "small"]) == "byline")  // WDR's "Von Nina Magoley"
        #expect(ContentRules.furnitureRule(classes: " autoresize", tokens: ["autoresize"]) == nil)  // a whole token only
        #expect(ContentRules.classWeight(className: "article-body", id: "sidebar") == 0)
    }

    /// In a CamelCase name a furniture word keeps to the parts the capitals mark; in one
    /// written all in lowercase it may sit anywhere inside a word, as before.
    @Test func aCamelCaseNameHoldsOnlyTheWordsItsCapitalsMark() {
        func rule(_ written: String) -> String? {
            let label = " " + written.lowercased()
            return ContentRules.furnitureRule(classes: label, written: " " + written, tokens: PageFacts.words(label))
        }
        #expect(rule("APageRoot") == nil)            // not "pager"
        #expect(rule("HomepageRegion") == nil)
        #expect(rule("apageroot") == "navigation")   // all lowercase: no parts to go by
        #expect(rule("mtnFooterSitemap") == "footer")
        #expect(rule("NewsLetter") == "subscribe")
        #expect(rule("topNavBar") == "navigation")
        #expect(rule("mtnCommentText") == "comments")
        #expect(rule("SocialBar") == "share")
    }
}
