import Foundation
import GlossContent

/// Chooses each article's file name and writes it. Names come from titles, cut at a word
/// boundary, and are unique across the site's articles (-2, -3, …): two stories under one
/// headline get two files; an article with pictures saved with its page is a page folder
/// (`<slug>/index.md` beside them). A file that an earlier import of the same article wrote
/// (same URL, or nearly the same text) is replaced only with --force; nothing else is overwritten.
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
            number += 1
            let plainFile = (folder as NSString).appendingPathComponent(slug + ".md")
            let pageFolder = (folder as NSString).appendingPathComponent(slug)
            let folderFile = pageFolder + "/index.md"
            // An article with pictures is a page folder; a re-import keeps a page folder's layout.
            let existing = [plainFile, folderFile].first { FileManager.default.fileExists(atPath: $0) }
            if let existing, !writtenPaths.contains(existing) {
                guard Self.isSameArticle(at: existing, as: article) else { continue }
                guard force else { return .skipped(reason: "already imported as \(existing); --force replaces it") }
                let path = existing == folderFile || !article.pictures.isEmpty ? folderFile : plainFile
                return store(text, pictures: article.pictures, at: path, slug: slug, replacing: existing)
            }
            if taken.contains(slug) || FileManager.default.fileExists(atPath: pageFolder) { continue }
            return store(text, pictures: article.pictures, at: article.pictures.isEmpty ? plainFile : folderFile, slug: slug, replacing: nil)
        }
    }

    /// Writes the article (and copies its pictures beside it); a replaced article in the other
    /// layout (`<slug>.md` that now has pictures) is removed once the new one is written.
    private mutating func store(_ text: String, pictures: [SavedPageFiles.Picture], at path: String, slug: String, replacing old: String?) -> Outcome {
        taken.insert(slug)
        writtenPaths.insert(path)
        guard !dryRun else { return .written(path: path, replaced: old != nil) }
        let articleFolder = (path as NSString).deletingLastPathComponent
        var step = "write \(path)"
        do {
            try FileManager.default.createDirectory(atPath: articleFolder, withIntermediateDirectories: true)
            for picture in pictures {
                let target = (articleFolder as NSString).appendingPathComponent(picture.name)
                step = "copy \(picture.source) to \(target)"
                try Data(contentsOf: URL(fileURLWithPath: picture.source)).write(to: URL(fileURLWithPath: target), options: old != nil ? .atomic : .withoutOverwriting)
            }
            step = "write \(path)"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: old != nil ? .atomic : .withoutOverwriting)
            if let old, old != path {
                step = "remove \(old), replaced by \(path)"
                try FileManager.default.removeItem(atPath: old)
            }
            return .written(path: path, replaced: old != nil)
        } catch {
            return .failed(reason: "cannot \(step): \(error.localizedDescription)")
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
            let name = (relative as NSString).lastPathComponent
            // A page folder's article is named by its folder: `<slug>/index.md`.
            let slug = name == "index.md" ? ((relative as NSString).deletingLastPathComponent as NSString).lastPathComponent : String(name.dropLast(3))
            if !slug.isEmpty { slugs.insert(slug) }
        }
        return slugs
    }
}
