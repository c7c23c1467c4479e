import Foundation
import GlossContent

/// An article ready to be written: front-matter fields, Markdown body, and everything the report
/// must say about how it was made.
struct PreparedArticle: Sendable {
    var input: String
    var line: Int
    var title: String
    var date: String
    var draft = false
    var source: String?
    var url: String?
    var author: String?
    var tags: [String]
    var summary: String?
    var related: [String]
    var body: String
    /// The body as a reader sees it, for entity matching.
    var plainText: String
    var dropped: [DroppedLine]
    var warnings: [ReadProblem] = []
    var entities = EntityFindings()
    /// Pictures saved with the page, copied into the article's folder (then `<slug>/index.md`).
    var pictures: [SavedPageFiles.Picture] = []
}

/// Turns one record into an article: cleans the text, then settles each field from the most
/// trustworthy place that has it (command line, then the input's own fields, then the page).
enum ArticleBuilder {
    struct Context: Sendable {
        var title: String?
        var date: String?
        var source: String?
        var today: String
    }

    static func build(_ record: ImportRecord, _ context: Context) -> Result<PreparedArticle, ReadProblem> {
        var record = record
        var pageDrops: [DroppedLine] = []
        var warnings: [ReadProblem] = []
        let lines: [SourceLine]
        var bylineDate: Dateline?
        switch record.format {
        case .plainText:
            lines = TextNormaliser.lines(record.text).enumerated().map { offset, text in
                SourceLine(plain: text, line: record.textLinesAreInputLines ? record.textLine + offset : record.line)
            }
        case .html:
            let converter = HTMLToMarkdown(baseURL: record.url.flatMap { URL(string: $0) })
            lines = converter.blocks(record.text).map { SourceLine($0, line: record.line) }
        case .htmlPage:
            guard let bytes = record.page ?? record.pageFile.flatMap({ FileManager.default.contents(atPath: $0) }).map({ [UInt8]($0) }) else {
                return .failure(ReadProblem(line: record.line, message: "cannot read the file any more (was it moved or deleted during the import?)"))
            }
            let page = HTMLPageReader.read(bytes, savedFiles: record.pageFile.map(SavedPageFiles.init(pageFile:)))
            record.adopt(page.metadata)
            lines = page.blocks.map { SourceLine($0, line: max($0.line, 1)) }
            pageDrops = page.dropped
            warnings += page.warnings
            bylineDate = page.bylineDate
        }
        let titleOverride = record.isSinglePage ? context.title : nil
        let page = ScrapedPageCleaner(knownTitle: titleOverride ?? record.title, knownAuthor: record.author, fromHTML: record.format != .plainText).clean(lines)
        guard page.paragraphs.contains(where: { !$0.plain.isEmpty }) else {
            // Say where the story was looked for and what left it out, so the page can be judged by eye.
            let dropped = pageDrops.filter { $0.rule != "outside-story" } + page.dropped
            var parts: [String] = []
            if !dropped.isEmpty {
                parts.append("all \(dropped.count) blocks matched boilerplate rules: \(Set(dropped.map(\.rule)).sorted().joined(separator: ", "))")
            }
            if let story = pageDrops.first(where: { $0.rule == "outside-story" }) { parts.append(story.text) }
            let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
            return .failure(ReadProblem(line: record.line, message: "no article text\(detail)"))
        }
        let bodyText = page.paragraphs.map(\.plain).filter { !$0.isEmpty }.joined(separator: "\n")

        var title = titleOverride ?? record.title ?? page.title
        if title == nil {
            title = openingWords(page.paragraphs.first { !$0.plain.isEmpty }?.plain ?? "")
            warnings.append(ReadProblem(line: record.line, message: "no title found; used the opening words \"\(title!)\" (pass --title)"))
        }

        var date: String?
        var draft = false
        if let override = context.date {
            date = override
        } else if let given = record.date {
            date = DateParser.iso(from: given)
            if date == nil { warnings.append(ReadProblem(line: record.line, message: "cannot read the date \"\(given)\"")) }
        }
        var dateFromPage = false
        if date == nil, let dateline = page.dateline ?? bylineDate {
            date = dateline.iso
            dateFromPage = true
            if let parsed = ContentDate(dateline.iso) {
                let reasons = DateConsistencyCheck.reasons(text: bodyText, date: parsed)
                if !reasons.isEmpty {
                    warnings.append(ReadProblem(line: dateline.line, message:
                        "the date \(parsed.display) comes from a page clock (\"\(dateline.text)\") and may not be the publication date: \(reasons.joined(separator: "; ")); pass --date to set it"))
                }
            }
        }
        if date == nil {
            date = context.today
            draft = true
            warnings.append(ReadProblem(line: record.line, message: "no date found; wrote today's date (\(context.today)) and `draft: true`: set the date, then remove `draft`"))
        }

        var dropped = (pageDrops + page.dropped).sorted { $0.line < $1.line }
        if !dateFromPage {
            for index in dropped.indices where dropped[index].outcome == "used as date" { dropped[index].outcome = "dropped (the date comes from elsewhere)" }
        }
        var tags: [String] = []
        for tag in record.tags + page.tags where !tags.contains(tag) {
            if Slug.make(from: tag).isEmpty {
                warnings.append(ReadProblem(line: record.line, message: "tag \"\(tag)\" has no letters or digits; left out"))
            } else {
                tags.append(tag)
            }
        }
        let finalTitle = TextNormaliser.singleLine(title ?? "")
        var pictures: [SavedPageFiles.Picture] = []
        for picture in page.paragraphs.compactMap(\.picture) where !pictures.contains(picture) { pictures.append(picture) }
        return .success(PreparedArticle(
            input: record.input, line: record.line, title: finalTitle.isEmpty ? "Untitled" : finalTitle, date: date!, draft: draft,
            source: (record.source ?? context.source ?? record.fallbackSource).map(TextNormaliser.singleLine), url: record.url,
            author: (record.author ?? page.author).map(TextNormaliser.singleLine),
            tags: tags, summary: (record.summary ?? page.summary).map(TextNormaliser.singleLine), related: page.related,
            body: page.paragraphs.map(\.markdown).joined(separator: "\n\n"), plainText: bodyText, dropped: dropped, warnings: warnings, pictures: pictures))
    }

    /// The first sentence, cut to twelve words: a placeholder title the editor will replace.
    static func openingWords(_ paragraph: String) -> String {
        var sentence = Substring(paragraph)
        for end in [". ", "? ", "! "] {
            if let range = sentence.range(of: end) { sentence = sentence[..<range.lowerBound] }
        }
        let words = sentence.split(separator: " ")
        var text = words.prefix(12).joined(separator: " ")
        if words.count > 12 { text += "\u{2026}" } else { text = text.trimmingTrailingPunctuation() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
