import GlossAnalysis
import GlossContent

/// One thing search can find: an article, an entity or a note, with the text of each field and
/// how much a word found there counts. A value, stored in one box: a preview rebuild hands
/// 60,000 of them from build to build, and copying one is then one reference, not a dozen
/// strings scattered over memory; an unchanged document compares equal by that reference.
@dynamicMemberLookup
package struct SearchDocument: Sendable, Equatable {
    package enum Kind: String, Sendable { case article, entity, note }

    package struct Fields: Equatable {
        package var kind: Kind
        package var title: String
        /// Relative to the site root (`articles/x/`, `entities/x/`, `articles/x/#note-id`).
        package var url: String
        package var date: String?
        package var isoDate: String?
        /// What a result shows as its kind: "Article", "Person", "Agreement", "Context"…
        package var label: String
        /// A line under the title: the article a note is on, an entity's other names.
        package var context: String?
        package var summary: String
        /// The text snippets are cut from.
        package var text: String
        /// Text searched, with the weight of each word found in it.
        package var fields: [(text: String, weight: Int)]

        package static func == (a: Fields, b: Fields) -> Bool {
            a.kind == b.kind && a.title == b.title && a.url == b.url && a.date == b.date && a.isoDate == b.isoDate
                && a.label == b.label && a.context == b.context && a.summary == b.summary && a.text == b.text
                && a.fields.elementsEqual(b.fields) { $0.text == $1.text && $0.weight == $1.weight }
        }
    }

    /// Changed only through `subscript(dynamicMember:)`, which copies a shared box first.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    package subscript<T>(dynamicMember path: WritableKeyPath<Fields, T>) -> T {
        get { box.fields[keyPath: path] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: path] = newValue
        }
    }

    /// Read directly, not through a key path: the preview compares 60,000 of them per rebuild.
    var url: String { box.fields.url }

    package static func == (a: SearchDocument, b: SearchDocument) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    package init(kind: Kind, title: String, url: String, date: String?, isoDate: String?, label: String,
                 context: String?, summary: String, text: String, fields: [(text: String, weight: Int)]) {
        box = Box(Fields(kind: kind, title: title, url: url, date: date, isoDate: isoDate, label: label, context: context,
                         summary: summary, text: text, fields: fields))
    }

    /// Field weights: a word in a title or a name outranks one in passing.
    package enum Weight {
        package static let title = 8, name = 8, alias = 6, tag = 3, passage = 3, summary = 2, label = 2, body = 1
    }

    /// Word → weight (the sum over fields of occurrences × field weight), capped by the coder.
    func weightedTokens() -> [(String, Int)] {
        var weights: [String: Int] = [:]
        for field in box.fields.fields {
            SearchTokenizer.forEachToken(in: field.text) { weights[$0, default: 0] += field.weight }
        }
        return weights.map { ($0.key, Swift.min($0.value, PostingsCoder.maxWeight)) }
    }

    /// What a result needs to be shown, as JSON: one element of a shard.
    func record(maxText: Int) -> [UInt8] {
        let document = box.fields
        let text = Self.truncated(document.text, to: maxText)
        var object = SearchJSON.Object()
        object.add("c", document.context)
        object.add("d", document.date)
        object.add("i", document.isoDate)
        object.add("k", document.kind.rawValue)
        object.add("l", document.label)
        // A summary that the text starts with (an article's first paragraph) is not repeated.
        object.add("s", text.hasPrefix(document.summary) ? nil : document.summary)
        object.add("t", document.title)
        object.add("u", document.url)
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
            RevisionMemo.value(in: cache?.documents, analysed) { articleDocuments(analysed) }
        }
        cache?.documents.keep(site.articles)
        return perArticle.map(\.article) + entityDocuments(site, cache: cache) + perArticle.flatMap(\.notes)
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

    /// - Parameter cache: an entity whose file and description are as last time keeps its document.
    static func entityDocuments(_ site: AnalysedSite, cache: SearchIndexCache? = nil) -> [SearchDocument] {
        let documents = site.registry.entities.identified.map { id, entity in
            let description = site.index.entities[id].description
            let make = { entityDocument(entity, description: description) }
            return cache?.entityDocument(entity, description: description.html, make: make) ?? make()
        }
        cache?.keepEntityDocuments(site.registry.entities.map(\.slug))
        return documents
    }

    static func entityDocument(_ entity: Entity, description body: AnalysedBody) -> SearchDocument {
        let description = HTMLText.plain(body.htmlWithoutNodes)
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
