import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// `"…," the prime minister said` in an article that names Mr Smith but never with his title: the
/// registry's `roles:` or the other articles of the site say who held the role then (made-up
/// paragraphs, none from a corpus).
@Suite struct RoleHolderTests {
    /// Articles (date, paragraphs), `a0`, `a1`, …, loaded as one site with John Smith and Jane Doe
    /// registered (see `NewsAttributionTests.registry`).
    static func content(_ articles: [(date: String, paragraphs: [String])], registry: String = NewsAttributionTests.registry) throws -> SiteContent {
        var files = registry
        for (n, article) in articles.enumerated() {
            files += "-- content/articles/a\(n).md --\n---\ntitle: A\(n)\ndate: \(article.date)\n---\n" + article.paragraphs.joined(separator: "\n\n") + "\n"
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        return try #require(content, "\(diagnostics)")
    }

    /// The speakers of the last article's quotations, by slug, and its analysis's revision.
    static func credited(_ site: AnalysedSite, of count: Int) throws -> (speakers: [String?], revision: Int) {
        let last = try #require(site.articles.first { $0.article.slug == "a\(count - 1)" })
        return (last.quotes.map { $0.speaker.map { site.registry.entities[$0].slug } }, last.revision)
    }

    static func speakers(_ articles: [(date: String, paragraphs: [String])], registry: String = NewsAttributionTests.registry) throws -> [String?] {
        try credited(SiteAnalyser.analyse(content(articles, registry: registry)), of: articles.count).speakers
    }

    /// John Smith as the registry's prime minister (`roles:`), Jane Doe as home secretary until 2004.
    static let declaring = NewsAttributionTests.registry.replacingOccurrences(of: "aliases: [Smith, Mr Smith]\n", with: """
        aliases: [Smith, Mr Smith]
        roles: [Prime  Minister]

        """).replacingOccurrences(of: "aliases: [Doe]\n", with: """
        aliases: [Doe]
        roles:
          - {role: home secretary, from: 2001-06-08, to: 2004-12-15}

        """)

    @Test func theRegistrySaysWhoHeldARole() throws {
        // With no article that names him prime minister.
        #expect(try Self.speakers([("2005-02-10", Self.bareRole)], registry: Self.declaring) == ["john-smith"])
        // Within her dates, whatever the articles say; outside them, not hers even if they say so.
        let homeSecretary = ["Ms Doe was in Leeds.", "The home secretary told the BBC: \"We will win this argument.\""]
        #expect(try Self.speakers([("2004-11-10", homeSecretary)], registry: Self.declaring) == ["jane-doe"])
        #expect(try Self.speakers([
            ("2005-01-10", ["Home Secretary Jane Doe visited Leeds."]), ("2005-01-20", ["Home Secretary Jane Doe visited York."]),
            ("2005-02-10", homeSecretary),
        ], registry: Self.declaring) == [nil])
    }

    @Test func checkListsTheQuotationsCreditedToARolesHolder() throws {
        let site = SiteAnalyser.analyse(try Self.content(Self.titled + [("2005-02-10", Self.bareRole)]))
        #expect(EditorReport(site).roleCredits == [
            EditorReport.RoleCredit(path: "content/articles/a2.md", paragraph: 3, role: "prime minister", entity: "john-smith"),
        ])
    }

    @Test func aRoleInTheRegistryMustBeWellFormed() throws {
        let site = try TestSite(NewsAttributionTests.registry.replacingOccurrences(of: "aliases: [Doe]\n", with: """
            aliases: [Doe]
            roles: [{role: home secretary, from: 2005-01-01, to: 2004-12-15}, ""]

            """))
        defer { site.remove() }
        let diagnostics = SiteLoader.load(from: site.root).diagnostics
        #expect(diagnostics.map(\.description).contains {
            $0.contains("content/entities/jane-doe.md:") && $0.contains("error: `roles`: `to` (2004-12-15) is before `from` (2005-01-01)")
        }, "\(diagnostics)")
    }

    /// The preview's cache hands an unchanged article back whole, so its pages are not made
    /// again: one credited from the site's role holders too, until they change.
    @Test func aCreditedArticleIsKeptBetweenPreviewBuilds() throws {
        var content = try Self.content(Self.titled + [("2005-02-10", Self.bareRole)])
        let cache = AnalysisCache()
        let first = try Self.credited(SiteAnalyser.analyse(content, cache: cache), of: 3)
        let second = try Self.credited(SiteAnalyser.analyse(content, cache: cache), of: 3)
        #expect(first.speakers == ["john-smith"])
        #expect(first.revision == second.revision)
        // One article fewer that names him prime minister: no longer agreed on, so no speaker.
        content.articles.removeAll { $0.slug == "a0" }
        let third = try Self.credited(SiteAnalyser.analyse(content, cache: cache), of: 3)
        #expect(third.speakers == [nil])
        #expect(third.revision != first.revision)
    }

    static let titled: [(date: String, paragraphs: [String])] = [
        ("2005-01-10", ["Prime Minister John Smith visited Leeds on Monday."]),
        ("2005-02-01", ["Jane Doe, the home secretary, and Prime Minister John Smith planned the visit last year."]),
    ]

    static let bareRole = ["Mr Smith has said the election will be fought on the economy.",
                           "Ms Doe was also in Leeds.",
                           "The prime minister told the BBC: \"We will win this argument.\""]

    @Test func aBareRoleIsTheHolderOtherArticlesName() throws {
        #expect(try Self.speakers(Self.titled + [("2005-02-10", Self.bareRole)]) == ["john-smith"])
        // Inverted, and the quotation after it in the next paragraph.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Mr Smith arrived in Leeds on Monday.",
            "\"We will win this argument,\" the prime minister said.",
            "\"And we will win the election.\"",
        ])]) == ["john-smith", "john-smith"])
        // Alone, the article does not say who the prime minister is.
        #expect(try Self.speakers([("2005-02-10", Self.bareRole)]) == [nil])
    }

    @Test func everyFormOfABareRoleIsCredited() throws {
        let cases: [([String], [String?])] = [
            (["\"We will win this argument,\" said the prime minister."], ["john-smith"]),
            (["The prime minister said he was \"deeply saddened\" by the news."], ["john-smith"]),
            (["The PM said: \"We will win this argument.\""], ["john-smith"]),
            (["Asked about it, the prime minister said: \"We will win this argument.\""], ["john-smith"]),
            (["The prime minister said: \"We will win this argument.\"", "He added: \"And the election.\""], ["john-smith", "john-smith"]),
            (["The prime minister will visit Leeds on Monday.", "He said: \"We will win this argument.\""], ["john-smith"]),
            // Not the holder, or not alone.
            (["A spokesman for the prime minister said: \"We will win this argument.\""], [nil]),
            (["The prime minister and the home secretary said in a joint statement: \"We will win this argument.\""], [nil]),
            (["The former prime minister said: \"We will win this argument.\""], [nil]),
            // Named "prime minister" elsewhere, not "the minister".
            (["The minister said: \"We will win this argument.\""], [nil]),
        ]
        for (paragraphs, expected) in cases {
            #expect(try Self.speakers(Self.titled + [("2005-02-10", ["Mr Smith and Ms Doe were in Leeds on Monday."] + paragraphs)]) == expected,
                    "\(paragraphs)")
        }
    }

    @Test func aRoleTheArticleIntroducesIsReadTheSameWay() throws {
        let cases: [([String], [String?])] = [
            // A former holder is not "the prime minister", but is "the former prime minister".
            (["Former prime minister John Smith was in Leeds.", "The prime minister said: \"We will win this argument.\""], [nil]),
            (["Former prime minister John Smith was in Leeds.", "The former prime minister said: \"We will win this argument.\""], ["john-smith"]),
            (["Deputy Prime Minister Jane Doe was in Leeds.", "\"We will win this argument,\" the deputy prime minister said."], ["jane-doe"]),
            (["Prime Minister John Smith was in Leeds.", "\"We will win this argument,\" said the prime minister."], ["john-smith"]),
            (["Prime Minister John Smith was in Leeds.", "A spokesman for the prime minister said: \"We will win this argument.\""], [nil]),
        ]
        for (paragraphs, expected) in cases {
            #expect(try NewsAttributionTests.quotes(registry: "", paragraphs).map(\.speaker) == expected, "\(paragraphs)")
        }
    }

    @Test func theHolderMustBeNamedAndAgreedOn() throws {
        // Not named before the quotation: no speaker.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Ms Doe was in Leeds.", "The prime minister told the BBC: \"We will win this argument.\"", "Mr Smith left.",
        ])]) == [nil])
        // A role the holder was not named in: "the home secretary" is Ms Doe's, not his.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Mr Smith was in Leeds.", "The home secretary told the BBC: \"We will win this argument.\"",
        ])]) == [nil])
        // Another role that ends in the same noun: the deputy prime minister is someone else.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Mr Smith was in Leeds.", "The deputy prime minister told the BBC: \"We will win this argument.\"",
        ])]) == [nil])
        // Too long after the articles that name him in it.
        #expect(try Self.speakers(Self.titled + [("2006-02-10", Self.bareRole)]) == [nil])
        // Articles of that time that disagree: a reshuffle, or two people called so.
        #expect(try Self.speakers(Self.titled + [
            ("2005-02-03", ["Prime Minister Jane Doe visited York."]),
            ("2005-02-10", Self.bareRole),
        ]) == [nil])
        // The article writes of a like role otherwise before: "the prime minister" may be that one.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Mr Smith met the Italian prime minister in Rome.",
            "The prime minister told the BBC: \"We will win this argument.\"",
        ])]) == [nil])
        // Someone the article itself introduces in the role, registered or not, comes first.
        #expect(try Self.speakers(Self.titled + [("2005-02-10", [
            "Mr Smith met the Italian prime minister, Marco Rossi, in Rome.",
            "The prime minister told the BBC: \"We will win this argument.\"",
        ])]) == [nil])
    }

    @Test func aPartyIsOneRoleWhicheverNameItGoesBy() throws {
        let conservative = [("2005-01-10", ["Conservative leader John Smith visited York."]), ("2005-01-20", ["Conservative leader John Smith visited Hull."])]
        func bare(_ role: String) -> (date: String, paragraphs: [String]) {
            ("2005-02-10", ["Mr Smith and Ms Doe were in Leeds.", "The \(role) told the BBC: \"We will win this argument.\""])
        }
        #expect(try Self.speakers(conservative + [bare("Tory leader")]) == ["john-smith"])
        #expect(try Self.speakers(conservative + [bare("Conservative leader")]) == ["john-smith"])
        // Another party's leader is someone else.
        #expect(try Self.speakers(conservative + [bare("Labour leader")]) == [nil])
        let libDem = [("2005-01-10", ["Lib Dem leader Jane Doe visited York."]), ("2005-01-20", ["Lib Dem leader Jane Doe visited Hull."])]
        #expect(try Self.speakers(libDem + [bare("Liberal Democrat leader")]) == ["jane-doe"])
        // The registry's roles too.
        let declared = NewsAttributionTests.registry.replacingOccurrences(of: "aliases: [Smith, Mr Smith]\n", with: "aliases: [Smith, Mr Smith]\nroles: [Tory leader]\n")
        #expect(try Self.speakers([bare("Conservative leader")], registry: declared) == ["john-smith"])
        #expect(RoleTitle(phrase: "gop leader", entity: EntityID(0)).keys == ["republican leader"])
    }

    @Test func titlesAndRolesAreReadAsPhrases() throws {
        let analysed = SiteAnalyser.analyse(try Self.content([("2005-01-10", [
            "Prime Minister John Smith met Deputy Prime Minister Jane Doe. Later, Ms Doe, the UK's new home secretary, spoke.",
        ])]))
        let titles = analysed.articles[0].roleTitles.map { "\(analysed.registry.entities[$0.entity].slug): \($0.phrase)" }
        #expect(titles == ["jane-doe: deputy prime minister", "jane-doe: home secretary", "john-smith: prime minister"])
        #expect(RoleTitle(phrase: "deputy prime minister", entity: EntityID(0)).keys == ["deputy prime minister"])
        #expect(RoleTitle(phrase: "uk chancellor", entity: EntityID(0)).keys == ["uk chancellor"])
        #expect(RoleTitle(phrase: "chancellor", entity: EntityID(0)).keys == ["chancellor"])
        #expect(RoleTitle(phrase: "tory shadow chancellor", entity: EntityID(0)).keys == ["conservative shadow chancellor", "shadow chancellor"])
    }
}
