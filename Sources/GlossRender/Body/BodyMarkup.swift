import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

/// Turns analysed bodies into HTML for the page they land on: each of Gloss's nodes becomes the
/// theme's partial for it, which a site may override like any template —
/// `partials/entity-link`, `partials/note-mark`, `partials/note-ref`, `partials/sidenote` and
/// `partials/quote-anchor`. A node's partial gets the HTML it wraps as `{{{content}}}`.
struct BodyMarkup: Sendable {
    static let partials = ["partials/entity-link", "partials/note-mark", "partials/note-ref", "partials/sidenote", "partials/quote-anchor"]

    let theme: Theme
    let registry: EntityRegistry
    let links: ContentLinks
    /// Partials split around their content, by partial and context (see `render(_:_:content:key:)`).
    private let splits = SplitPartials()

    init(theme: Theme, registry: EntityRegistry, links: ContentLinks) {
        self.theme = theme
        self.registry = registry
        self.links = links
    }

    /// The body's HTML on the page at `route`. `notes` are the article's anchored notes, which
    /// note marks, references and sidenotes stand for.
    func html(_ body: AnalysedBody, at route: Route, notes: [AnchoredNote] = []) -> String {
        body.html.resolve { number, content in
            guard body.nodes.indices.contains(number) else { return content }
            return self.markup(body.nodes[number], content: content, at: route, notes: notes)
        }
    }

    private func markup(_ node: BodyNode, content: String, at route: Route, notes: [AnchoredNote]) -> String {
        switch node {
        case .entityLink(let id):
            // A link from an entity's page to itself goes nowhere: its own name stays text.
            guard let entity = registry.entities.element(id), route != .entity(entity.slug) else { return content }
            let url = route.link(to: .entity(entity.slug))
            return render("partials/entity-link", ["slug": entity.slug, "name": entity.name, "kind": entity.kind.rawValue, "url": url],
                          content: content, key: entity.slug + "\u{1}" + url)
        case .noteMark(let index):
            guard let note = notes.element(index) else { return content }
            return render("partials/note-mark", ["id": note.annotation.id, "kind": note.annotation.kind.rawValue], content: content)
        case .noteReference(let index):
            guard let note = notes.element(index) else { return content }
            return render("partials/note-ref", noteFields(note), content: content)
        case .sidenote(let index):
            guard let note = notes.element(index) else { return content }
            var fields = noteFields(note)
            fields["bodyHTML"] = html(note.body, at: route)
            return render("partials/sidenote", fields, content: content)
        case .quoteAnchor(let anchor):
            return render("partials/quote-anchor", ["anchor": anchor], content: content)
        case .siteLink(let link):
            // As cmark writes links; an unknown source keeps its text and is reported.
            guard let href = links.href(link, from: route) else { return content }
            return "<a href=\"\(href.htmlEscaped)\"\(link.title.isEmpty ? "" : " title=\"\(link.title.htmlEscaped)\"")>\(content)</a>"
        }
    }

    private func noteFields(_ note: AnchoredNote) -> [String: Any] {
        let a = note.annotation
        return ["id": a.id, "number": note.number, "kind": a.kind.rawValue, "kindLabel": a.kind.label,
                "author": a.author ?? NSNull(), "date": a.date?.display ?? NSNull(), "isoDate": a.date?.isoDate ?? NSNull()]
    }

    /// Renders a node's partial around `content`. With a `key` (the same partial and context
    /// recur, as one entity's links do on every article), the partial is rendered once around a
    /// marker and split there, and later uses only join the halves. A final newline in the
    /// partial's file is dropped: these partials sit inside running text.
    private func render(_ partial: String, _ fields: [String: Any], content: String, key: String? = nil) -> String {
        if let key, let halves = splits.halves(partial, key, make: { () -> (String, String)? in
            var marked = fields
            marked["content"] = SplitPartials.marker
            let text = trimmed(theme.render(marked, template: partial) ?? "")
            let parts = text.components(separatedBy: SplitPartials.marker)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }) {
            return halves.0 + content + halves.1
        }
        var context = fields
        context["content"] = content
        return trimmed(theme.render(context, template: partial) ?? content)
    }

    private func trimmed(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
}

/// The halves of partials rendered around a marker, shared by the pages rendered in parallel.
final class SplitPartials: @unchecked Sendable {
    /// Never in content: control characters are stripped from every document's text.
    static let marker = "\u{1}content\u{1}"
    private let lock = NSLock()
    private var halves: [String: (String, String)?] = [:]

    func halves(_ partial: String, _ key: String, make: () -> (String, String)?) -> (String, String)? {
        let full = partial + "\u{0}" + key
        if let known = lock.withLock({ halves[full] }) { return known }
        let made = make()
        lock.withLock { halves[full] = .some(made) }
        return made
    }
}

extension Array {
    /// The element at `index` when there is one.
    func element(_ index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
