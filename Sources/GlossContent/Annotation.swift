/// An editor's note on a passage of an article: `content/annotations/<article>/<name>.md`.
public struct Annotation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Decodable {
        case note, context, factCheck = "fact-check", correction, analysis

        public var label: String {
            switch self {
            case .note: "Note"
            case .context: "Context"
            case .factCheck: "Fact-check"
            case .correction: "Correction"
            case .analysis: "Analysis"
            }
        }
    }

    /// `<article-slug>--<name>`: stable, readable, and unique because names are unique per article.
    public var id: String
    public var path: String
    public var article: String
    public var name: String
    public var quote: String
    public var prefix: String?
    public var suffix: String?
    public var occurrence: Int?
    public var kind: Kind
    public var author: String?
    public var date: ContentDate?
    public var body: String
    public var bodyLine: Int
    /// Line of the `quote` field: where anchoring problems are reported.
    public var quoteLine: Int
}

struct AnnotationFields: FrontMatterFields {
    var article: String?
    var quote: String
    var prefix: String?
    var suffix: String?
    var occurrence: Int?
    var kind: Annotation.Kind
    var author: String?
    var date: ContentDate?

    static let fieldNames = ["article", "quote", "prefix", "suffix", "occurrence", "kind", "author", "date"]
    enum CodingKeys: String, CodingKey { case article, quote, prefix, suffix, occurrence, kind, author, date }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        article = try container.decodeIfPresent(String.self, forKey: .article)
        quote = try container.decodeNonEmpty(forKey: .quote)
        prefix = try container.decodeIfPresent(String.self, forKey: .prefix)
        suffix = try container.decodeIfPresent(String.self, forKey: .suffix)
        occurrence = try container.decodeIfPresent(Int.self, forKey: .occurrence)
        if let occurrence, occurrence < 1 {
            throw DecodingError.dataCorruptedError(forKey: .occurrence, in: container,
                debugDescription: "`occurrence` counts from 1 (the first time the quote appears)")
        }
        if let kindText = try container.decodeIfPresent(String.self, forKey: .kind) {
            guard let kind = Annotation.Kind(rawValue: kindText) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                    debugDescription: "`kind`: unknown kind \"\(kindText)\"; use one of \(Annotation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.kind = kind
        } else {
            kind = .note
        }
        author = try container.decodeIfPresent(String.self, forKey: .author)
        date = try container.decodeDateIfPresent(forKey: .date)
    }
}
