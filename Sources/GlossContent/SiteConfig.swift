/// `gloss.yml`: the site's settings.
public struct SiteConfig: Sendable, Hashable {
    public enum EntityLinking: String, Sendable, Hashable, Decodable { case first, all }
    public enum DigestPeriod: String, Sendable, Hashable, Decodable { case day, week, month }

    public var title: String
    public var description: String?
    public var author: String?
    public var language: String
    /// Absolute, ending in `/`. Used only for feeds, the sitemap and canonical links.
    public var baseURL: String?
    public var allowUnsafeHTML: Bool
    public var entityLinking: EntityLinking
    public var digestPeriod: DigestPeriod

    public init(title: String, description: String? = nil, author: String? = nil, language: String = "en",
                baseURL: String? = nil, allowUnsafeHTML: Bool = false, entityLinking: EntityLinking = .first,
                digestPeriod: DigestPeriod = .week) {
        self.title = title
        self.description = description
        self.author = author
        self.language = language
        self.baseURL = baseURL
        self.allowUnsafeHTML = allowUnsafeHTML
        self.entityLinking = entityLinking
        self.digestPeriod = digestPeriod
    }
}

struct SiteConfigFields: FrontMatterFields {
    struct Markdown: Decodable { var unsafe: Bool? }
    struct Entities: Decodable { var link: SiteConfig.EntityLinking? }
    struct Digest: Decodable { var period: SiteConfig.DigestPeriod? }

    var title: String
    var description: String?
    var author: String?
    var language: String?
    var base_url: String?
    var markdown: Markdown?
    var entities: Entities?
    var digest: Digest?

    static let fieldNames = ["title", "description", "author", "language", "base_url", "markdown", "entities", "digest"]
    static let nestedFieldNames = ["markdown": ["unsafe"], "entities": ["link"], "digest": ["period"]]

    enum CodingKeys: String, CodingKey { case title, description, author, language, base_url, markdown, entities, digest }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        markdown = try container.decodeIfPresent(Markdown.self, forKey: .markdown)
        entities = try container.decodeIfPresent(Entities.self, forKey: .entities)
        digest = try container.decodeIfPresent(Digest.self, forKey: .digest)
        base_url = try container.decodeIfPresent(String.self, forKey: .base_url)
        if let url = base_url, !Self.isAbsoluteHTTP(url) {
            throw DecodingError.dataCorruptedError(forKey: .base_url, in: container,
                debugDescription: "`base_url` must be an absolute http(s) URL, e.g. https://example.org/digest/")
        }
        if title.trimmingWhitespace().isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .title, in: container, debugDescription: "`title` must not be empty")
        }
    }

    /// `http(s)://host…` with nothing a URL may not hold (white space, control characters,
    /// quotes, angle brackets, backslashes), and a scheme `LinkPolicy` allows.
    static func isAbsoluteHTTP(_ url: String) -> Bool {
        guard LinkPolicy.allows(url), let rest = ["https://", "http://"].first(where: url.hasPrefix).map({ url.dropFirst($0.count) }),
              let host = rest.first, host != "/" else { return false }
        return !url.unicodeScalars.contains { $0.properties.isWhitespace || "\"<>\\`".unicodeScalars.contains($0) }
    }

    var config: SiteConfig {
        var base = base_url
        if let url = base, !url.hasSuffix("/") { base = url + "/" }
        return SiteConfig(title: title, description: description, author: author, language: language ?? "en",
                          baseURL: base, allowUnsafeHTML: markdown?.unsafe ?? false,
                          entityLinking: entities?.link ?? .first, digestPeriod: digest?.period ?? .week)
    }
}
