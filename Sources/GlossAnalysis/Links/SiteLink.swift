import GlossContent
import GlossMarkdown

/// A link from content to a page or file of the site. It is written by the render stage,
/// relative to whichever page the text lands on, so it works at any depth and sub-path.
public struct SiteLink: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// `@/articles/x.md`: a content file, by its path from the site folder
        /// (`content/articles/x.md`); the render stage finds its page.
        case source(String)
        /// A relative link, read from the page the text belongs to: a path from the site root
        /// ("articles/b/", "feed.xml").
        case path(String)
        /// A relative link that climbs out of the site: written as it is, and reported.
        case outside(String)
    }

    public var target: Target
    public var fragment: String?
    public var title: String
    /// Where the link is written, for messages about it.
    public var file: String
    public var line: Int
    public var column: Int
}

/// Finds a document's links to the site's own pages and files and turns them into nodes:
/// `@/…` source links (Zola's form), links to other content files by relative path
/// (`../entities/korus.md`), and relative URLs, read from `home`, the page the text belongs to.
/// Absolute URLs, `/…` paths and lone `#fragments` are left as written.
enum SiteLinker {
    static func link(_ document: MarkdownDocument, home: Route, file: String, firstLine: Int, nodes: BodyNodes) {
        var replacements: [(link: MarkdownLink, placeholder: Placeholder)] = []
        for link in document.links() {
            guard let target = target(of: link.url, home: home, file: file) else { continue }
            let node = SiteLink(target: target.target, fragment: target.fragment, title: link.title,
                                file: file, line: firstLine + link.line - 1, column: link.column)
            replacements.append((link, nodes.placeholder(.siteLink(node))))
        }
        if !replacements.isEmpty { document.replaceLinks(replacements) }
    }

    static func target(of url: String, home: Route, file: String) -> (target: SiteLink.Target, fragment: String?)? {
        let hash = url.firstIndex(of: "#")
        let address = url[..<(hash ?? url.endIndex)]
        let fragment = hash.map { String(url[url.index(after: $0)...]) }
        if address.hasPrefix("@/") {
            return (.source("content/" + address.dropFirst(2)), fragment)
        }
        guard !address.isEmpty, !address.hasPrefix("/"), !address.contains("?"), !SitePath.isExternal(address) else { return nil }
        if address.hasSuffix(".md") {
            guard let source = SitePath.resolve(address, from: SitePath.folder(of: file)) else { return nil }
            return (.source(source), fragment)
        }
        guard let path = SitePath.resolve(address, from: home.url) else { return (.outside(url), nil) }
        return (.path(path), fragment)
    }
}
