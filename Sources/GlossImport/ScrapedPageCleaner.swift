/// One line of input: plain text (escaped for Markdown on output) or a Markdown block already
/// converted from HTML, with its line number in the input file for the report.
struct SourceLine: Sendable {
    var plain: String
    var markdown: String?
    var line: Int
    /// A story image: kept where it is, never judged by the text rules.
    var isImage = false
    var picture: SavedPageFiles.Picture?

    init(plain: String, markdown: String? = nil, line: Int) {
        self.plain = plain
        self.markdown = markdown
        self.line = line
    }

    init(_ block: MarkdownBlock, line: Int) {
        self.init(plain: block.plain, markdown: block.markdown, line: line)
        isImage = block.isImage
        picture = block.picture
    }
}

/// A line the cleaner took out of the body, and what became of it; the report lists them all.
public struct DroppedLine: Sendable, Hashable {
    public var line: Int
    public var rule: String
    /// "dropped", "used as date", "kept under related", …
    public var outcome: String
    public var text: String
}

struct Paragraph: Sendable {
    var plain: String
    var markdown: String
    var line: Int
    /// A picture saved with the page that this (image) paragraph shows.
    var picture: SavedPageFiles.Picture?
}

struct Dateline: Sendable {
    var iso: String
    var line: Int
    var text: String
}

/// What is left of a page once boilerplate is removed, plus the facts found on the way.
struct CleanedPage: Sendable {
    var paragraphs: [Paragraph] = []
    var title: String?
    var author: String?
    var summary: String?
    var tags: [String] = []
    var related: [String] = []
    var dateline: Dateline?
    var dropped: [DroppedLine] = []
}

/// Turns a scraped page into article paragraphs using `BoilerplateRules`: head rules from the
/// top down to the first paragraph of prose, tail rules from the bottom up to the last one, the
/// anywhere-rules everywhere. Lines are never edited, only kept, joined or dropped.
struct ScrapedPageCleaner: Sendable {
    /// The title the input already gives (feed, batch, --title): a copy at the top is dropped.
    var knownTitle: String?
    var knownAuthor: String?
    /// Blocks converted from HTML: bylines there have elements of their own, so no name is cut out of a paragraph.
    var fromHTML = false

    func clean(_ lines: [SourceLine]) -> CleanedPage {
        let shapes = lines.map { LineShape($0.plain) }
        var page = CleanedPage()
        var dropped = [Bool](repeating: false, count: lines.count)
        var drops: [(index: Int, line: DroppedLine)] = []  // by input position: feed entries share one line number
        func apply(_ rule: BoilerplateRule, _ index: Int, outcome fixed: String? = nil) {
            dropped[index] = true
            let outcome = fixed ?? outcome(rule, shapes[index], at: lines[index].line, &page)
            drops.append((index, DroppedLine(line: lines[index].line, rule: rule.name, outcome: outcome, text: lines[index].plain)))
        }

        let continues = continuationFlags(lines, shapes)
        var head = 0
        var titleSeen = false
        while head < lines.count {
            if shapes[head].isBlank { head += 1; continue }
            let candidates = BoilerplateRules.matches(shapes[head], in: isStructured(lines[head]) ? .anywhere : .head)
            if let titleRule = candidates.first(where: { $0.action == .title }), let knownTitle, !titleSeen, sameText(knownTitle, shapes[head].text) {
                apply(titleRule, head, outcome: "dropped (repeats the title)")
                titleSeen = true
                head += 1
                continue
            }
            // A title only first (and only when the input has none); a bare name only under a title.
            guard let rule = candidates.first(where: { rule in
                // On HTML the structure judged the lines, but a label that is one link to a section
                // above the story (CBC's "[World](…/news/world)") is still navigation.
                if fromHTML, BoilerplateRules.shapeRules.contains(rule.name), !(rule.name == "section-label" && isLoneLink(lines[head])) { return false }
                switch rule.action {
                case .title: return knownTitle == nil && page.title == nil
                case .author where rule.name == "author-line": return titleSeen && knownAuthor == nil && page.author == nil
                default: return true
                }
            }) else { break }
            // A line that runs on into the next one is the start of a paragraph, not a title or label.
            if rule.region == .head && continues[head] { break }
            apply(rule, head)
            if rule.action == .title { titleSeen = true }
            head += 1
        }
        var tail = lines.count - 1
        while tail >= head {
            if shapes[tail].isBlank { tail -= 1; continue }
            guard let rule = BoilerplateRules.firstMatch(shapes[tail], in: isStructured(lines[tail]) ? .anywhere : .tail, byShape: !fromHTML) else { break }
            // The end of a paragraph that began on the line above is not a headline.
            if rule.name == "related-headline", tail > 0, continues[tail - 1] { break }
            apply(rule, tail)
            tail -= 1
        }
        if head <= tail {
            for index in head...tail where !shapes[index].isBlank {
                if let rule = BoilerplateRules.firstMatch(shapes[index], in: .anywhere) { apply(rule, index) }
            }
        }
        page.dropped = drops.sorted { $0.index < $1.index }.map(\.line)
        page.related = page.dropped.filter { $0.outcome == "kept under related" }.compactMap { BoilerplateRules.relatedItem($0.text) }
        page.paragraphs = paragraphs(lines, shapes, dropped)
        if !fromHTML { splitFusedByline(&page) }
        return page
    }

    private func outcome(_ rule: BoilerplateRule, _ line: LineShape, at lineNumber: Int, _ page: inout CleanedPage) -> String {
        switch rule.action {
        case .drop:
            return "dropped"
        case .related:
            return BoilerplateRules.relatedItem(line.text) == nil ? "dropped" : "kept under related"
        case .author:
            guard knownAuthor == nil, page.author == nil,
                  let author = BoilerplateRules.bylineAuthor(line) ?? BoilerplateRules.authorLine(line) else { return "dropped" }
            page.author = author
            return "used as author"
        case .dateline:
            guard page.dateline == nil, let iso = DateParser.dateInText(line.text) else { return "dropped" }
            page.dateline = Dateline(iso: iso, line: lineNumber, text: line.text)
            return "used as date"
        case .tags:
            let items = BoilerplateRules.tagItems(line) ?? []
            page.tags.insert(contentsOf: items, at: 0)
            return "used as tags"
        case .title:
            page.title = line.text
            return "used as title"
        }
    }

    /// Groups kept lines into paragraphs. Blank lines and dropped lines end a paragraph; a plain
    /// line joins the one before when that one stops mid-sentence and it goes on in lowercase,
    /// or when the whole group is hard-wrapped text.
    private func paragraphs(_ lines: [SourceLine], _ shapes: [LineShape], _ dropped: [Bool]) -> [Paragraph] {
        var result: [Paragraph] = []
        var group: [Int] = []
        func flush() {
            defer { group = [] }
            guard !group.isEmpty else { return }
            let wrapped = isHardWrapped(group.map { shapes[$0] })
            var current: (plain: String, line: Int)?
            for index in group {
                if let markdown = lines[index].markdown {
                    if let open = current { result.append(Paragraph(plain: open.plain, markdown: MarkdownEscaper.paragraph(open.plain), line: open.line)) }
                    current = nil
                    result.append(Paragraph(plain: lines[index].plain, markdown: markdown, line: lines[index].line))
                    continue
                }
                let text = shapes[index].text
                if let open = current, wrapped || (!open.plain.endsSentence && !text.startsUppercase && text.first?.isLetter == true) {
                    current = (open.plain + " " + text, open.line)
                } else {
                    if let open = current { result.append(Paragraph(plain: open.plain, markdown: MarkdownEscaper.paragraph(open.plain), line: open.line)) }
                    current = (text, lines[index].line)
                }
            }
            if let open = current { result.append(Paragraph(plain: open.plain, markdown: MarkdownEscaper.paragraph(open.plain), line: open.line)) }
        }
        for index in lines.indices {
            if lines[index].isImage, let markdown = lines[index].markdown {
                flush()
                result.append(Paragraph(plain: "", markdown: markdown, line: lines[index].line, picture: lines[index].picture))
            } else if shapes[index].isBlank || dropped[index] {
                flush()
            } else {
                group.append(index)
            }
        }
        flush()
        return result
    }

    /// For each line: does the paragraph go on in the next line (a lowercase continuation, or
    /// hard-wrapped text)?
    private func continuationFlags(_ lines: [SourceLine], _ shapes: [LineShape]) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        var start = 0
        while start < lines.count {
            guard !shapes[start].isBlank else { start += 1; continue }
            var end = start
            while end + 1 < lines.count, !shapes[end + 1].isBlank { end += 1 }
            let wrapped = isHardWrapped(Array(shapes[start...end]))
            for index in start..<end where lines[index].markdown == nil && lines[index + 1].markdown == nil {
                let next = shapes[index + 1].text
                flags[index] = wrapped || (!shapes[index].endsSentence && !next.startsUppercase && next.first?.isLetter == true)
            }
            start = end + 1
        }
        return flags
    }

    /// Three or more lines, nearly all 50–100 characters long, most not ending a sentence, and
    /// many going on in lowercase: text wrapped at a fixed width, whose lines are not paragraphs
    /// (a list of headlines has the width but starts every line with a capital).
    private func isHardWrapped(_ group: [LineShape]) -> Bool {
        guard group.count >= 3 else { return false }
        let body = group.dropLast()
        let wrappedWidth = body.filter { (50...100).contains($0.text.count) }.count
        let open = body.filter { !$0.endsSentence }.count
        let lowercaseStarts = group.dropFirst().filter { !$0.text.startsUppercase }.count
        return wrappedWidth * 4 >= body.count * 3 && open * 2 >= body.count && lowercaseStarts * 3 >= body.count
    }

    /// "Kristian Rouz — Japanese Prime Minister…" in one of the first two paragraphs: the name
    /// becomes the author, and the paragraphs before it are a standfirst (the summary). A bare
    /// author line under a standfirst ("Justin McCurry in Tokyo") is taken too.
    private func splitFusedByline(_ page: inout CleanedPage) {
        guard knownAuthor == nil, page.author == nil else { return }
        if page.paragraphs.count > 2 {
            let paragraph = page.paragraphs[1]
            let standfirst = !page.paragraphs[0].plain.endsSentence || paragraph.plain.contains(" in ")
            if standfirst, paragraph.markdown == MarkdownEscaper.paragraph(paragraph.plain),
               let author = BoilerplateRules.authorLine(LineShape(paragraph.plain)) {
                page.author = author
                page.paragraphs.remove(at: 1)
                if !page.paragraphs[0].plain.endsSentence { page.summary = page.paragraphs[0].plain }
                page.dropped.append(DroppedLine(line: paragraph.line, rule: "author-line", outcome: "used as author", text: paragraph.plain))
                page.dropped.sort { $0.line < $1.line }
                return
            }
        }
        for index in page.paragraphs.indices.prefix(2) {
            let paragraph = page.paragraphs[index]
            guard paragraph.markdown == MarkdownEscaper.paragraph(paragraph.plain),
                  let (author, rest) = BoilerplateRules.fusedByline(paragraph.plain) else { continue }
            page.author = author
            page.paragraphs[index] = Paragraph(plain: rest, markdown: MarkdownEscaper.paragraph(rest), line: paragraph.line)
            page.dropped.append(DroppedLine(line: paragraph.line, rule: BoilerplateRules.fusedBylineRule, outcome: "used as author", text: author))
            page.dropped.sort { $0.line < $1.line }
            if index > 0 { page.summary = page.paragraphs[0].plain }
            return
        }
    }

    /// A line that is one link and nothing else: `[World](https://…)`.
    private func isLoneLink(_ line: SourceLine) -> Bool {
        guard let markdown = line.markdown, markdown.hasPrefix("["), markdown.hasSuffix(")") else { return false }
        let bytes = Array(markdown.utf8)
        return bytes.indices.dropLast().filter { bytes[$0] == UInt8(ascii: "]") && bytes[$0 + 1] == UInt8(ascii: "(") }.count == 1
    }

    /// A list or block quote converted from HTML is content by construction: label and headline
    /// rules, which judge a line by its shape, do not apply to it.
    private func isStructured(_ line: SourceLine) -> Bool {
        guard let markdown = line.markdown, let first = markdown.first else { return false }
        return markdown.hasPrefix("- ") || markdown.hasPrefix("> ") || (first.isNumber && markdown.contains(". "))
    }

    private func sameText(_ a: String, _ b: String) -> Bool {
        LineShape.tokenize(a) == LineShape.tokenize(b)
    }
}
