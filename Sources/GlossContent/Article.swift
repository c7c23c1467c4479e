/// A news article: `content/articles/**/<slug>.md`.
public struct Article: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var date: ContentDate
    public var source: String?
    public var url: String?
    public var author: String?
    public var tags: [String]
    /// The editor's summary; when nil, later stages use the first paragraph.
    public var summary: String?
    public var draft: Bool
    public var body: String
    /// Line in `path` where `body` starts, to turn Markdown positions into file positions.
    public var bodyLine: Int

    public init(slug: String, path: String, title: String, date: ContentDate, source: String? = nil, url: String? = nil,
                author: String? = nil, tags: [String] = [], summary: String? = nil, draft: Bool = false,
                body: String, bodyLine: Int = 1) {
        self.slug = slug
        self.path = path
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.author = author
        self.tags = tags
        self.summary = summary
        self.draft = draft
        self.body = body
        self.bodyLine = bodyLine
    }
}

struct ArticleFields: FrontMatterFields {
    var title: String
    var date: ContentDate
    var source: String?
    var url: String?
    var author: String?
    var tags: [String]
    var summary: String?
    var draft: Bool

    /// `related` holds the headlines `gloss import` found on the source page ("READ MORE"): kept
    /// in the file for the editor, not shown.
    static let fieldNames = ["title", "date", "source", "url", "author", "tags", "summary", "draft", "related"]
    enum CodingKeys: String, CodingKey { case title, date, source, url, author, tags, summary, draft }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeNonEmpty(forKey: .title)
        date = try container.decodeDate(forKey: .date)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        draft = try container.decodeIfPresent(Bool.self, forKey: .draft) ?? false
        for tag in tags {
            let slug = Slug.make(from: tag)
            if slug.isEmpty {
                throw DecodingError.dataCorruptedError(forKey: .tags, in: container,
                    debugDescription: "`tags`: tag \"\(LinkPolicy.printable(tag))\" has no letters or digits to make a page name from")
            }
            if slug.utf8.count > TagSpelling.maxSlugBytes {
                throw DecodingError.dataCorruptedError(forKey: .tags, in: container,
                    debugDescription: "`tags`: tag \"\(LinkPolicy.printable(String(tag.prefix(40))))…\" is too long for a page name (\(slug.utf8.count) letters, digits and dashes; at most \(TagSpelling.maxSlugBytes))")
            }
        }
    }
}

extension KeyedDecodingContainer {
    func decodeNonEmpty(forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard !value.trimmingWhitespace().isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "`\(key.stringValue)` must not be empty")
        }
        return value
    }

    func decodeDate(forKey key: Key) throws -> ContentDate {
        let text = try decode(String.self, forKey: key)
        guard let date = ContentDate(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "`\(key.stringValue)`: invalid date \"\(text)\"; use YYYY-MM-DD or an ISO 8601 date-time such as 2018-09-23T18:30:00Z")
        }
        return date
    }

    func decodeDateIfPresent(forKey key: Key) throws -> ContentDate? {
        contains(key) ? try decodeDate(forKey: key) : nil
    }
}
