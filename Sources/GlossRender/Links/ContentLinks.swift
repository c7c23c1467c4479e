import Foundation
import GlossAnalysis
import GlossContent

/// The site's content files by path (`content/articles/x.md`), with the page each becomes, so
/// `@/` links and links to `.md` files find their pages; and a ledger of the links content
/// wrote on each page, so a broken one is reported where it was written.
final class ContentLinks: @unchecked Sendable {
    struct Destination: Sendable, Equatable {
        var route: Route
        var fragment: String?
    }

    /// The links content wrote on one page: by address, and those to unknown sources.
    struct Ledger: Sendable {
        var written: [String: SiteLink] = [:]
        var unknown: [SiteLink] = []
    }

    let destinations: [String: Destination]
    private let lock = NSLock()
    private var ledgers: [String: Ledger] = [:]

    /// - Parameter memo: the last build's destinations (the preview keeps them), reused while no
    ///   content file came, went or changed its name.
    init(_ content: SiteContent, memo: Memo? = nil) {
        destinations = Memo.value(in: memo, for: Self.layout(content)) { Self.destinations(content) }
    }

    static func destinations(_ content: SiteContent) -> [String: Destination] {
        var destinations: [String: Destination] = [:]
        for article in content.articles { destinations[article.path] = Destination(route: .article(article.slug)) }
        for entity in content.entities { destinations[entity.path] = Destination(route: .entity(entity.slug)) }
        for digest in content.digests { destinations[digest.path] = Destination(route: .digest(digest.slug)) }
        // By index, reading three fields: a loop variable would copy each of 50,000 whole notes.
        let notes = content.annotations
        for i in notes.indices {
            destinations[notes[i].path] = Destination(route: .article(notes[i].article), fragment: "note-" + notes[i].id)
        }
        return destinations
    }

    /// Everything the destinations are made from, in order: each file's path and the name of its
    /// page. Listing it costs a fraction of building and comparing 60,000 destinations, and the
    /// strings of unchanged files are the last build's, so comparing them is cheap too.
    static func layout(_ content: SiteContent) -> [String] {
        var parts: [String] = []
        parts.reserveCapacity(2 * (content.articles.count + content.entities.count + content.digests.count) + 3 * content.annotations.count + 3)
        // By index, as above.
        let (articles, entities, digests, notes) = (content.articles, content.entities, content.digests, content.annotations)
        for i in articles.indices { parts += [articles[i].path, articles[i].slug] }
        parts.append("")
        for i in entities.indices { parts += [entities[i].path, entities[i].slug] }
        parts.append("")
        for i in digests.indices { parts += [digests[i].path, digests[i].slug] }
        parts.append("")
        for i in notes.indices { parts += [notes[i].path, notes[i].article, notes[i].id] }
        return parts
    }

    /// The destinations of the last build, by the layout they were made from.
    typealias Memo = LastValueMemo<[String], [String: Destination]>

    /// The link's address from `page`, or nil (and a note of it) when its source file is unknown.
    func href(_ link: SiteLink, from page: Route) -> String? {
        let href: String
        switch link.target {
        case .path(let path):
            href = page.link(toPath: path, fragment: link.fragment)
        case .outside(let url):
            href = url
        case .file(let file):
            guard let output = Self.output(of: file) else { return nil }
            href = page.link(toPath: SitePath.percentEncoded(output), fragment: link.fragment)
        case .source(let source):
            guard let destination = destinations[source] else {
                lock.withLock { ledgers[page.path, default: Ledger()].unknown.append(link) }
                return nil
            }
            href = page.link(to: destination.route, fragment: link.fragment ?? destination.fragment)
        }
        lock.withLock { ledgers[page.path, default: Ledger()].written[href] = link }
        return href
    }

    /// Where a linked file is published: a photo's widest copy in its own format (its original,
    /// with its metadata, never is); nil for a file that is not published.
    static func output(of file: MediaFile) -> String? {
        switch file.kind {
        case .picture(let picture) where file.file.origin == .content:
            picture.variants(output: file.file.output).last { $0.format != .webp || picture.format == .webp }?.path
        case .picture, .drawing, .file: file.file.output
        case .refused: nil
        }
    }

    /// The content link behind `href` on `page`, if content wrote it.
    func link(page: String, href: String) -> SiteLink? { lock.withLock { ledgers[page]?.written[href] } }

    /// Takes the ledgers of pages a rebuild kept without building them (their links were not
    /// written again) from the build that made them, so their links are still reported.
    func inherit(_ pages: [String], from previous: ContentLinks) {
        let inherited = previous.lock.withLock { pages.compactMap { page in previous.ledgers[page].map { (page, $0) } } }
        lock.withLock { for (page, ledger) in inherited { ledgers[page] = ledger } }
    }

    /// `@/` and `.md` links to files that do not exist, each once.
    func unknownSources(severity: Diagnostic.Severity) -> [Diagnostic] {
        let links = lock.withLock { Set(ledgers.values.flatMap(\.unknown)) }
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
