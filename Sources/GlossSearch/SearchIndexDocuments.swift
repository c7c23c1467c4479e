import GlossAnalysis
import GlossContent

/// One thing search can find: an article, an entity or a note, with the text of each field and
/// how much a word found there counts.
package struct SearchDocument: Sendable, Equatable {
    package enum Kind: String, Sendable { case article, entity, note }

    var kind: Kind
    var title: String
    /// Relative to the site root (`articles/x/`, `entities/x/`, `articles/x/#note-id`).
    var url: String
    var date: String?
    var isoDate: String?
    /// What a result shows as its kind: "Article", "Person", "Agreement", "Context"…
    var label: String
    /// A line under the title: the article a note is on, an entity's other names.
    var context: String?
    var summary: String
    /// The text snippets are cut from.
    var text: String
    /// Text searched, with the weight of each word found in it.
    var fields: [(text: String, weight: Int)]

    package static func == (a: SearchDocument, b: SearchDocument) -> Bool {
        a.kind == b.kind && a.title == b.title && a.url == b.url && a.date == b.date && a.isoDate == b.isoDate
            && a.label == b.label && a.context == b.context && a.summary == b.summary && a.text == b.text
            && a.fields.elementsEqual(b.fields) { $0.text == $1.text && $0.weight == $1.weight }
    }

    package init(kind: Kind, title: String, url: String, date: String?, isoDate: String?, label: String,
                 context: String?, summary: String, text: String, fields: [(text: String, weight: Int)]) {
        self.kind = kind
        self.title = title
        self.url = url
        self.date = date
        self.isoDate = isoDate
        self.label = label
        self.context = context
        self.summary = summary
        self.text = text
        self.fields = fields
    }

    /// Field weights: a word in a title or a name outranks one in passing.
    package enum Weight {
        package static let title = 8, name = 8, alias = 6, tag = 3, passage = 3, summary = 2, label = 2, body = 1
    }

    /// Word → weight (the sum over fields of occurrences × field weight), capped by the coder.
    func weightedTokens() -> [(String, Int)] {
        var weights: [String: Int] = [:]
        for field in fields {
            SearchTokenizer.forEachToken(in: field.text) { weights[$0, default: 0] += field.weight }
        }
        return weights.map { ($0.key, Swift.min($0.value, PostingsCoder.maxWeight)) }
    }

    /// What a result needs to be shown, as JSON: one element of a shard.
    func record(maxText: Int) -> [UInt8] {
        let text = Self.truncated(self.text, to: maxText)
        var object = SearchJSON.Object()
        object.add("c", context)
        object.add("d", date)
        object.add("i", isoDate)
        object.add("k", kind.rawValue)
        object.add("l", label)
        // A summary that the text starts with (an article's first paragraph) is not repeated.
        object.add("s", text.hasPrefix(summary) ? nil : summary)
        object.add("t", title)
        object.add("u", url)
        object.add("x", text)
        return object.bytes
    }

    /// At most `limit` scalars, cut at a space.
    static func truncated(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        var end = scalars.index(scalars.startIndex, offsetBy: limit)
        var probe = end
        while probe > scalars.startIndex {
            let previous = scalars.index(before: probe)
            if scalars[previous] == " " || scalars[previous] == "\n" { end = previous; break }
            probe = previous
        }
        return String(scalars[..<end]) + " …"
    }

    /// Every article (oldest first), entity and anchored note of a site.
    /// - Parameter cache: the documents of articles whose revision was seen before are reused.
    static func documents(of site: AnalysedSite, cache: SearchIndexCache? = nil) -> [SearchDocument] {
        let perArticle = Array(site.articles.reversed()).concurrentMap { analysed in
            cache?.documents.value(analysed) { articleDocuments(analysed) } ?? articleDocuments(analysed)
        }
        cache?.documents.keep(site.articles)
        return perArticle.map(\.article) + entityDocuments(site) + perArticle.flatMap(\.notes)
    }

    /// An article's document and its notes' documents.
    static func articleDocuments(_ analysed: AnalysedArticle) -> (article: SearchDocument, notes: [SearchDocument]) {
        let article = analysed.article
        var fields: [(String, Int)] = [(article.title, Weight.title), (analysed.summary, Weight.summary), (analysed.text, Weight.body)]
        fields += article.tags.map { ($0, Weight.tag) }
        if let author = article.author { fields.append((author, Weight.body)) }
        if let source = article.source { fields.append((source, Weight.body)) }
        let document = SearchDocument(
            kind: .article, title: article.title, url: Route.article(article.slug).url, date: article.date.display,
            isoDate: article.date.isoDate, label: "Article", context: article.source, summary: analysed.summary,
            text: analysed.text, fields: fields)
        let notes = analysed.notes.map { note in
            let annotation = note.annotation
            let body = HTMLText.plain(note.body.htmlWithoutNodes)
            var fields: [(String, Int)] = [(note.passage, Weight.passage), (annotation.kind.label, Weight.label), (body, Weight.body)]
            if let author = annotation.author { fields.append((author, Weight.body)) }
            let date = annotation.date ?? analysed.article.date
            return SearchDocument(
                kind: .note, title: "“\(note.passage)”", url: Route.article(analysed.article.slug).url + "#note-\(annotation.id)",
                date: date.display, isoDate: date.isoDate, label: annotation.kind.label,
                context: "Note on “\(analysed.article.title)”", summary: "", text: body, fields: fields)
        }
        return (document, notes)
    }

    static func entityDocuments(_ site: AnalysedSite) -> [SearchDocument] {
        site.registry.entities.identified.map { id, entity in
            let description = HTMLText.plain(site.index.entities[id].description.htmlWithoutNodes)
            var fields: [(String, Int)] = [(entity.name, Weight.name)]
            fields += entity.aliases.map { ($0.text, Weight.alias) }
            if let summary = entity.summary { fields.append((summary, Weight.summary)) }
            fields.append((description, Weight.body))
            let aliases = entity.aliases.map(\.text)
            return SearchDocument(
                kind: .entity, title: entity.name, url: Route.entity(entity.slug).url, date: nil, isoDate: nil,
                label: entity.kind.label, context: aliases.isEmpty ? nil : "Also: " + aliases.joined(separator: ", "),
                summary: entity.summary ?? "", text: description, fields: fields)
        }
    }
}

/// Plain text from HTML that Gloss rendered: tags dropped (block ends become line breaks),
/// character references decoded.
enum HTMLText {
    static let blockEnds: Set<String> = ["p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "div", "br", "ul", "ol", "aside"]

    static func plain(_ html: String) -> String {
        var out = ""
        var scalars = html.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                guard let close = scalars.firstIndex(of: ">") else { break }
                let tag = scalars[scalars.index(after: scalars.startIndex)..<close]
                let name = String(String.UnicodeScalarView(tag.drop(while: { $0 == "/" }).prefix(while: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))).lowercased()
                if blockEnds.contains(name), !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
                scalars = scalars[scalars.index(after: close)...]
            } else if scalar == "&", let semicolon = scalars.prefix(12).firstIndex(of: ";") {
                let entity = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<semicolon]))
                if let decoded = decode(entity) {
                    out.unicodeScalars.append(decoded)
                    scalars = scalars[scalars.index(after: semicolon)...]
                } else {
                    out += "&"
                    scalars = scalars.dropFirst()
                }
            } else {
                out.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return out.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    static func decode(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") { return UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if entity.hasPrefix("#") { return UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }
}
