import Foundation
import GlossAnalysis
import GlossContent

/// The load stage (front matter split and decoded with every schema) and the analyse stage
/// (Markdown rendered by cmark, entities linked, notes anchored, quotes extracted).
enum ContentTargets {
    /// One file that is at once gloss.yml and a content file of every kind (hard links to one
    /// inode), so each input is split and decoded by all five schemas in one load.
    static let frontMatterSite: String = {
        let site = ScratchFolder.root + "/front-matter"
        let files = ["content/articles/x.md", "content/entities/x.md", "content/annotations/x/y.md", "content/digests/x.md"]
        ScratchFolder.write("front-matter/gloss.yml", "title: T\n")
        for file in files {
            let path = site + "/" + file
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard link(site + "/gloss.yml", path) == 0 else { fatalError("GlossFuzz: cannot link \(path)") }
        }
        return site
    }()

    @Sendable static func frontMatter(_ bytes: [UInt8]) {
        let site = frontMatterSite
        ScratchFolder.write("front-matter/gloss.yml", bytes)
        let (content, diagnostics) = SiteLoader.load(from: site, includeDrafts: true)
        require(content != nil || diagnostics.hasErrors, "the load gave no site and no error")
        // Every diagnostic points into the file (or just past its last line). Lines end as YAML
        // (and editors) end them: LF, CRLF, a lone CR, NEL, LS or PS.
        var lines = 1
        var previous: Unicode.Scalar = " "
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": if previous != "\r" { lines += 1 }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
            default: break
            }
            previous = scalar
        }
        for diagnostic in diagnostics where diagnostic.file != "content" {
            require(diagnostic.line <= lines + 1, "a diagnostic points past the file's \(lines) lines: \(diagnostic)")
        }
    }

    /// A site loaded once per setting (entities linked first/all, raw HTML off/on) with a
    /// registry in the shapes that matter to the linker (names inside names, possessives, a
    /// case-insensitive alias, an alias two entities share), one article and two notes on it.
    /// Each input replaces the article's body and the notes' quotes, then goes through
    /// `SiteAnalyser.analyse`, the analysis stage's entry point; loading it from files each
    /// time would spend most of the time in YAML, which `frontmatter` fuzzes.
    static let markdownSites: [SiteContent] = {
        let entities = [
            ("shinzo-abe", "name: Shinzo Abe\nkind: person\naliases: [Abe, PM Abe, Mr Abe]"),
            ("donald-trump", "name: Donald Trump\nkind: person\naliases: [Trump, President Trump]\nambiguous_aliases: [Donald]"),
            ("trump-tower", "name: Trump Tower\nkind: place"),
            ("korus", "name: KORUS\nkind: agreement\naliases: [{alias: korus fta, match_case: false}, US-Korea]"),
            ("donald-tusk", "name: Donald Tusk\nkind: person\nambiguous_aliases: [Donald]"),
            ("united-nations", "name: United Nations\nkind: organization\naliases: [UN, U.N.]"),
        ]
        for (slug, fields) in entities {
            ScratchFolder.write("markdown/content/entities/\(slug).md", "---\n\(fields)\n---\nSee [the registry](https://example.org/) on *\(slug)*.\n")
        }
        ScratchFolder.write("markdown/content/articles/a.md", "---\ntitle: A\ndate: 2018-09-23\n---\nAbe met Trump.\n")
        ScratchFolder.write("markdown/content/annotations/a/stretch.md", "---\nquote: Abe\n---\nOn *this*, says Abe.\n")
        ScratchFolder.write("markdown/content/annotations/a/words.md", "---\nquote: Trump\nkind: fact-check\n---\nTrump's view.\n")
        return [(false, false), (true, false), (false, true), (true, true)].map { linkAll, unsafeHTML in
            ScratchFolder.write("markdown/gloss.yml", "title: T\nentities:\n  link: \(linkAll ? "all" : "first")\nmarkdown:\n  unsafe: \(unsafeHTML)\n")
            guard let content = SiteLoader.load(from: ScratchFolder.root + "/markdown", includeDrafts: true).content,
                  content.articles.count == 1, content.annotations.count == 2 else { fatalError("GlossFuzz: the markdown site does not load") }
            return content
        }
    }()

    /// The input is an article body (its first byte also picks the settings). One note quotes a
    /// stretch of the body picked by the input's last bytes (often with markup in it, so
    /// anchoring falls back to the nearest passage); the other a run of its words, with a prefix
    /// and an occurrence.
    @Sendable static func markdown(_ bytes: [UInt8]) {
        var content = markdownSites[Int(bytes.first ?? 0) % markdownSites.count]
        let body = String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)   // the loader refuses NUL
        let characters = Array(body)
        let seed = bytes.suffix(2).reduce(0) { $0 << 8 | Int($1) }
        let start = characters.isEmpty ? 0 : seed % characters.count
        let words = body.split(whereSeparator: \.isWhitespace)
        let wordStart = words.isEmpty ? 0 : seed % words.count
        content.articles[0].body = body
        content.annotations[0].quote = String(characters[start..<min(characters.count, start + 1 + seed % 61)])
        content.annotations[1].quote = words[wordStart..<min(words.count, wordStart + 3)].joined(separator: " ")
        content.annotations[1].prefix = words[max(0, wordStart - 2)..<wordStart].joined(separator: " ")
        content.annotations[1].occurrence = 1 + seed % 3

        let analysed = SiteAnalyser.analyse(content, options: AnalysisOptions(allowOrphans: seed % 2 == 0))
        // Gloss's own nodes (entity links, note marks) come from the registry and the notes, not
        // from the body, so the body's own markup is what safe mode must keep inert.
        if !content.config.allowUnsafeHTML, let article = analysed.articles.first {
            let html = article.body.htmlWithoutNodes.lowercased()
            let refused = ["javascript:", "vbscript:", "data:"].flatMap { ["href=\"\($0)", "src=\"\($0)"] }
            require(!html.contains("<script") && !refused.contains { html.contains($0) },
                    "raw HTML or a refused URL got through safe mode: \(html)")
        }
    }
}
