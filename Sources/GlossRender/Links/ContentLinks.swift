import Foundation
import GlossAnalysis
import GlossContent

/// The site's content files by path (`content/articles/x.md`), with the page each becomes, so
/// `@/` links and links to `.md` files find their pages; and a ledger of the links content
/// wrote on each page, so a broken one is reported where it was written.
final class ContentLinks: @unchecked Sendable {
    struct Destination: Sendable {
        var route: Route
        var fragment: String?
    }

    /// A link content wrote: on which page, to where, and where the Markdown says so.
    struct Written: Sendable, Hashable {
        var page: String
        var href: String
    }

    let destinations: [String: Destination]
    private let lock = NSLock()
    private var written: [Written: SiteLink] = [:]
    private var unknown: [SiteLink] = []

    init(_ content: SiteContent) {
        var destinations: [String: Destination] = [:]
        for article in content.articles { destinations[article.path] = Destination(route: .article(article.slug)) }
        for entity in content.entities { destinations[entity.path] = Destination(route: .entity(entity.slug)) }
        for digest in content.digests { destinations[digest.path] = Destination(route: .digest(digest.slug)) }
        for note in content.annotations {
            destinations[note.path] = Destination(route: .article(note.article), fragment: "note-" + note.id)
        }
        self.destinations = destinations
    }

    /// The link's address from `page`, or nil (and a note of it) when its source file is unknown.
    func href(_ link: SiteLink, from page: Route) -> String? {
        let href: String
        switch link.target {
        case .path(let path):
            href = page.link(toPath: path, fragment: link.fragment)
        case .outside(let url):
            href = url
        case .source(let source):
            guard let destination = destinations[source] else {
                lock.withLock { unknown.append(link) }
                return nil
            }
            href = page.link(to: destination.route, fragment: link.fragment ?? destination.fragment)
        }
        lock.withLock { written[Written(page: page.path, href: href)] = link }
        return href
    }

    /// The content link behind `href` on `page`, if content wrote it.
    func link(page: String, href: String) -> SiteLink? { lock.withLock { written[Written(page: page, href: href)] } }

    /// `@/` and `.md` links to files that do not exist, each once.
    func unknownSources(severity: Diagnostic.Severity) -> [Diagnostic] {
        let links = lock.withLock { Set(unknown) }
        return links.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }.compactMap { link in
            guard case .source(let source) = link.target else { return nil }
            let suggestion = Self.closest(to: source, in: destinations.keys).map { " (did you mean `\($0)`?)" } ?? ""
            return Diagnostic(file: link.file, line: link.line, column: link.column, severity: severity,
                              message: "link to `\(source)`, which does not exist\(suggestion)")
        }
    }

    /// The known source sharing the file name, if any: a moved file is the usual cause.
    static func closest(to source: String, in sources: Dictionary<String, Destination>.Keys) -> String? {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return sources.filter { $0.hasSuffix("/" + name) }.min()
    }
}
