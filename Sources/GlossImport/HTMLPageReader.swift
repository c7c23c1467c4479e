import Foundation
import GlossHTML

/// A saved web page, read the way a browser reads it (encoding, HTML5 parsing with gumbo), then
/// its metadata (`PageMetadata`) and its story (`ArticleExtractor`): everything else on the page
/// is left out, and the report says what and why.
enum HTMLPageReader {
    struct Page: Sendable {
        var metadata: PageMetadata
        var blocks: [MarkdownBlock]
        var dropped: [DroppedLine]
        var warnings: [ReadProblem]
        /// The date in the story's byline block (`Submitted on Mon, 2019-01-21 13:49`), or in a
        /// dateline between the headline and the story, for a page whose markup gives none; the
        /// builder checks it against the text like a page clock.
        var bylineDate: Dateline?
    }

    static func read(_ bytes: [UInt8], savedFiles: SavedPageFiles? = nil) -> Page {
        let document = HTMLDocument.parse(bytes: bytes)
        let facts = PageFacts(document)
        let metadata = PageMetadata(document, facts: facts)
        let baseURL = baseURL(document, metadata: metadata)
        let extraction = ArticleExtractor(facts: facts, metadata: metadata, baseURL: baseURL, savedFiles: savedFiles).extract()
        var dropped = extraction.dropped
        let firstLine = extraction.blocks.first?.line ?? 1
        dropped.insert(DroppedLine(line: firstLine, rule: "outside-story", outcome: "left out",
                                   text: "everything around the story, found as \(extraction.container)"), at: 0)
        var warnings = metadata.warnings.map { ReadProblem(line: 1, message: $0) }
        // A guessed encoding is worth a look; a declared one is not.
        if document.encoding.reason.contains("although") || (document.encoding.encoding != "utf-8" && document.encoding.reason.contains("no declaration")) {
            warnings.append(ReadProblem(line: 1, message: "read as \(document.encoding.encoding): \(document.encoding.reason)"))
        }
        dropped.sort { $0.line < $1.line }
        var bylineDate: Dateline?
        for index in dropped.indices where metadata.date == nil && bylineDate == nil && dropped[index].rule == "byline" {
            guard let iso = DateParser.dateInText(dropped[index].text) else { continue }
            bylineDate = Dateline(iso: iso, line: dropped[index].line, text: dropped[index].text)
            dropped[index].outcome = "used as date"
        }
        if metadata.date == nil, bylineDate == nil, let start = extraction.start {
            bylineDate = headlineDate(document, facts: facts, before: start)
        }
        return Page(metadata: metadata, blocks: extraction.blocks, dropped: dropped, warnings: warnings, bylineDate: bylineDate)
    }

    /// The date of a short byline, date or `<time>` element between the page's headline and the
    /// story's first element (`<h1>…</h1><span class="date">28.01.2022</span>`): where news pages
    /// date their story. Elements before the headline (a sidebar's dates) are not read.
    static func headlineDate(_ document: HTMLDocument, facts: PageFacts, before start: HTMLDocument.NodeID) -> Dateline? {
        guard let headline = document.elements("h1").first(where: { $0 < start && !facts.excluded[$0] }) else { return nil }
        for id in (headline + 1)..<start where document[id].kind == .element && !facts.excluded[id]
            && (facts.furniture[id] == "byline" || document.isElement(id, "time")) && (1...ContentRules.datelineMaxChars).contains(facts.chars[id]) {
            let text = facts.text(id)
            if let iso = DateParser.dateInText(text) { return Dateline(iso: iso, line: document[id].line, text: text) }
        }
        return nil
    }

    /// Links and images are made absolute against `<base href>`, else the page's own URL.
    static func baseURL(_ document: HTMLDocument, metadata: PageMetadata) -> URL? {
        let base = document.first("base").flatMap { document.attribute("href", of: $0) }
        if let base, let url = URL(string: base, relativeTo: metadata.url.flatMap { URL(string: $0) }), url.scheme?.hasPrefix("http") == true {
            return url.absoluteURL
        }
        return metadata.url.flatMap { URL(string: $0) }
    }
}
