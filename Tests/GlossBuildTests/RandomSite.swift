import Foundation
import GlossContent
import PropertyBased
import Testing

/// A whole site written by someone else, drawn at random: slugs from a small pool so they
/// collide across folders, references to articles, entities and digests that may not exist,
/// aliases several entities claim, empty and huge fields, hostile URLs and markup, YAML that
/// may not parse, random bytes in front matter, and symbolic links in and out of the site.
/// Files are kept as bytes, by path.
struct RandomSite: Sendable, CustomTestStringConvertible {
    var files: [String: [UInt8]]
    /// Symbolic links, by path: into the site, out of it, looping, broken.
    var links: [String: String] = [:]

    var testDescription: String {
        let linked = links.keys.sorted().map { "-- \($0) -> \(links[$0] ?? "") --" }
        return (linked + files.keys.sorted().map { path in
            let text = String(decoding: files[path] ?? [], as: UTF8.self)
            return "-- \(path) --\n" + (text.count > 400 ? String(text.prefix(400)) + "…(\(text.utf8.count) bytes)" : text)
        }).joined(separator: "\n")
    }

    /// - Parameter outside: a folder outside the site, for links that point out of it (`$OUTSIDE`).
    func write(to root: String, outside: String = "/nonexistent") throws {
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        for (path, target) in links where files[path] == nil {
            try FileManager.default.createDirectory(atPath: (root + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.createSymbolicLink(atPath: root + "/" + path,
                                                        withDestinationPath: target.replacingOccurrences(of: "$OUTSIDE", with: outside))
        }
    }
}

/// The generators, over three sets of pools: `wild` sites mix ordinary values with values that
/// break one rule each, YAML that may not parse and random bytes (most fail to load, and
/// `check` analyses what is left); `rough` sites are well-formed file by file but not as a
/// whole (slugs that collide across folders, notes and digests naming articles that do not
/// exist, aliases two entities claim, quotes that are not there or are there twice), which
/// is what later stages must not assume away; `tame` sites use valid values only, plus hostile
/// text and URLs that are warnings at most, so they build and every stage down to rendering
/// runs on random input.
enum RandomSiteGen {
    struct Pools: Sendable {
        var slugs: [String]
        var folders: [String]
        var titles: [String]
        var tags: [String]
        var dates: [String]
        var urls: [String]
        var bodies: [String]
        var quotes: [String]
        var names: [String]
        var aliases: [String]
        var digestSlugs: [String]
        var periods: [String]
        var links: [String]
        /// How often a value is written as is rather than quoted (unquoted YAML may not parse).
        var unquoted: Float
        /// How often random bytes land in a file's front matter.
        var junk: Float
        /// Tame: every reference resolves (notes on article `a`, which is always there; no
        /// entity names or note ids shared), so the site builds.
        var tame = false
    }

    static let hostileTexts = ["Shinzo Abe", "Café", "Cafe\u{301}", "CAFÉ", "C++", "trade", "Trade", "😀👍🏽", "\u{202E}gnp.exe",
                               "<script>window.__pwned=1</script>", "\" onmouseover=\"window.__pwned=1", "{{title}}", "{{{body}}}",
                               "line\nbreak", "tab\there", "%2F..%2Fetc", "../../etc/passwd", "a\\b", String(repeating: "long ", count: 2_000)]
    static let hostileURLs = ["https://example.org/", "http://example.org/a?b=c#d", "mailto:desk@example.org", "/relative", "page.html",
                              "//evil.example/", "", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                              " javascript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:msgbox(1)",
                              "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "&#106;avascript:alert(1)", "http://"]
    static let hostileBodies = ["Shinzo Abe met Donald Trump in New York.", "\"It is fine,\" Abe said. Trump agreed.",
                                "Abe said: \"We will talk.\" \"Soon,\" he added.", "[click](javascript:alert(1)) and [ok](https://example.org/)",
                                "![img](data:image/png;base64,AAAA) ![alt *Abe*](java&#x09;script:alert(1))", "<javascript:alert(1)> <https://example.org>",
                                "[ref][r]\n\n[r]: vbscript:msgbox(1)", "<b onclick=\"window.__pwned=1\">raw</b><script>window.__pwned=1</script>",
                                String(repeating: "- ", count: 300) + "deep Abe", String(repeating: "> ", count: 300) + "quote Trump",
                                "# Heading with Abe\n\n```\ncode Abe\n```", "", "Café and Cafe\u{301} and the KORUS deal.",
                                String(repeating: "\"Yes,\" Trump said. ", count: 500)]

    static let wild = Pools(
        slugs: ["a", "b", "abe", "trade", "a-b", "x--y", "2024-w18", "2024-w19", "2024-05", "index",
                "Bad Slug", "UPPER", "ünï", "a.b", "-a", "a_b", "..."],
        folders: ["", "2018/", "x/", "x/y/", "a/"],
        titles: hostileTexts + ["", " ", "---", "key: value", "[1, 2", "*alias", "&anchor x", "\u{0}nul"],
        tags: hostileTexts + ["", "C", "!!!"],
        dates: ["2024-05-01", "2024-05-08", "2024-04-30", "2018-09-23T18:30:00Z", "2024-05-01T23:30:00-05:00",
                "0001-01-01", "9999-12-31", "0000-01-01", "2024-02-30", "someday", "", "2024-05-01T25:00:00Z"],
        urls: hostileURLs, bodies: hostileBodies,
        quotes: ["Abe", "met Donald Trump", "It is fine", "not in any article", "", " ", "Trump"],
        names: ["Shinzo Abe", "Donald Trump", "KORUS", "", " ", "Café", "<b>x</b>"],
        aliases: ["Abe", "Trump", "Shinzo Abe", "Donald Trump", "", " ", "KORUS", "the", "Café", "C++"],
        digestSlugs: ["2024-w18", "2024-w19", "2024-05", "2024-05-01", "pick", "Bad Slug"],
        periods: ["week", "day", "month", "fortnight"], links: ["first", "all", "none"],
        unquoted: 0.3, junk: 0.3)

    static let rough = Pools(
        slugs: ["a", "b", "abe", "a-b", "x--y", "2024-w18", "2024-w19"], folders: ["", "2018/", "x/"],
        titles: hostileTexts, tags: hostileTexts + ["C"], dates: ["2024-05-01", "2024-05-08", "2024-04-30", "2018-09-23T18:30:00Z", "0001-01-01"],
        urls: hostileURLs, bodies: hostileBodies, quotes: ["Abe", "met Donald Trump", "It is fine", "not in any article", "Trump", "anchor phrase"],
        names: ["Shinzo Abe", "Donald Trump", "KORUS", "Café"], aliases: ["Abe", "Trump", "Shinzo Abe", "Donald Trump", "KORUS", "Café", "C++"],
        digestSlugs: ["2024-w18", "2024-w19", "2024-05", "pick"], periods: ["week", "day", "month"], links: ["first", "all"],
        unquoted: 0, junk: 0)

    static let tame = Pools(
        slugs: ["a", "b", "c", "trade-talks", "x--y", "index"], folders: [""],
        titles: hostileTexts, tags: ["trade", "Trade", "Café", "Cafe\u{301}", "CAFÉ", "japan", "<b>tag</b>", "1"],
        dates: ["2024-05-01", "2024-05-08", "2024-04-30", "2018-09-23T18:30:00Z", "2024-05-01T23:30:00-05:00", "0001-01-01", "9999-12-31"],
        // Relative URLs are left out: one leading to no page is a broken link, an error.
        urls: hostileURLs.filter { !LinkPolicy.allows($0) || $0.contains("://") || $0.hasPrefix("mailto:") }, bodies: hostileBodies,
        quotes: ["anchor phrase"], names: ["Shinzo Abe", "Donald Trump", "KORUS", "Café", "<b>x</b>", "Abe & Co"],
        aliases: [], digestSlugs: ["pick", "special"], periods: ["week", "day", "month"], links: ["first", "all"],
        unquoted: 0, junk: 0, tame: true)

    static func pick(_ pool: [String]) -> Generator<String, AnySequence<Any>> {
        Gen.element(of: pool).map { $0 ?? "" }.eraseToAny()
    }

    /// A front-matter value: quoted (always valid YAML) or written as is (often not).
    static func value(_ pool: [String], _ pools: Pools) -> Generator<String, AnySequence<Any>> {
        zip(pick(pool), Gen.bool(pools.unquoted)).map { text, raw in raw ? text : YAMLText.quoted(text) }.eraseToAny()
    }

    /// Random bytes, and where in the front matter they go (none most of the time).
    static func junk(_ pools: Pools) -> Generator<[UInt8], AnySequence<Any>> {
        zip(Gen.bool(pools.junk), Gen<UInt8>.value(in: 0...255).array(of: 1...6)).map { $0 ? $1 : [] }.eraseToAny()
    }

    /// Front matter lines, each present or not, then the body; junk lands at `at`.
    static func file(_ lines: [String?], body: String, junk: [UInt8], at: Int = 0) -> [UInt8] {
        var front = Array(lines.compactMap { $0 }.joined(separator: "\n").utf8)
        if !junk.isEmpty { front.insert(contentsOf: junk, at: min(at, front.count)) }
        return Array("---\n".utf8) + front + Array("\n---\n".utf8) + Array(body.utf8) + [0x0A]
    }

    static func article(_ p: Pools) -> Generator<(String, [UInt8]), AnySequence<Any>> {
        zip(pick(p.folders), pick(p.slugs), value(p.titles, p).optional(valueRate: p.tame ? 1 : 0.9),
            value(p.dates, p).optional(valueRate: p.tame ? 1 : 0.9), value(p.tags, p).array(of: 0...3),
            value(p.urls, p).optional(), pick(p.bodies).array(of: 1...3), junk(p), Gen.int(in: 0...200), Gen.bool(0.15))
            .map { folder, slug, title, date, tags, url, body, junk, at, draft -> (String, [UInt8]) in
                let lines = [title.map { "title: \($0)" }, date.map { "date: \($0)" }, "tags: [\(tags.joined(separator: ", "))]",
                             url.map { "url: \($0)" }, draft ? "draft: true" : nil]
                // Tame notes quote this phrase, which must occur once.
                let text = (p.tame ? "The anchor phrase is here.\n\n" : "") + body.joined(separator: "\n\n")
                return ("content/articles/\(folder)\(slug).md", file(lines, body: text, junk: junk, at: at))
            }.eraseToAny()
    }

    /// Tame entities have no aliases, and their slug in their name, so no two claim a name.
    static func entity(_ p: Pools) -> Generator<(String, [UInt8]), AnySequence<Any>> {
        zip(pick(p.folders), pick(p.slugs), pick(p.names).map { p.tame ? "\($0) \(p.slugs.count)" : $0 }
                .optional(valueRate: p.tame ? 1 : 0.9),
            value(p.aliases.isEmpty ? [""] : p.aliases, p).array(of: p.aliases.isEmpty ? 0...0 : 0...3),
            value(p.aliases.isEmpty ? [""] : p.aliases, p).array(of: p.aliases.isEmpty ? 0...0 : 0...1),
            zip(value(p.titles, p), value(p.urls, p)).array(of: 0...2), pick(p.bodies), junk(p))
            .map { folder, slug, name, aliases, ambiguous, links, body, junk -> (String, [UInt8]) in
                let linkLines = links.map { "  - title: \($0.0)\n    url: \($0.1)" }
                let name = name.map { !p.tame ? $0 : YAMLText.quoted($0.replacingOccurrences(of: "\(p.slugs.count)", with: slug)) }
                let lines = [name.map { "name: \($0)" }, "aliases: [\(aliases.joined(separator: ", "))]",
                             ambiguous.isEmpty ? nil : "ambiguous_aliases: [\(ambiguous.joined(separator: ", "))]",
                             links.isEmpty ? nil : "links:\n" + linkLines.joined(separator: "\n")]
                return ("content/entities/\(folder)\(slug).md", file(lines, body: body, junk: junk))
            }.eraseToAny()
    }

    /// Tame notes are all on article `a` (which tame sites always have) and quote its anchor phrase.
    static func annotation(_ p: Pools) -> Generator<(String, [UInt8]), AnySequence<Any>> {
        zip(pick(p.tame ? ["a"] : p.slugs), pick(p.slugs), value(p.quotes, p), value(p.titles, p).optional(),
            Gen.int(in: -1...3).optional(valueRate: p.tame ? 0 : 0.3), Gen.bool(p.tame ? 0 : 0.3), pick(p.bodies), value(p.titles, p).optional(), junk(p))
            .map { article, name, quote, author, occurrence, byField, body, title, junk -> (String, [UInt8]) in
                let lines = ["quote: \(quote)", occurrence.map { "occurrence: \($0)" }, byField ? "article: \(article)" : nil,
                             author.map { "author: \($0)" }, title.map { _ in "kind: context" }]
                let path = byField ? "content/annotations/\(name).md" : "content/annotations/\(article)/\(name).md"
                return (path, file(lines, body: body, junk: junk))
            }.eraseToAny()
    }

    static func digest(_ p: Pools) -> Generator<(String, [UInt8]), AnySequence<Any>> {
        zip(pick(p.digestSlugs), value(p.titles.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } + (p.tame ? [] : [""]), p),
            value(p.dates, p), pick(p.slugs).array(of: 0...3).optional(valueRate: p.tame ? 0 : 0.5), pick(p.bodies), junk(p))
            .map { slug, title, date, articles, body, junk -> (String, [UInt8]) in
                let lines = ["title: \(title)", "date: \(date)", articles.map { "articles: [\($0.joined(separator: ", "))]" }]
                return ("content/digests/\(slug).md", file(lines, body: body, junk: junk))
            }.eraseToAny()
    }

    static func config(_ p: Pools) -> Generator<[UInt8], AnySequence<Any>> {
        zip(value(p.titles.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, p),
            value((p.junk > 0 ? p.urls : []) + ["https://example.org/digest/", "https://example.org"], p).optional(),
            pick(p.periods), Gen.bool(0.2), pick(p.links), junk(p))
            .map { title, base, period, unsafe, link, junk -> [UInt8] in
                let lines = ["title: \(title)", base.map { "base_url: \($0)" }, "digest:\n  period: \(period)",
                             unsafe ? "markdown:\n  unsafe: true" : nil, "entities:\n  link: \(link)"]
                return Array(file(lines, body: "", junk: junk).dropFirst(4).dropLast(5))
            }.eraseToAny()
    }

    static let links = [("content/articles/inside.md", "../../gloss.yml"), ("content/articles/outside.md", "$OUTSIDE/secret.md"),
                        ("content/entities/loop", ".."), ("content/articles/broken.md", "nowhere.md"),
                        ("content/articles/folder", "$OUTSIDE"), ("Templates/assets/out.css", "$OUTSIDE/secret.md"),
                        ("Templates/article.mustache", "$OUTSIDE/secret.md"), ("content/articles/again", "../entities")]

    /// Later files of the same path replace earlier ones, as an editor's save would. A tame site
    /// always has article `a`, which its notes are on.
    static func site(_ p: Pools) -> Generator<RandomSite, AnySequence<Any>> {
        zip(config(p), article(p), article(p).array(of: 0...8), entity(p).array(of: 0...5), annotation(p).array(of: 0...5),
            digest(p).array(of: 0...2), Gen.int(in: 0...(links.count - 1)).array(of: p.tame ? 0...0 : 0...2))
            .map { config, first, articles, entities, annotations, digests, linked in
                var files: [String: [UInt8]] = ["gloss.yml": config]
                let first = p.tame ? ("content/articles/a.md", first.1) : first
                for (path, bytes) in [first] + articles + entities + annotations + digests where files[path] == nil || !p.tame {
                    files[path] = bytes
                }
                return RandomSite(files: files, links: Dictionary(linked.map { links[$0] }, uniquingKeysWith: { first, _ in first }))
            }.eraseToAny()
    }

    /// Three in ten sites are tame, four rough, three wild.
    static let site = zip(Gen.int(in: 0...9), site(tame), site(rough), site(wild))
        .map { kind, tame, rough, wild in kind < 3 ? tame : kind < 7 ? rough : wild }.eraseToAny()
}
