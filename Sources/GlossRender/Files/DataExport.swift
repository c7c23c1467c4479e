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
        return [DerivedFile(path: "data/entities.json", model: entities, write: { Self.jsonArray(entities, emit: $0) }),
                DerivedFile(path: "data/quotes.json", model: quotes, write: { Self.jsonArray(quotes.lazy.flatMap(\.value), emit: $0) }),
                DerivedFile(path: "data/annotations.jsonld", model: notes, write: { emit in
                    Self.json({ annotations.collection(total: total, items: $0) }, sentinel: AnnotationExport.Item.sentinel,
                              elements: items.lazy.flatMap { $0 }, emit: emit)
                })]
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
        var out: [UInt8] = []
        json(envelope, sentinel: sentinel, elements: elements) { out += $0 }
        return out
    }

    /// The same bytes handed to `emit` a piece at a time, so that a build can write the file as it
    /// is made (`SpooledFile`) and never hold it whole: the notes export is 280 MB at 50,000 articles.
    static func json<T: Encodable, Element: Encodable>(_ envelope: ([Element]) -> T, sentinel: Element, elements: some Sequence<Element>,
                                                        emit: ([UInt8]) -> Void) {
        let encoder = encoder()
        guard elements.contains(where: { _ in true }), let whole = try? encoder.encode(envelope([sentinel])),
              let marker = try? encoder.encode(sentinel) else { return emit(json(envelope([]))) }
        let bytes = Array(whole), lone = Array(marker)
        guard let (start, indent) = (0...24).lazy.compactMap({ indent in
            bytes.firstRange(of: indented(lone, by: indent)).map { ($0.lowerBound, indent) }
        }).first else { return emit(json(envelope(Array(elements)))) }
        emit(Array(bytes[..<start]))
        var first = true
        for element in elements {
            guard let encoded = try? encoder.encode(element) else { continue }
            emit((first ? [] : Array(",\n".utf8)) + indented(Array(encoded), by: indent))
            first = false
        }
        emit(Array(bytes[(start + indented(lone, by: indent).count)...]) + [0x0A])
    }

    /// `json(elements)` for an array, written an element at a time like the notes: the first
    /// element stands in for the rest. (Foundation's encoder builds a tree many times the size of
    /// its output: for the 60 MB of entity and quote records at 50,000 articles, a gigabyte.)
    static func jsonArray<Element: Encodable>(_ elements: some Collection<Element>, emit: ([UInt8]) -> Void) {
        guard let first = elements.first else { return emit(json([Element]())) }
        json({ $0 }, sentinel: first, elements: elements, emit: emit)
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `json` with every line moved right by `indent` spaces.
    /// Empty lines stay empty, as the encoder writes them (inside an empty array).
    private static func indented(_ json: [UInt8], by indent: Int) -> [UInt8] {
        let spaces = [UInt8](repeating: 0x20, count: indent)
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart && byte != 0x0A { out += spaces }
            out.append(byte)
            lineStart = byte == 0x0A
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
    /// Hands the file's bytes to `emit`, in order, a piece at a time.
    var write: (_ emit: ([UInt8]) -> Void) -> Void

    init(path: String, model: AnyHashable, write: @escaping (_ emit: ([UInt8]) -> Void) -> Void) {
        (self.path, self.model, self.write) = (path, model, write)
    }

    init(path: String, model: AnyHashable, make: @escaping () -> [UInt8]) {
        self.init(path: path, model: model) { emit in emit(make()) }
    }

    /// The whole file in memory.
    func make() -> [UInt8] {
        var bytes: [UInt8] = []
        write { bytes += $0 }
        return bytes
    }
}
