import Foundation
import GlossAnalysis
import GlossContent

/// Machine-readable data under `data/`: entities with their mentions, and quotes. Keys are
/// sorted so the files are byte-stable.
struct DataExport {
    let site: AnalysedSite
    /// The preview's records of unchanged articles.
    var memo: Memo?

    struct EntityRecord: Encodable, Hashable {
        struct Mention: Encodable, Hashable { var article: String; var count: Int }
        var slug: String
        var name: String
        var kind: String
        var aliases: [String]
        var mentions: [Mention]
    }

    struct QuoteRecord: Encodable, Hashable {
        var text: String
        var speaker: String?
        var article: String
        var paragraph: Int

        // Encode a missing speaker as null, not by leaving the key out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(article, forKey: .article)
            try container.encode(paragraph, forKey: .paragraph)
        }
        enum CodingKeys: String, CodingKey { case text, speaker, article, paragraph }
    }

    /// Each file's records are its model: cheap to make and compare, unlike the JSON. An
    /// article's records are made once while its analysis stands (`RenderCache.exports`).
    /// Without that cache (`gloss build`) no model is compared, so the notes' records, the
    /// largest (250,000 at 50,000 articles), are made an article at a time as the file is written.
    func files() -> [DerivedFile] {
        let entities = entityRecords()
        let quotes = site.articles.map { analysed in RevisionMemo.value(in: memo?.quotes, analysed) { quoteRecords(analysed) } }
        let annotations = AnnotationExport(site: site)
        let notes = memo.map { memo in
            AnnotationExport.Model(label: annotations.label, items: site.articles.map { analysed in
                RevisionMemo.value(in: memo.notes, analysed) { annotations.items(analysed) }
            })
        }
        memo?.keep(site.articles)
        let items = notes.map { AnyCollection($0.items.lazy.map(\.value)) } ?? AnyCollection(site.articles.lazy.map { annotations.items($0).value })
        let total = notes?.total ?? site.articles.reduce(0) { $0 + $1.notes.count + $1.orphans.count }
        return [DerivedFile(path: "data/entities.json", model: entities) { Self.json(entities) },
                DerivedFile(path: "data/quotes.json", model: quotes) { Self.json(quotes.flatMap(\.value)) },
                DerivedFile(path: "data/annotations.jsonld", model: notes) {
                    Self.json({ annotations.collection(total: total, items: $0) }, sentinel: AnnotationExport.Item.sentinel,
                              elements: items.lazy.flatMap { $0 })
                }]
    }

    func entityRecords() -> [EntityRecord] {
        site.registry.entities.identified.map { id, entity in
            EntityRecord(slug: entity.slug, name: entity.name, kind: entity.kind.rawValue, aliases: entity.aliases.map(\.text),
                         mentions: site.index.entities[id].mentions.map { .init(article: site.articles[$0.article].article.slug, count: $0.count) })
        }
    }

    func quoteRecords(_ analysed: AnalysedArticle) -> Shared<[QuoteRecord]> {
        Shared(analysed.quotes.map { quote in
            QuoteRecord(text: quote.text, speaker: quote.speaker.map { site.registry.entities[$0].slug },
                        article: analysed.article.slug, paragraph: quote.paragraph)
        })
    }

    /// Each article's records, kept between builds of the preview.
    final class Memo: Sendable {
        let quotes = RevisionMemo<Shared<[QuoteRecord]>>()
        let notes = RevisionMemo<Shared<[AnnotationExport.Item]>>()

        func keep(_ articles: Table<ArticleID, AnalysedArticle>) {
            quotes.keep(articles)
            notes.keep(articles)
        }
    }

    static func json<T: Encodable>(_ value: T) -> [UInt8] {
        Array((try? encoder().encode(value)) ?? Data("null".utf8)) + [0x0A]
    }

    /// What `json(envelope(elements))` writes, with each element encoded on its own and spliced in
    /// where `envelope([sentinel])` has the sentinel: a large site's notes are never one encoder's
    /// tree at once (that tree cost about 500 MB of peak memory at 50,000 articles). JSON strings
    /// hold no raw line breaks, so indenting an element's lines is exact.
    static func json<T: Encodable, Element: Encodable>(_ envelope: ([Element]) -> T, sentinel: Element, elements: some Sequence<Element>) -> [UInt8] {
        let encoder = encoder()
        guard elements.contains(where: { _ in true }), let whole = try? encoder.encode(envelope([sentinel])),
              let marker = try? encoder.encode(sentinel) else { return json(envelope([])) }
        let bytes = Array(whole), lone = Array(marker)
        guard let (start, indent) = (0...24).lazy.compactMap({ indent in
            bytes.firstRange(of: indented(lone, by: indent)).map { ($0.lowerBound, indent) }
        }).first else { return json(envelope(Array(elements))) }
        var out = Array(bytes[..<start])
        var first = true
        for element in elements {
            guard let encoded = try? encoder.encode(element) else { continue }
            if !first { out += Array(",\n".utf8) }
            out += indented(Array(encoded), by: indent)
            first = false
        }
        out += bytes[(start + indented(lone, by: indent).count)...]
        return out + [0x0A]
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `json` with every line moved right by `indent` spaces.
    private static func indented(_ json: [UInt8], by indent: Int) -> [UInt8] {
        let spaces = [UInt8](repeating: 0x20, count: indent)
        var out = spaces
        out.reserveCapacity(json.count + json.count / 8)
        for byte in json {
            out.append(byte)
            if byte == 0x0A { out += spaces }
        }
        return out
    }
}

/// A file made from a model (a feed, a data export): the preview's render cache makes it again
/// only when the model differs from the previous build's, like a page. The model must stand for
/// everything the file is made from.
struct DerivedFile {
    var path: String
    var model: AnyHashable
    var make: () -> [UInt8]
}
