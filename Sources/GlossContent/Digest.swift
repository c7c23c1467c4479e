/// An editor's digest: `content/digests/<slug>.md`. Its introduction is the body; its articles
/// are listed in the editor's order, or default to every article of its period.
public struct Digest: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var date: ContentDate
    /// Article slugs in the editor's order; nil means "every article in the digest's period".
    public var articles: [String]?
    public var body: String
    public var bodyLine: Int
    /// Line of the `articles` field, for unknown-slug errors.
    public var articlesLine: Int
}

struct DigestFields: FrontMatterFields {
    var title: String
    var date: ContentDate
    var articles: [String]?

    static let fieldNames = ["title", "date", "articles"]
    enum CodingKeys: String, CodingKey { case title, date, articles }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeNonEmpty(forKey: .title)
        date = try container.decodeDate(forKey: .date)
        articles = try container.decodeIfPresent([String].self, forKey: .articles)
    }
}
