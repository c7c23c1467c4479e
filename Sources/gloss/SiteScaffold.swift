import Foundation
import GlossContent

/// What `gloss init` and `gloss new` write: a starter site, and new content files with the
/// front matter to fill in. (Plain text and file writing only; no build code.)
enum SiteScaffold {
    struct ScaffoldError: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: - gloss init

    /// Writes a working site into `directory` (created when missing) and returns the paths
    /// written, relative to it. Refuses a folder that already holds a site.
    static func createSite(at directory: String, title: String, date: String = today()) throws -> [String] {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        for existing in ["gloss.yml", "content"] where fm.fileExists(atPath: root + "/" + existing) {
            throw ScaffoldError(description: "\(directory) already holds a site (\(existing) exists); not overwriting anything")
        }
        let files = starterFiles(title: title, date: date)
        for (path, _) in files where fm.fileExists(atPath: root + "/" + path) {
            throw ScaffoldError(description: "\(directory)/\(path) already exists; not overwriting it")
        }
        for (path, text) in files { try write(text, to: root + "/" + path) }
        return files.map(\.path)
    }

    /// "my-digest" → "My Digest".
    static func title(fromFolder directory: String) -> String {
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return words.isEmpty || name == "/" ? "My Digest" : words.joined(separator: " ")
    }

    static let starterArticleSlug = "harbour-ferry-route-approved"

    static func starterFiles(title: String, date: String) -> [(path: String, text: String)] {
        [
            ("gloss.yml", """
            # The site's settings. Only `title` is required; see the README for every field.
            title: \(YAMLText.quoted(title))
            description: "An annotated digest of the news."
            author: "The editors"
            language: en
            # The site's public address. Feeds, the sitemap and canonical links need it, so until
            # it is set `gloss build` warns that it leaves them out:
            # base_url: https://example.org/digest/

            """),
            (".gitignore", """
            # `gloss build` writes the site here; `gloss serve` keeps its pages in memory.
            /site/
            # Resized copies of photos, reused by every build and the preview; safe to delete.
            /.gloss-cache/
            # The lock builds take turns on, and any folder an interrupted build left.
            /.site.gloss-*

            """),
            ("content/articles/\(starterArticleSlug).md", """
            ---
            # An example article: replace it with your own (`gloss new article "Title"` starts one).
            # The file name is the page name. `title` and `date` are required.
            title: "Riverton Council Approves a New Harbour Ferry Route"
            date: \(date)
            source: The Riverton Gazette
            url: https://example.org/news/harbour-ferry-route
            author: A. Reporter
            tags: [transport, riverton]
            ---

            The Riverton City Council voted on Tuesday to approve a new ferry route across the harbour, linking the old port district with the university campus on the far shore.

            Mayor Elena Marsh said the service would start next spring. "This route will cut the commute for thousands of students and workers from forty minutes to twelve," Marsh told reporters after the vote.

            The council expects the route to cost 4.2 million a year to run, paid for in part by a regional transport grant.

            """),
            ("content/entities/elena-marsh.md", """
            ---
            # An entity: every mention of its name or aliases in articles and notes links here.
            name: Elena Marsh
            kind: person
            aliases: [Marsh, Mayor Marsh]
            summary: "Mayor of Riverton (an example entity)"
            ---

            Elena Marsh is the mayor of Riverton. This page lists every article that mentions her, what she said, and who she appears with.

            """),
            ("content/entities/riverton-city-council.md", """
            ---
            name: Riverton City Council
            kind: organization
            aliases: [Riverton council]
            summary: "The elected council of Riverton (an example entity)"
            links:
              - title: "Example link"
                url: https://example.org/riverton-city-council
            ---

            The council governs the city of Riverton and approves its budget and transport plans.

            """),
            ("content/annotations/\(starterArticleSlug)/running-cost.md", """
            ---
            # A note on a passage of the article in content/annotations/<article>/: `quote` is copied
            # from the article's text, and the note appears beside that passage.
            quote: "cost 4.2 million a year to run"
            kind: context
            author: The editors
            date: \(date)
            ---

            An example note: this is where an editor adds context. Riverton City Council's budget papers would say how the figure was reached and how much the regional grant covers.

            """),
        ]
    }

    // MARK: - gloss new

    /// Writes `content/articles/<slug>.md` and returns its path relative to the site.
    static func newArticle(title: String, in source: String, date: String = today(), draft: Bool = false) throws -> String {
        let slug = try slug(for: title, what: "title")
        let root = try siteRoot(source)
        try refuseDuplicate(slug, under: root, section: "articles", what: "an article")
        let path = "content/articles/\(slug).md"
        try write("""
            ---
            title: \(YAMLText.quoted(title))
            date: \(date)
            source:               # the publication, e.g. Reuters
            url:                  # the address of the original article
            author:
            tags: []              # e.g. [trade, japan]
            # summary:            # shown in lists; default: the first paragraph
            draft: \(draft)
            ---

            The article's text, in Markdown.

            """, to: root + "/" + path)
        return path
    }

    /// Writes `content/entities/<slug>.md` and returns its path relative to the site.
    static func newEntity(name: String, kind: Entity.Kind, aliases: [String], in source: String) throws -> String {
        let slug = try slug(for: name, what: "name")
        let root = try siteRoot(source)
        try refuseDuplicate(slug, under: root, section: "entities", what: "an entity")
        let path = "content/entities/\(slug).md"
        let kinds = Entity.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        try write("""
            ---
            name: \(YAMLText.quoted(name))
            kind: \(kind.rawValue)          # \(kinds)
            aliases: \(YAMLText.list(aliases))           # other names to link, e.g. [Abe, PM Abe]
            summary:              # one line, shown in lists
            links: []             # e.g. [{title: Wikipedia, url: "https://en.wikipedia.org/wiki/…"}]
            ---

            Who or what this is, in Markdown.

            """, to: root + "/" + path)
        return path
    }

    // MARK: - Helpers

    static func slug(for text: String, what: String) throws -> String {
        let slug = Slug.make(from: text)
        guard Slug.isValid(slug) else {
            throw ScaffoldError(description: "cannot make a file name from the \(what) \"\(text)\": it needs letters or digits")
        }
        return slug
    }

    static func siteRoot(_ source: String) throws -> String {
        let root = URL(fileURLWithPath: source).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: root + "/gloss.yml") else {
            throw ScaffoldError(description: "\(source) is not a Gloss site (no gloss.yml): run it inside a site, pass --source, or start one with `gloss init`")
        }
        return root
    }

    /// Slugs are unique per section across subfolders.
    static func refuseDuplicate(_ slug: String, under root: String, section: String, what: String) throws {
        let folder = root + "/content/" + section
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return }
        for case let relative as String in enumerator where (relative as NSString).lastPathComponent == slug + ".md" {
            throw ScaffoldError(description: "content/\(section)/\(relative) already exists: \(what) named `\(slug)` is already in the site")
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ScaffoldError(description: "could not write \(path)")
        }
    }

    /// Today in the local time zone, `YYYY-MM-DD`.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
