import Foundation
import GlossHTML

/// What a page's schema.org JSON-LD (`<script type="application/ld+json">`) says about its
/// article: the object whose `@type` is an article type, wherever it sits (`@graph`, arrays,
/// `mainEntity`).
struct JSONLinkedData: Sendable {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var publisher: String?
    var articleBody: String?
    var description: String?
    var keywords: [String] = []
    var url: String?

    static let articleTypes: Set<String> = ["article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                                            "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
                                            "scholarlyarticle", "techarticle", "socialmediaposting", "satiricalarticle", "advertisercontentarticle"]

    /// Objects that stand for the page itself when it has no article object.
    static let pageTypes: Set<String> = ["webpage", "itempage", "howto", "recipe"]

    init() {}

    init(_ document: HTMLDocument) {
        var objects: [[String: Any]] = []
        for script in Self.scripts(in: document) {
            guard let value = Self.parse(document.textContent(script)) else { continue }
            Self.collect(value, into: &objects)
        }
        guard let article = objects.first(where: { Self.types(of: $0).contains(where: Self.articleTypes.contains) }) else {
            // No article object: the page's own (Yoast's and All in One SEO's WebPage, a HowTo) still dates it.
            let page = objects.first { Self.types(of: $0).contains(where: Self.pageTypes.contains) && $0["datePublished"] != nil }
            datePublished = page.flatMap { Self.string($0["datePublished"]) }
            return
        }
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        authors = Self.names(article["author"]) ?? Self.names(article["creator"]) ?? []
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        dateModified = Self.string(article["dateModified"])
        publisher = (article["publisher"] as? [String: Any]).flatMap { Self.string($0["name"]) } ?? Self.string(article["publisher"])
        if let body = Self.string(article["articleBody"]) {
            articleBody = HTMLDocument.plainText(body)
        }
        description = Self.string(article["description"]).map(HTMLDocument.plainText)
        if let list = article["keywords"] as? [Any] { keywords = list.compactMap(Self.string) } else if let text = Self.string(article["keywords"]) { keywords = splitTags(text) }
        url = Self.string(article["url"]) ?? (article["mainEntityOfPage"] as? [String: Any]).flatMap { Self.string($0["@id"]) } ?? Self.string(article["mainEntityOfPage"])
    }

    /// The page's `<script type="application/ld+json">` elements, in order.
    static func scripts(in document: HTMLDocument) -> [HTMLDocument.NodeID] {
        document.elements("script").filter { document.attribute("type", of: $0)?.lowercased().contains("ld+json") == true }
    }

    /// JSON as pages write it: strict first, then with raw control characters (new lines inside
    /// strings, which many CMSs emit) turned into spaces and a CDATA wrapper removed.
    static func parse(_ text: String) -> Any? {
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) { return value }
        var cleaned = text.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
        cleaned = String(String.UnicodeScalarView(cleaned.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        return try? JSONSerialization.jsonObject(with: Data(cleaned.utf8), options: [.fragmentsAllowed])
    }

    static func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int = 0) {
        guard depth < 8 else { return }
        if let list = value as? [Any] {
            for item in list { collect(item, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let inner = object[key] { collect(inner, into: &objects, depth: depth + 1) }
            }
        }
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let normalised = TextNormaliser.normalise(text)
            return normalised.isEmpty ? nil : normalised
        }
        if let list = value as? [Any], let first = list.first { return string(first) }
        return nil
    }

    /// Person names first (an organisation is an author only when no person is named).
    static func names(_ value: Any?) -> [String]? {
        var people: [String] = [], organisations: [String] = []
        let items: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        for item in items {
            if let name = string(item), !(item is [Any]) {
                people.append(name)
            } else if let object = item as? [String: Any], let name = string(object["name"]) {
                if types(of: object).contains("organization") || types(of: object).contains("newsmediaorganization") { organisations.append(name) } else { people.append(name) }
            }
        }
        let names = (people.isEmpty ? organisations : people).filter { !$0.lowercased().hasPrefix("http") }
        return names.isEmpty ? nil : names
    }
}
