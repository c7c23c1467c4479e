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
    /// The lead picture (`image:`, `image_alt:`, `image_credit:`).
    public var image: LeadImage?

    /// The article without its Markdown, as later stages keep it: the analysis has made the
    /// body's HTML and text, and nothing after it reads the Markdown (65 MB at 10,000 articles).
    public var withoutMarkdown: Article {
        var copy = self
        copy.body = ""
        return copy
    }

    public init(slug: String, path: String, title: String, date: ContentDate, source: String? = nil, url: String? = nil,
                author: String? = nil, tags: [String] = [], summary: String? = nil, draft: Bool = false,
                body: String, bodyLine: Int = 1, image: LeadImage? = nil) {
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
        self.image = image
    }
}

/// An article's lead picture, as its front matter gives it: shown in lists and the article's
/// header, and used for link previews and feeds.
public struct LeadImage: Sendable, Hashable {
    /// A path relative to the article's file (`photo.jpg`), or an `https:` URL.
    public var source: String
    public var alt: String?
    public var credit: String?
    /// Line of `image:` in the article's file.
    public var line: Int

    public init(source: String, alt: String? = nil, credit: String? = nil, line: Int) {
        self.source = source
        self.alt = alt
        self.credit = credit
        self.line = line
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
    var image: String?
    var image_alt: String?
    var image_credit: String?

    /// `related` holds the headlines `gloss import` found on the source page ("READ MORE"): kept
    /// in the file for the editor, not shown.
    static let fieldNames = ["title", "date", "source", "url", "author", "tags", "summary", "draft", "related",
                             "image", "image_alt", "image_credit"]
    enum CodingKeys: String, CodingKey { case title, date, source, url, author, tags, summary, draft, image, image_alt, image_credit }

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
        image = try container.decodeIfPresent(String.self, forKey: .image)
        image_alt = try container.decodeIfPresent(String.self, forKey: .image_alt)
        image_credit = try container.decodeIfPresent(String.self, forKey: .image_credit)
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

extension ArticleFields {
    /// `image:` with its companions; an empty `image:` is none.
    func leadImage(line: Int) -> LeadImage? {
        guard let image, !image.trimmingWhitespace().isEmpty else { return nil }
        return LeadImage(source: image.trimmingWhitespace(), alt: image_alt, credit: image_credit, line: line)
    }
}
