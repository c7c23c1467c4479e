import Foundation
import GlossContent

/// Chooses each article's file name and writes it. Names come from titles, cut at a word
/// boundary, and are unique across the site's articles (-2, -3, …): two stories under one
/// headline get two files. A file that an earlier import of the same article wrote (same URL, or
/// nearly the same text) is replaced only with --force, and nothing else is ever overwritten.
struct ArticleFileWriter {
    enum Outcome: Sendable {
        case written(path: String, replaced: Bool)
        /// Not written, by design (already imported, duplicate in the input): a warning.
        case skipped(reason: String)
        case failed(reason: String)
    }

    static let maxSlugLength = 60

    let folder: String
    let dryRun: Bool
    let force: Bool
    private var taken: Set<String>
    private var writtenPaths: Set<String> = []
    private var createdFolder = false

    init(folder: String, siteRoot: String?, dryRun: Bool, force: Bool) {
        self.folder = folder
        self.dryRun = dryRun
        self.force = force
        var slugs = Self.articleSlugs(under: folder)
        if let siteRoot { slugs.formUnion(Self.articleSlugs(under: siteRoot + "/content/articles")) }
        taken = slugs
    }

    /// "Abe and Trump Prepare New Round of Trade Talks After Trump Tower Dinner" →
    /// "abe-and-trump-prepare-new-round-of-trade-talks-after-trump".
    static func slug(for title: String) -> String {
        var slug = Slug.make(from: title)
        if slug.count > maxSlugLength {
            let cut = String(slug.prefix(maxSlugLength + 1))
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut.prefix(maxSlugLength))
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "article" : slug
    }

    mutating func write(_ article: PreparedArticle, text: String) -> Outcome {
        let base = Self.slug(for: article.title)
        var number = 1
        while true {
            let slug = number == 1 ? base : "\(base)-\(number)"
            let path = (folder as NSString).appendingPathComponent(slug + ".md")
            number += 1
            if FileManager.default.fileExists(atPath: path), !writtenPaths.contains(path) {
                guard Self.isSameArticle(at: path, as: article) else { continue }
                guard force else { return .skipped(reason: "already imported as \(path); --force replaces it") }
                return store(text, at: path, slug: slug, replacing: true)
            }
            if taken.contains(slug) { continue }
            return store(text, at: path, slug: slug, replacing: false)
        }
    }

    private mutating func store(_ text: String, at path: String, slug: String, replacing: Bool) -> Outcome {
        taken.insert(slug)
        writtenPaths.insert(path)
        guard !dryRun else { return .written(path: path, replaced: replacing) }
        do {
            if !createdFolder {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                createdFolder = true
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: replacing ? .atomic : .withoutOverwriting)
            return .written(path: path, replaced: replacing)
        } catch {
            return .failed(reason: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// A re-import, not a new article: the same URL, or (when either has none) nearly the same text.
    /// A title alone proves nothing: newsrooms reuse headlines for different stories.
    static func isSameArticle(at path: String, as article: PreparedArticle) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              case .success(let file) = SourceFile.parse(path: path, bytes: [UInt8](data)), file.hasFrontMatter,
              let existing = FrontMatterDecoder.decode(ExistingArticle.self, yaml: file.frontMatter, path: path, firstLine: file.frontMatterLine).value
        else { return false }
        if let url = existing.url, let newURL = article.url { return url == newURL }
        return TextShingles(file.body, size: 4).jaccard(TextShingles(article.body, size: 4)) >= DuplicateDetector.threshold
    }

    struct ExistingArticle: FrontMatterFields {
        static let fieldNames = ["title", "date", "source", "url", "author", "tags", "summary", "draft", "related"]
        var title: String?
        var url: String?
    }

    static func articleSlugs(under folder: String) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var slugs: Set<String> = []
        for case let relative as String in enumerator where relative.hasSuffix(".md") {
            slugs.insert(String((relative as NSString).lastPathComponent.dropLast(3)))
        }
        return slugs
    }
}
