import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

/// Turns analysed bodies into HTML for the page they land on: each of Gloss's nodes becomes the
/// theme's partial for it, which a site may override like any template —
/// `partials/entity-link`, `partials/note-mark`, `partials/note-ref`, `partials/sidenote` and
/// `partials/quote-anchor`. A node's partial gets the HTML it wraps as `{{{content}}}`.
struct BodyMarkup: Sendable {
    static let partials = ["partials/entity-link", "partials/note-mark", "partials/note-ref", "partials/sidenote", "partials/quote-anchor",
                           "partials/image", "partials/figure"]

    let theme: Theme
    let registry: EntityRegistry
    let links: ContentLinks
    /// The partials, compiled once per shape of their fields.
    private let compiled = CompiledPartials()

    init(theme: Theme, registry: EntityRegistry, links: ContentLinks) {
        self.theme = theme
        self.registry = registry
        self.links = links
    }

    /// The body's HTML on the page at `route`. `notes` are the article's anchored notes, which
    /// note marks, references and sidenotes stand for. With `eagerImage`, the body's first image
    /// may be on the first screen (it is loaded at once); all others load lazily.
    func html(_ body: AnalysedBody, at route: Route, notes: [AnchoredNote] = [], eagerImage: Bool = false) -> String {
        guard !body.nodes.isEmpty else { return body.html.html }
        let place = Place(route)
        var figureParts: [Int: String] = [:]
        return body.html.resolve { number, content in
            guard body.nodes.indices.contains(number) else { return content }
            switch body.nodes[number] {
            case .image(let image):
                return self.image(image, at: route, eager: eagerImage && image.position == 0)
            case .figure(let figure):
                return self.figure(figure, parts: figureParts, at: route, eager: eagerImage && figure.image.position == 0)
            case .figurePart:
                figureParts[number] = content
                return ""
            case let node:
                return self.markup(node, content: content, at: place, notes: notes)
            }
        }
    }

    /// The page a body lands on, with what every entity link on it shares.
    private struct Place {
        let route: Route
        /// How links from this page to entity pages start ("../../entities/").
        let entities: String
        /// The entity whose page this is: its own name is not linked.
        let entity: String?

        init(_ route: Route) {
            self.route = route
            entities = String(route.link(to: .entity("x")).dropLast(2))
            entity = route.url.hasPrefix("entities/") && route.url.utf8.count { $0 == UInt8(ascii: "/") } == 2
                ? String(route.url.dropFirst("entities/".count).dropLast()) : nil
        }
    }

    private func markup(_ node: BodyNode, content: String, at place: Place, notes: [AnchoredNote]) -> String {
        let route = place.route
        switch node {
        case .image, .figure, .figurePart:
            return content
        case .entityLink(let id):
            // A link from an entity's page to itself goes nowhere: its own name stays text.
            guard let entity = registry.entities.element(id), entity.slug != place.entity else { return content }
            let url = place.entities + entity.slug + "/"
            return render("partials/entity-link", content: content) {
                [("slug", entity.slug), ("name", entity.name), ("kind", entity.kind.rawValue), ("url", url)]
            }
        case .noteMark(let index):
            guard let note = notes.element(index) else { return content }
            return render("partials/note-mark", content: content) { [("id", note.annotation.id), ("kind", note.annotation.kind.rawValue)] }
        case .noteReference(let index):
            guard let note = notes.element(index) else { return content }
            return render("partials/note-ref", content: content) { noteFields(note) }
        case .sidenote(let index):
            guard let note = notes.element(index) else { return content }
            return render("partials/sidenote", content: content) { noteFields(note) + [("bodyHTML", html(note.body, at: route))] }
        case .quoteAnchor(let anchor):
            return render("partials/quote-anchor", content: content) { [("anchor", anchor)] }
        case .siteLink(let link):
            // As cmark writes links; an unknown source keeps its text and is reported.
            guard let href = links.href(link, from: route) else { return content }
            return "<a href=\"\(href.htmlEscaped)\"\(link.title.isEmpty ? "" : " title=\"\(link.title.htmlEscaped)\"")>\(content)</a>"
        }
    }

    private func noteFields(_ note: AnchoredNote) -> [(String, Any)] {
        let a = note.annotation
        return [("id", a.id), ("number", note.number), ("kind", a.kind.rawValue), ("kindLabel", a.kind.label),
                ("author", a.author ?? TemplateNull()), ("date", a.date?.display ?? TemplateNull()), ("isoDate", a.date?.isoDate ?? TemplateNull())]
    }

    /// Renders a node's partial around `content`, compiled (see `CompiledPartials`) where it can
    /// be. A final newline in the partial's file is dropped: these partials sit inside running text.
    func render(_ partial: String, content: String, _ fields: () -> [(String, Any)]) -> String {
        let context = TemplateObject(fields() + [("content", content)])
        return trimmed(compiled.render(partial, context, theme: theme) ?? theme.render(context, template: partial) ?? content)
    }

    private func trimmed(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
}

extension Array {
    /// The element at `index` when there is one.
    func element(_ index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
