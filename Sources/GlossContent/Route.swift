/// A page of the site. The only code that knows where each page is written and how one page
/// links to another: every internal link is made here, relative, so the site works from any
/// sub-path and from a plain folder. A kind of page that is not here declares its routes beside
/// itself (`extension Route { static func author(_ slug: String) -> Route … }`).
public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The page's folder from the site root, as a URL: "", "articles/x/", "entities/".
    public let url: String
    /// The file the page is written to, relative to the output folder.
    public let path: String

    /// A page written as `index.html` in its folder (`folder` ends with "/", or is "" for the root).
    public init(folder: String) {
        url = folder
        path = folder + "index.html"
    }

    /// A page that is a file of its own at the root, like `404.html`.
    public init(rootFile name: String) {
        url = ""
        path = name
    }

    public static let home = Route(folder: "")
    public static let entities = Route(folder: "entities/")
    public static let tags = Route(folder: "tags/")
    public static let digests = Route(folder: "digests/")
    public static let annotations = Route(folder: "annotations/")
    public static let unanchored = Route(folder: "annotations/unanchored/")
    public static let graph = Route(folder: "graph/")
    public static let search = Route(folder: "search/")
    public static let notFound = Route(rootFile: "404.html")
    public static func article(_ slug: String) -> Route { Route(folder: "articles/\(slug)/") }
    public static func entity(_ slug: String) -> Route { Route(folder: "entities/\(slug)/") }
    public static func tag(_ slug: String) -> Route { Route(folder: "tags/\(slug)/") }
    public static func digest(_ slug: String) -> Route { Route(folder: "digests/\(slug)/") }

    public var description: String { path }

    /// From this page to the site root: "", "../" or "../../".
    public var root: String { String(repeating: "../", count: url.utf8.count { $0 == UInt8(ascii: "/") }) }

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
