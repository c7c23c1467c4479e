import Foundation
import GlossAnalysis
import GlossContent

/// Machine-readable data under `data/`: entities with their mentions, and quotes. Keys are
/// sorted so the files are byte-stable.
struct DataExport {
    let site: AnalysedSite
    let index: SiteIndex

    struct EntityRecord: Encodable {
        struct Mention: Encodable { var article: String; var count: Int }
        var slug: String
        var name: String
        var kind: String
        var aliases: [String]
        var mentions: [Mention]
    }

    struct QuoteRecord: Encodable {
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

    func files() -> [OutputFile] {
        let entities = site.registry.entities.enumerated().map { i, entity in
            EntityRecord(slug: entity.slug, name: entity.name, kind: entity.kind.rawValue, aliases: entity.aliases.map(\.text),
                         mentions: index.mentions[i].map { .init(article: site.articles[$0.article].article.slug, count: $0.count) })
        }
        let quotes = site.articles.flatMap { analysed in
            analysed.quotes.map { quote in
                QuoteRecord(text: quote.text, speaker: quote.speaker.map { site.registry.entities[$0].slug },
                            article: analysed.article.slug, paragraph: quote.paragraph)
            }
        }
        return [OutputFile(path: "data/entities.json", bytes: Self.json(entities)),
                OutputFile(path: "data/quotes.json", bytes: Self.json(quotes)),
                AnnotationExport(site: site).file()]
    }

    static func json<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("null".utf8)) + [0x0A]
    }
}
