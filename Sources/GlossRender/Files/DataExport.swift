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
    func files() -> [DerivedFile] {
        let entities = entityRecords()
        let quotes = site.articles.map { analysed in RevisionMemo.value(in: memo?.quotes, analysed) { quoteRecords(analysed) } }
        let annotations = AnnotationExport(site: site)
        let notes = AnnotationExport.Model(label: annotations.label, items: site.articles.map { analysed in
            RevisionMemo.value(in: memo?.notes, analysed) { annotations.items(analysed) }
        })
        memo?.keep(site.articles)
        return [DerivedFile(path: "data/entities.json", model: entities) { Self.json(entities) },
                DerivedFile(path: "data/quotes.json", model: quotes) { Self.json(quotes.flatMap(\.value)) },
                DerivedFile(path: "data/annotations.jsonld", model: notes) { Self.json(notes.collection) }]
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("null".utf8)) + [0x0A]
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
