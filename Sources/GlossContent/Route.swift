/// A page of the site. The only code that knows where each page is written and how one page
/// links to another: every internal link is made here, relative, so the site works from any
/// sub-path and from a plain folder.
public enum Route: Hashable, Sendable, Comparable {
    case home
    case article(String)
    case entity(String)
    case entities
    case tag(String)
    case tags
    case digest(String)
    case digests
    case annotations
    case unanchored
    case graph
    case search
    case notFound

    /// The page's folder from the site root, as a URL: "", "articles/x/", "entities/".
    public var url: String {
        switch self {
        case .home, .notFound: ""
        case .article(let slug): "articles/\(slug)/"
        case .entity(let slug): "entities/\(slug)/"
        case .entities: "entities/"
        case .tag(let slug): "tags/\(slug)/"
        case .tags: "tags/"
        case .digest(let slug): "digests/\(slug)/"
        case .digests: "digests/"
        case .annotations: "annotations/"
        case .unanchored: "annotations/unanchored/"
        case .graph: "graph/"
        case .search: "search/"
        }
    }

    /// The file the page is written to, relative to the output folder.
    public var path: String { self == .notFound ? "404.html" : url + "index.html" }

    /// From this page to the site root: "", "../" or "../../".
    public var root: String { String(repeating: "../", count: url.utf8.count { $0 == UInt8(ascii: "/") }) }

    /// The page above this one in the breadcrumb trail, if any (the home page is above all).
    public var parent: Route? {
        switch self {
        case .entity: .entities
        case .tag: .tags
        case .digest: .digests
        case .unanchored: .annotations
        default: nil
        }
    }

    /// A relative link from this page to `target`: down into this page's folder when the target
    /// is below it ("x/"), otherwise through the root ("../../entities/x/").
    public func link(to target: Route, fragment: String? = nil) -> String {
        link(toPath: target.url, fragment: fragment)
    }

    /// The same for any file of the site, by its path from the root ("assets/gloss.css").
    public func link(toPath there: String, fragment: String? = nil) -> String {
        let here = url
        let relative = !here.isEmpty && there != here && there.hasPrefix(here) ? String(there.dropFirst(here.utf8.count)) : root + there
        return relative + (fragment.map { "#" + $0 } ?? "")
    }

    /// A breadcrumb's link up to an enclosing page: "../" per level, "./" for this very folder.
    public func link(upTo ancestor: Route) -> String {
        let levels = (url.utf8.count { $0 == UInt8(ascii: "/") }) - (ancestor.url.utf8.count { $0 == UInt8(ascii: "/") })
        return levels <= 0 ? "./" : String(repeating: "../", count: levels)
    }

    /// Pages sort by output path, the order files are listed in.
    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}

/// Paths inside the site, from its root, with `/` separators.
public enum SitePath {
    /// `relative` read from the folder `folder` ("articles/a/"): "../b/" → "articles/b/".
    /// Nil when it climbs out of the site. A trailing slash is kept.
    public static func resolve(_ relative: Substring, from folder: String) -> String? {
        var parts = folder.split(separator: "/", omittingEmptySubsequences: true)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let last = index == pieces.count - 1
            switch piece {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                parts.append(piece)
                if last { return parts.joined(separator: "/") }
            }
        }
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    /// The folder a file sits in, with a trailing slash ("articles/a/index.html" → "articles/a/").
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }

    /// True for a URL with a scheme (`https:`, `mailto:`) or a network path (`//host`): not a
    /// file of this site.
    public static func isExternal(_ url: Substring) -> Bool {
        if url.hasPrefix("//") { return true }
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { return true }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return false }
        }
        return false
    }
}
