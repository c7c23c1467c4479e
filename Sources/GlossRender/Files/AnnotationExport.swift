import Foundation
import GlossAnalysis
import GlossContent

/// `data/annotations.jsonld`: every note in the W3C Web Annotation Data Model, so notes can be
/// taken to other annotation tools (Hypothesis, Recogito…). Anchored notes carry both a
/// TextQuoteSelector and a TextPositionSelector; unanchored ones only the editor's quote.
struct AnnotationExport {
    let site: AnalysedSite

    struct Collection: Encodable, Hashable {
        var context = "http://www.w3.org/ns/anno.jsonld"
        var type = "AnnotationCollection"
        var label: String
        var total: Int
        var first: Page
        enum CodingKeys: String, CodingKey { case context = "@context", type, label, total, first }
    }

    struct Page: Encodable, Hashable {
        var type = "AnnotationPage"
        var items: [Item]
    }

    struct Item: Encodable, Hashable {
        var id: String
        var type = "Annotation"
        var motivation: String
        var created: String?
        var creator: Creator?
        var body: Body
        var target: Target

        /// Stands in the collection for its items while the file is written.
        static let sentinel = Item(id: "\u{1}gloss-annotations\u{1}", motivation: "", body: Body(value: "", language: ""),
                                   target: Target(source: "", selector: []))
    }

    struct Creator: Encodable, Hashable { var type = "Person"; var name: String }
    struct Body: Encodable, Hashable { var type = "TextualBody"; var value: String; var format = "text/markdown"; var language: String }
    struct Target: Encodable, Hashable { var source: String; var selector: [Selector] }

    struct Selector: Encodable, Hashable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    /// What the file is made from: the label and each article's items, the articles' kept
    /// between builds of the preview (so an unchanged article's compare by identity).
    struct Model: Hashable {
        var label: String
        var items: [Shared<[Item]>]

        var total: Int { items.reduce(0) { $0 + $1.value.count } }
    }

    /// The collection of `total` notes around `items`, which the file is written with one at a
    /// time (`DataExport.json(_:sentinel:elements:)`).
    func collection(total: Int, items: [Item]) -> Collection {
        Collection(label: label, total: total, first: Page(items: items))
    }

    var label: String { "Notes of \(site.content.config.title)" }

    /// An article's notes as annotations.
    func items(_ analysed: AnalysedArticle) -> Shared<[Item]> {
        let source = (site.content.config.baseURL ?? "") + Route.article(analysed.article.slug).url
        var items: [Item] = []
        for note in analysed.notes {
            items.append(item(note.annotation, source: source, selectors: [
                Selector(type: "TextQuoteSelector", exact: note.passage, prefix: note.prefix, suffix: note.suffix),
                Selector(type: "TextPositionSelector", start: note.start, end: note.end),
            ]))
        }
        for orphan in analysed.orphans {
            let a = orphan.annotation
            items.append(item(a, source: source, selectors: [
                Selector(type: "TextQuoteSelector", exact: a.quote, prefix: a.prefix, suffix: a.suffix),
            ]))
        }
        return Shared(items)
    }

    func item(_ a: Annotation, source: String, selectors: [Selector]) -> Item {
        Item(id: "\(source)#note-\(a.id)", motivation: a.kind.motivation, created: a.date?.rfc3339,
             creator: a.author.map { Creator(name: $0) },
             body: Body(value: a.body.trimmingWhitespace(), language: site.content.config.language),
             target: Target(source: source, selector: selectors))
    }
}

extension Annotation.Kind {
    /// The Web Annotation motivation closest to each kind of note.
    var motivation: String {
        switch self {
        case .note, .analysis: "commenting"
        case .context: "describing"
        case .factCheck: "assessing"
        case .correction: "editing"
        }
    }
}
