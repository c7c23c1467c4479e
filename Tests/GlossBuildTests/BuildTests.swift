import Foundation
import GlossContent
@testable import GlossRender
import GlossTestSupport
import Testing
@testable import GlossBuild

@Suite struct BuildTests {
    @Test func aSiteWithoutTemplatesBuildsWithTheBuiltInTheme() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(result.diagnostics.map(\.description) == [
            "gloss.yml:1:1: warning: no `base_url`: feed.xml, feed.json, sitemap.xml and robots.txt are not written (they need absolute URLs)"])
        let files = try #require(result.files)
        #expect(!files.contains { ["feed.xml", "feed.json", "sitemap.xml"].contains($0.path) })
        try SiteWriter.write(files, to: site.root + "/site", source: site.root)
        for path in ["index.html", "articles/first/index.html", "entities/shinzo-abe/index.html", "tags/trade/index.html",
                     "404.html", "assets/gloss.css", "entities/index.html"] {
            #expect(site.read("site/" + path) != nil, "missing \(path)")
        }
        let article = try #require(site.read("site/articles/first/index.html"))
        #expect(article.contains("<a class=\"entity\" data-entity=\"shinzo-abe\" href=\"../../entities/shinzo-abe/\">Shinzo Abe</a>"))
        #expect(article.contains("href=\"../../assets/gloss.css\""))
        // Lists render only when they have items: tags, entities in this article, breadcrumbs.
        #expect(article.contains("<ul class=\"tags\" aria-label=\"Tags\"><li><a href=\"../../tags/trade/\" rel=\"tag\">trade</a></li></ul>"))
        #expect(article.contains("<h2 id=\"entities-title\">In this article</h2>"))
        #expect(article.contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"))
        #expect(!article.contains("Related articles"))
    }

    /// A tag in a script without Latin letters has a page, under its transliteration, and keeps its
    /// own spelling on the page and in the article's tag list.
    @Test func aTagInAnyScriptHasAPage() throws {
        let site = try TestSite(TestSite.minimal.replacingOccurrences(of: "tags: [trade]", with: "tags: [trade, 北京, Москва]"))
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(!result.diagnostics.contains { $0.description.contains("error") }, "\(result.diagnostics)")
        let files = try #require(result.files)
        let beijing = String(decoding: try #require(files.first { $0.path == "tags/bei-jing/index.html" }).bytes, as: UTF8.self)
        #expect(beijing.contains("北京"))
        #expect(files.contains { $0.path == "tags/moskva/index.html" })
        let article = String(decoding: try #require(files.first { $0.path == "articles/first/index.html" }).bytes, as: UTF8.self)
        #expect(article.contains("<a href=\"../../tags/bei-jing/\" rel=\"tag\">北京</a>"))
    }

    @Test func aSiteTemplateOverridesTheBuiltInOneOfTheSameName() throws {
        let site = try TestSite(TestSite.minimal + """

        -- Templates/404.mustache --
        <!DOCTYPE html><title>Custom</title><p>Lost? {{site.title}}</p>
        """)
        defer { site.remove() }
        let files = try #require(SiteBuilder.build(BuildOptions(source: site.root)).files)
        let notFound = try #require(files.first { $0.path == "404.html" })
        #expect(String(decoding: notFound.bytes, as: UTF8.self) == "<!DOCTYPE html><title>Custom</title><p>Lost? Test Digest</p>\n")
        #expect(files.contains { $0.path == "articles/first/index.html" })
    }

    @Test func aThemeAssetLinkingOutsideTheSiteIsNotCopied() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.write("secret.txt", "outside")
        try FileManager.default.createDirectory(atPath: site.root + "/Templates/assets", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Templates/assets/leak.txt", withDestinationPath: "/etc/hostname")
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(result.files?.contains { $0.path == "assets/leak.txt" } == false)
        #expect(result.diagnostics.contains { $0.file == "Templates/assets/leak.txt" && $0.severity == .warning })
    }

    @Test func templateErrorsArePositioned() throws {
        let site = try TestSite(TestSite.minimal + "\n-- Templates/tag.mustache --\n<p>\n{{#broken}}\n")
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(result.files == nil)
        #expect(result.diagnostics.contains { $0.file == "Templates/tag.mustache" && $0.severity == .error })
    }

    @Test func everyTemplateValueIsEscaped() throws {
        let site = try TestSite("""
        -- gloss.yml --
        title: "<script>alert('t')</script>"
        -- content/articles/x.md --
        ---
        title: "<img src=x onerror=alert(1)>"
        date: 2024-01-01
        source: "\\"><b>"
        tags: ["<i>"]
        summary: "<em>summary</em>"
        ---
        <script>alert(2)</script>

        [click](javascript:alert(3))
        """)
        defer { site.remove() }
        let files = try #require(SiteBuilder.build(BuildOptions(source: site.root)).files)
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<script>"), "\(file.path)")
            #expect(!html.contains("<img src=x"), "\(file.path)")
            #expect(!html.contains("javascript:"), "\(file.path)")
            #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<em>summary"), "\(file.path)")
        }
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let output = site.root + "/public"
        try SiteWriter.write(try #require(SiteBuilder.build(BuildOptions(source: site.root)).files), to: output, source: site.root)
        let before = GoldenSiteTests.listFiles(output)
        let index = site.read("public/index.html")
        try site.write("content/articles/bad.md", "---\ntitle: [unclosed\n---\n")
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(result.files == nil)
        #expect(result.diagnostics.contains { $0.description.hasPrefix("content/articles/bad.md:3:1: error: malformed YAML: while parsing a flow sequence (from line 2, column 8)") })
        #expect(GoldenSiteTests.listFiles(output) == before)
        #expect(site.read("public/index.html") == index)
    }

    @Test func theWriterRefusesPathsThatEscapeTheOutputAndSiteFolders() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        for bad in ["../evil.html", "/etc/x", "a/../../b", "a//b", ".", "a\\..\\b"] {
            #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter.write([OutputFile(path: bad, text: "x")], to: site.root + "/out", source: site.root)
            }
        }
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "x")], to: site.root, source: site.root)
        }
        #expect(site.read("gloss.yml") != nil)
    }
}

@Suite struct TemplateValueTests {
    @Test func aMissingOptionalNeverPrintsNilNorClimbsToAnOuterField() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let files = try #require(SiteBuilder.build(BuildOptions(source: site.root)).files)
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("\"nil\"") && !html.contains(">nil<") && !html.contains("Optional("), "\(file.path)")
        }
        // The article has no source: its byline must not borrow one from anywhere else.
        let article = String(decoding: try #require(files.first { $0.path == "articles/first/index.html" }).bytes, as: UTF8.self)
        #expect(!article.contains("class=\"source\""))
        #expect(article.contains("<li><span aria-current=\"page\">First article</span></li>"))
    }
}

@Suite struct BuildCacheTests {
    /// The preview's caches must never change output: after each edit, a cached rebuild gives
    /// the same bytes as a fresh build, and redoes only what the edit touched.
    @Test func cachedRebuildsEqualFreshBuilds() throws {
        let site = try TestSite(TestSite.minimal + "\n-- content/articles/other.md --\n---\ntitle: Other\ndate: 2024-04-01\n---\nDonald Trump alone.\n")
        defer { site.remove() }
        let cache = BuildCache()
        let options = BuildOptions(source: site.root)
        let first = SiteBuilder.build(options, cache: cache)
        #expect(first.files == SiteBuilder.build(options).files)
        let unchanged = SiteBuilder.build(options, cache: cache)
        #expect(unchanged.pagesRendered == 0)
        #expect(unchanged.files == first.files)

        Thread.sleep(forTimeInterval: 0.01)  // a new modification time, whatever the file system's resolution
        try site.write("content/articles/first.md", "---\ntitle: First article, edited\ndate: 2024-05-01\ntags: [trade]\n---\nShinzo Abe met Donald Trump in Osaka.\n")
        let edited = SiteBuilder.build(options, cache: cache)
        #expect(edited.files == SiteBuilder.build(options).files)
        #expect(edited.pagesRendered > 0 && edited.pagesRendered < first.pagesRendered)

        try site.write("content/entities/osaka.md", "---\nname: Osaka\nkind: place\n---\n")
        let registry = SiteBuilder.build(options, cache: cache)
        #expect(registry.files == SiteBuilder.build(options).files)
        #expect(registry.files?.contains { $0.path == "entities/osaka/index.html" } == true)
    }

    /// Every kind of edit, one after another on one cache: each page reused by its inputs must
    /// be exactly what a fresh build makes (neighbour links, tag and digest lists, entity
    /// mentions and company, notes, related articles, feeds, search, data files).
    @Test func cachedRebuildsFollowEveryKindOfEdit() throws {
        let site = try TestSite("""
        -- gloss.yml --
        title: Test Digest
        base_url: https://example.org/
        -- content/articles/a.md --
        ---
        title: Alpha
        date: 2024-05-06
        tags: [trade, japan]
        ---
        Shinzo Abe met Donald Trump. "We agreed," Abe said.
        -- content/articles/b.md --
        ---
        title: Beta
        date: 2024-05-01
        tags: [trade]
        ---
        Donald Trump spoke about KORUS.
        -- content/articles/c.md --
        ---
        title: Gamma
        date: 2024-04-20
        ---
        KORUS and Shinzo Abe, again.
        -- content/annotations/b/korus.md --
        ---
        quote: KORUS
        kind: context
        ---
        The US–Korea trade deal; Shinzo Abe was not part of it.
        -- content/entities/shinzo-abe.md --
        ---
        name: Shinzo Abe
        kind: person
        aliases: [Abe]
        ---
        -- content/entities/donald-trump.md --
        ---
        name: Donald Trump
        kind: person
        ---
        -- content/entities/korus.md --
        ---
        name: KORUS
        kind: agreement
        ---
        -- content/entities/osaka.md --
        ---
        name: Osaka
        kind: place
        ---
        A city no article mentions.
        """)
        defer { site.remove() }
        let cache = BuildCache()
        let options = BuildOptions(source: site.root)
        func check(_ edit: String) {
            let cached = SiteBuilder.build(options, cache: cache)
            let fresh = SiteBuilder.build(options)
            #expect(cached.diagnostics == fresh.diagnostics, "\(edit)")
            let cachedFiles = Dictionary((cached.files ?? []).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            let freshFiles = Dictionary((fresh.files ?? []).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            #expect(cachedFiles.keys.sorted() == freshFiles.keys.sorted(), "\(edit)")
            for (path, bytes) in freshFiles where cachedFiles[path] != bytes {
                Issue.record("\(edit): \(path) differs from a fresh build")
            }
        }
        check("first build")
        let edits: [(String, String, String?)] = [
            ("retitle", "content/articles/b.md", "---\ntitle: Beta, renamed\ndate: 2024-05-01\ntags: [trade]\n---\nDonald Trump spoke about KORUS.\n"),
            ("redate", "content/articles/c.md", "---\ntitle: Gamma\ndate: 2024-05-08\n---\nKORUS and Shinzo Abe, again.\n"),
            ("retag", "content/articles/a.md", "---\ntitle: Alpha\ndate: 2024-05-06\ntags: [japan, summit]\n---\nShinzo Abe met Donald Trump. \"We agreed,\" Abe said.\n"),
            ("mention", "content/articles/b.md", "---\ntitle: Beta, renamed\ndate: 2024-05-01\ntags: [trade]\n---\nDonald Trump spoke about KORUS with Shinzo Abe.\n"),
            ("note", "content/annotations/a/abe.md", "---\nquote: Shinzo Abe met\nkind: fact-check\n---\nDonald Trump confirmed it.\n"),
            ("digest", "content/digests/week-one.md", "---\ntitle: The first week\ndate: 2024-05-06\narticles: [a, b]\n---\nAn editor's *week*.\n"),
            ("add article", "content/articles/d.md", "---\ntitle: Delta\ndate: 2024-05-07\ntags: [trade]\n---\nDonald Trump and KORUS.\n"),
            ("unmentioned entity", "content/entities/osaka.md", "---\nname: Osaka\nkind: place\nsummary: A port.\n---\nStill unmentioned.\n"),
            ("alias", "content/entities/donald-trump.md", "---\nname: Donald Trump\nkind: person\naliases: [Trump]\n---\n"),
            ("settings", "gloss.yml", "title: Renamed Digest\nbase_url: https://example.org/news/\n"),
            ("template", "Templates/article.mustache", nil),
            ("delete article", "content/articles/d.md", nil),
        ]
        for (edit, path, text) in edits {
            Thread.sleep(forTimeInterval: 0.01)  // a new modification time, whatever the file system's resolution
            if let text {
                try site.write(path, text)
            } else if path.hasPrefix("Templates/") {
                try site.write(path, try #require(Theme.load(siteTemplates: [:]).theme?.sources["article"]).replacingOccurrences(of: "</article>", with: "<p>edited theme</p></article>"))
            } else {
                try FileManager.default.removeItem(atPath: site.root + "/" + path)
            }
            cache.noteChanges([path])   // as the preview's watcher does
            check(edit)
        }
    }
}

