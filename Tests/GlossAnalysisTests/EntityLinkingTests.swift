import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// Entity linking through the whole analyse stage, with the sentences editors actually write.
@Suite struct EntityLinkingTests {
    static let registry = """
    -- gloss.yml --
    title: T
    -- content/entities/shinzo-abe.md --
    ---
    name: Shinzo Abe
    kind: person
    aliases: [Abe]
    ---
    -- content/entities/donald-trump.md --
    ---
    name: Donald Trump
    aliases: [Trump]
    ---
    -- content/entities/trump-tower.md --
    ---
    name: Trump Tower
    kind: place
    ---
    -- content/entities/united-states.md --
    ---
    name: United States
    aliases: [US]
    ---
    -- content/entities/north-korea.md --
    ---
    name: North Korea
    ---
    -- content/entities/robert-lighthizer.md --
    ---
    name: Robert Lighthizer
    aliases: [Lighthizer, US Trade Representative Robert Lighthizer]
    ---
    -- content/entities/korus.md --
    ---
    name: KORUS
    aliases: [{alias: korus, match_case: false}]
    ---

    """

    func analyse(_ body: String, config: String = "") throws -> (AnalysedSite, AnalysedArticle) {
        let site = try TestSite(Self.registry.replacingOccurrences(of: "title: T\n", with: "title: T\n" + config)
            + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-09-23\n---\n" + body + "\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
        return (analysed, analysed.articles[0])
    }

    func links(_ html: String) -> [String] {
        html.components(separatedBy: "data-entity=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func wordsAreRunsBetweenSpacesAndLineBreaks() {
        #expect(SiteAnalyser.wordCount("") == 0)
        #expect(SiteAnalyser.wordCount("  Abe met\n\nTrump  in Osaka.\n") == 5)
        #expect(SiteAnalyser.wordCount("Lïghthizer’s tariffs—again") == 2)
    }

    @Test func longestNameWinsAndPossessivesLinkTheBaseName() throws {
        let (_, article) = try analyse("Shinzo Abe dined at Trump Tower. President Trump’s tariffs and Abe's third term. US Trade Representative Robert Lighthizer spoke.")
        #expect(links(article.html) == ["shinzo-abe", "trump-tower", "donald-trump", "robert-lighthizer"])
        #expect(article.html.contains(">Trump</a>’s tariffs"))
        #expect(article.html.contains(">US Trade Representative Robert Lighthizer</a> spoke"))
    }

    @Test func hyphenatedCompoundsLinkBothPartsAndCaseMatters() throws {
        let (_, article) = try analyse("The US-North Korea summit. Let us go. KORUS and Korus.")
        #expect(links(article.html) == ["united-states", "north-korea", "korus"])
        #expect(article.html.contains("Let us go"))
        // Mentions are by entity index, entities sorted by slug: korus is 1; both spellings count.
        #expect(article.mentions.first { $0.entity == 1 }?.count == 2)
    }

    @Test func neverInsideCodeLinksImagesOrHeadings() throws {
        let (_, article) = try analyse("""
        # Abe in the headline

        `Abe` in code, [Abe in a link](https://x.org), ![Abe](a.png) and finally Prime Minister Abe.

            Abe in a code block
        """)
        #expect(links(article.html) == ["shinzo-abe"])
        #expect(article.html.contains("<h1>Abe in the headline</h1>"))
        #expect(article.html.contains("<code>Abe</code>"))
        #expect(article.html.contains("finally Prime Minister <a class=\"entity\" data-entity=\"shinzo-abe\" href=\"../../entities/shinzo-abe/\">Abe</a>."))
    }

    @Test func firstMentionOnlyByDefaultEveryMentionWhenAsked() throws {
        let body = "Shinzo Abe met Donald Trump. Abe left. Abel stayed in Aberdeen."
        let (_, first) = try analyse(body)
        #expect(links(first.html) == ["shinzo-abe", "donald-trump"])
        #expect(first.mentions.map(\.count) == [1, 2])  // donald-trump, shinzo-abe: "Abel", "Aberdeen" are not Abe
        let (_, all) = try analyse(body, config: "entities:\n  link: all\n")
        #expect(links(all.html) == ["shinzo-abe", "donald-trump", "shinzo-abe"])
    }

    @Test func anAliasClaimedTwiceIsAnErrorUnlessDeclaredAmbiguous() throws {
        let clash = try TestSite(Self.registry + "-- content/entities/abe-clan.md --\n---\nname: Abe clan\naliases: [Abe]\n---\n")
        defer { clash.remove() }
        let (content, _) = SiteLoader.load(from: clash.root)
        let analysed = rendered(SiteAnalyser.analyse(try #require(content)))
        #expect(analysed.diagnostics.map(\.description) == [
            "content/entities/shinzo-abe.md:4:1: error: alias \"Abe\" is claimed by both `abe-clan` (content/entities/abe-clan.md) and `shinzo-abe` (content/entities/shinzo-abe.md); remove it from one, or list it under `ambiguous_aliases` so it is linked only where an article names just one of them in full"])

        let declared = try TestSite(Self.registry.replacingOccurrences(of: "aliases: [Abe]", with: "ambiguous_aliases: [Abe]")
            + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nAbe spoke. Shinzo Abe listened.\n")
        defer { declared.remove() }
        let (content2, _) = SiteLoader.load(from: declared.root)
        let site = rendered(SiteAnalyser.analyse(try #require(content2)))
        #expect(site.diagnostics.isEmpty)
        #expect(links(site.articles[0].html) == ["shinzo-abe"])
        #expect(site.articles[0].html.contains("<p>Abe spoke."))
        #expect(EditorReport(site).ambiguous == [AmbiguousOccurrence(alias: "Abe", path: "content/articles/a.md", line: 5)])
    }

    @Test func checkListsCandidateNamesAndUnusedAliases() throws {
        let site = try TestSite(Self.registry
            + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nThe White House said Jesper Koll was right. Prime Minister Abe agreed.\n"
            + "-- content/articles/b.md --\n---\ntitle: B\ndate: 2018-01-02\n---\nJesper Koll spoke to the White House again.\n")
        defer { site.remove() }
        let (content, _) = SiteLoader.load(from: site.root)
        let report = EditorReport(SiteAnalyser.analyse(try #require(content)))
        #expect(report.candidates == [.init(name: "Jesper Koll", articles: 2), .init(name: "White House", articles: 2)])
        #expect(report.unusedAliases.map(\.alias) == ["Trump", "Lighthizer", "US Trade Representative Robert Lighthizer", "US"])
    }

    /// A name typed with a combining accent (as macOS and some sites save text) is the registry's
    /// precomposed name, and the other way round.
    @Test func namesLinkWhateverUnicodeFormTheyWereTypedIn() throws {
        for (name, text) in [("José Mourinho", "Jose\u{301} Mourinho spoke."), ("Jose\u{301} Mourinho", "José Mourinho spoke.")] {
            let site = try TestSite("-- gloss.yml --\ntitle: T\nentities:\n  link: all\n-- content/entities/jose.md --\n---\nname: \(name)\nkind: person\n---\n"
                + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2020-01-06\n---\n\(text)\n")
            defer { site.remove() }
            let (content, diagnostics) = SiteLoader.load(from: site.root)
            let analysed = rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
            #expect(analysed.articles[0].html.contains("data-entity=\"jose\""), "\(text)")
        }
    }
}
