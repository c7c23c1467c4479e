import Foundation
import GlossContent
import GlossHTML
import GlossMarkdown
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One feed entry before cleaning: fields as the feed gives them, content as HTML.
struct FeedEntry: Sendable {
    var title = ""
    var titleIsHTML = false
    var link: String?
    var date: String?
    var author: String?
    var content: String?
    var summary: String?
    var categories: [String] = []
    var line = 1
}

/// The entries of a feed, the feed's title (the default source), and where parsing stopped
/// when the XML is broken: entries completed before the error are still good.
struct FeedContents: Sendable {
    var title: String?
    var entries: [FeedEntry]
    var error: (line: Int, column: Int, message: String)?
}

/// Reads RSS 2.0 (also RSS 1.0/RDF) and Atom with Foundation's streaming XMLParser: one entry
/// per `<item>` or `<entry>`; Atom XHTML content is reassembled as HTML.
final class FeedReader: NSObject, XMLParserDelegate {
    private var contents = FeedContents(title: nil, entries: [])
    private var entry: FeedEntry?
    private var path: [String] = []
    private var text = ""
    private var xhtmlDepth = 0
    private var contentType = ""
    private var sawFeedRoot = false
    private var firstError: (line: Int, column: Int, error: Error)?
    private weak var parser: XMLParser?

    static func read(_ data: Data) -> FeedContents {
        let input: Data
        switch XMLParserInput.prepare(data, decode: { bytes, label in
            HTMLEncoding.encoding(forLabel: label).map { HTMLEncoding.decode(bytes, as: $0) }
        }) {
        case .success(let prepared): input = prepared
        case .failure(let refusal): return FeedContents(title: nil, entries: [], error: (1, 1, "the feed \(refusal.message)"))
        }
        let reader = FeedReader()
        let parser = XMLParser(data: input)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        let ok = parser.parse()
        if let first = reader.firstError {
            reader.contents.error = (max(first.line, 1), max(first.column, 1), "broken XML: \(describe(first.error))")
        } else if !ok {
            reader.contents.error = (max(parser.lineNumber, 1), max(parser.columnNumber, 1), "broken XML: \(describe(parser.parserError))")
        } else if !reader.sawFeedRoot {
            reader.contents.error = (1, 1, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)")
        }
        return reader.contents
    }

    /// Stops at the first error: libxml2 may recover and go on, but entries after an error are not trustworthy.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard firstError == nil else { return }
        firstError = (parser.lineNumber, parser.columnNumber, parseError)
        entry = nil
        parser.abortParsing()
    }

    static func describe(_ error: Error?) -> String {
        guard let error = error as NSError? else { return "the parser stopped" }
        let code = XMLParser.ErrorCode(rawValue: error.code)
        switch code {
        case .prematureDocumentEndError?: return "the document ends before its elements are closed"
        case .tagNameMismatchError?: return "an end tag does not match its start tag"
        case .notWellBalancedError?: return "elements are not properly nested"
        case .emptyDocumentError?: return "the document is empty"
        case .entityRefLoopError?, .entityBoundaryError?: return "entity definitions are not allowed"
        case .undeclaredEntityError?, .entityRefAtEOFError?, .entityReferenceWithoutNameError?, .entityReferenceMissingSemiError?:
            return "an undefined or malformed entity (an `&` that should be `&amp;`?)"
        case .ltRequiredError?, .gtRequiredError?, .ltSlashRequiredError?, .attributeNotStartedError?, .attributeNotFinishedError?:
            return "a malformed tag"
        default: return "XML error \(error.code)"
        }
    }

    private func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard firstError == nil else { return }
        let name = local(elementName)
        if path.isEmpty { sawFeedRoot = ["rss", "feed", "rdf"].contains(name.lowercased()) || elementName == "rdf:RDF" }
        if xhtmlDepth > 0 {
            xhtmlDepth += 1
            let attributeText = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value.htmlEscaped)\"" }.joined()
            text += "<\(name)\(attributeText)>"
            return
        }
        path.append(elementName)
        if name == "item" || name == "entry" {
            entry = FeedEntry(line: parser.lineNumber)
        } else if entry != nil, name == "link", let href = attributes["href"] {
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate" || entry?.link == nil { entry?.link = href }
        } else if entry != nil, name == "category", let term = attributes["term"] ?? attributes["label"] {
            entry?.categories.append(term)
        }
        contentType = attributes["type"] ?? ""
        if entry != nil, contentType == "xhtml", name == "content" || name == "summary" { xhtmlDepth = 1 }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += xhtmlDepth > 0 ? string.htmlEscaped : string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard firstError == nil else { return }
        let name = local(elementName)
        if xhtmlDepth > 1 {
            xhtmlDepth -= 1
            text += "</\(name)>"
            return
        }
        xhtmlDepth = 0
        defer { if !path.isEmpty { path.removeLast() } }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ""
        guard var current = entry else {
            if name == "title", path.count <= 3, contents.title == nil, !value.isEmpty { contents.title = value }
            return
        }
        let parent = path.count >= 2 ? local(path[path.count - 2]) : ""
        let direct = parent == "item" || parent == "entry"
        switch (elementName, name) {
        case (_, "item"), (_, "entry"):
            contents.entries.append(current)
            entry = nil
            return
        case (_, "name") where parent == "author":
            if !value.isEmpty { current.author = value }
        case _ where !direct:
            break
        case (_, "title"):
            current.title = value
            current.titleIsHTML = contentType == "html" || contentType == "xhtml"
        case ("content:encoded", _), (_, "content"):
            if !value.isEmpty { current.content = value }
        case (_, "description"), (_, "summary"):
            if !value.isEmpty { current.summary = value }
        case (_, "link"):
            if !value.isEmpty, current.link == nil { current.link = value }
        case (_, "guid"):
            if current.link == nil, value.hasPrefix("http") { current.link = value }
        case (_, "pubDate"), (_, "published"), (_, "issued"):
            current.date = value
        case (_, "date"), (_, "updated"), (_, "modified"):
            if current.date == nil { current.date = value }
        case (_, "creator"), (_, "author"):
            if !value.isEmpty, current.author == nil { current.author = Self.authorName(value) }
        case (_, "category"), (_, "subject"):
            if !value.isEmpty { current.categories.append(value) }
        default:
            break
        }
        entry = current
    }

    /// RSS puts "jane@example.org (Jane Doe)" in `<author>`; keep the name.
    static func authorName(_ value: String) -> String {
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close, value.contains("@") {
            return String(value[value.index(after: open)..<close])
        }
        return value
    }

}
