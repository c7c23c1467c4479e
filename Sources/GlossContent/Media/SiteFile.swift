/// A file of the site that is not Markdown: a photo or document beside content
/// (`content/articles/x/photo.jpg`) or anything under `static/`. The loader lists them; the
/// image stage says what each one is (`SiteMedia`); analysis finds which ones pages use, and
/// only those (and every static file) are published.
public struct SiteFile: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Under `content/`: published when a page uses it.
        case content
        /// Under `static/`: published as it is, always.
        case `static`
    }

    /// From the site folder: `content/articles/x/photo.jpg`, `static/logo.png`.
    public var path: String
    /// Where it is published, from the output root (`articles/x/photo.jpg`, `logo.png`); a
    /// photo's resized copies are named after it (`articles/x/photo-480.webp`).
    public var output: String
    public var origin: Origin
    public var stamp: ContentTree.Stamp
    /// The page whose folder holds it (`content/articles/x/` with `index.md`), if any.
    public var page: Route?

    public init(path: String, output: String, origin: Origin, stamp: ContentTree.Stamp, page: Route? = nil) {
        self.path = path
        self.output = output
        self.origin = origin
        self.stamp = stamp
        self.page = page
    }
}

/// Where files are published. The output mirrors `content/` and `static/`, except that a
/// page's own folder (one holding `index.md`) is published at the page's address, as the page
/// itself is: `content/articles/2018/abe-dinner/photo.jpg` goes beside `articles/abe-dinner/`.
public enum SiteFiles {
    /// The page a folder named `slug` in `section` becomes, for sections whose pages may be
    /// folders (`<slug>/index.md`).
    static func folderPage(section: Substring, slug: String) -> Route? {
        switch section {
        case "articles": .article(slug)
        case "entities": .entity(slug)
        case "digests": .digest(slug)
        default: nil
        }
    }

    /// The page a content file named `index.md` belongs to, when it is one: its folder's name is
    /// the page's name. `content/articles/index.md` (the section itself) is not a page folder.
    public static func pageFolder(of path: String) -> (folder: String, route: Route)? {
        // Asked of every content file on every load: most are not an index.md, and say so cheaply.
        guard path.hasSuffix("/index.md") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts.first == "content", parts.last == "index.md",
              let route = folderPage(section: parts[1], slug: String(parts[parts.count - 2])) else { return nil }
        return (parts.dropLast().joined(separator: "/") + "/", route)
    }

    /// The published path of each file, given the page folders found among the content files.
    static func place(_ found: [(path: String, stamp: ContentTree.Stamp)], origin: SiteFile.Origin,
                      pageFolders: [(folder: String, route: Route)]) -> [SiteFile] {
        // Longest folder first, so a file belongs to the innermost page folder around it.
        let folders = pageFolders.sorted { $0.folder.utf8.count > $1.folder.utf8.count }
        return found.map { file in
            let output: String
            let page = origin == .static ? nil : folders.first { file.path.hasPrefix($0.folder) }
            if origin == .static {
                output = String(file.path.dropFirst("static/".count))
            } else if let page {
                output = page.route.url + file.path.dropFirst(page.folder.utf8.count)
            } else {
                output = String(file.path.dropFirst("content/".count))
            }
            return SiteFile(path: file.path, output: output, origin: origin, stamp: file.stamp, page: page?.route)
        }
    }

    /// Every file under `static/` (none when there is no such folder).
    static func staticFiles(root: String) -> [(path: String, stamp: ContentTree.Stamp)] {
        (ContentTree.files(in: SiteFolder(root: root), under: "static")?.files ?? []).map { ("static/" + $0.path, $0.stamp) }
    }
}

extension ContentTree.Stamp {
    /// The stamp as one word, for caches kept on disk between runs.
    public var token: String { "\(seconds).\(nanoseconds).\(size).\(inode)" }
}

extension SiteLoader {
    /// The files beside content and under `static/`, placed (see `SiteFiles`), by path.
    static func siteFiles(root: String, attachments: [ContentTree.File], contentFiles: [ContentTree.File]) -> [SiteFile] {
        let pageFolders = contentFiles.compactMap { SiteFiles.pageFolder(of: $0.path) }
        return (SiteFiles.place(attachments.map { ($0.path, $0.stamp) }, origin: .content, pageFolders: pageFolders)
            + SiteFiles.place(SiteFiles.staticFiles(root: root), origin: .static, pageFolders: []))
            .sorted { $0.path < $1.path }
    }
}

extension SiteLoader {
    /// A content file's page name: its file name, or its folder's for `<slug>/index.md`.
    static func slug(of path: String) -> String {
        let parts = path.split(separator: "/")
        if SiteFiles.pageFolder(of: path) != nil, parts.count >= 2 { return String(parts[parts.count - 2]) }
        return String((parts.last ?? "").dropLast(3))
    }
}
