/// One article as an input gives it, before cleaning: a raw page, a feed entry or a batch row.
struct ImportRecord: Sendable {
    /// Plain text, an HTML snippet (a feed entry's or batch row's content), or a whole saved page (`page` holds its bytes).
    enum Format: Sendable { case plainText, html, htmlPage }

    /// The input file, as named on the command line.
    var input: String
    /// Line where the record starts in the input.
    var line: Int
    var title: String?
    var text: String
    var format: Format
    /// A saved page's bytes (or the file to read them from, so a batch of thousands of pages is not
    /// all held in memory): read, decoded and parsed when the article is built, in parallel.
    var page: [UInt8]?
    var pageFile: String?
    var summary: String?
    var date: String?
    var url: String?
    var source: String?
    /// Used when neither the record nor --source names a source (a feed's own title).
    var fallbackSource: String?
    var author: String?
    var tags: [String] = []
    /// Line of the text's first line, and whether the text's own line breaks are lines of the
    /// input (true for raw pages and CSV; false for JSON, where they are escaped).
    var textLine: Int
    var textLinesAreInputLines = true
    /// True for a single page given on the command line, where --title applies.
    var isSinglePage = false

    init(input: String, line: Int, title: String? = nil, text: String, format: Format, textLine: Int? = nil) {
        self.input = input
        self.line = line
        self.title = title
        self.text = text
        self.format = format
        self.textLine = textLine ?? line
    }
}

extension ImportRecord {
    /// Fields a saved page states about itself, where the input has not already given them.
    mutating func adopt(_ metadata: PageMetadata) {
        if title == nil { title = metadata.title }
        if date == nil { date = metadata.date }
        if author == nil, !metadata.authors.isEmpty { author = metadata.authors.joined(separator: ", ") }
        if url == nil { url = metadata.url }
        if fallbackSource == nil { fallbackSource = metadata.siteName }
        if summary == nil { summary = metadata.summary }
        if tags.isEmpty { tags = metadata.tags }
    }
}

/// A record that could not be read, or an input that failed as a whole.
struct ReadProblem: Error, Sendable {
    var line: Int
    var message: String
    /// False when the whole input failed and nothing of it could be counted.
    var isRecord = true
}

/// Splits "a; b; c" or "a, b, c" into tags, with the Chinese and Japanese commas ("香港，特首、山顶")
/// as commas; a Chinese or Japanese list with no separator but spaces is split at those
/// ("宇航员 太空 国际空间站"), since neither language puts spaces inside a word.
func splitTags(_ text: String) -> [String] {
    let separators: Set<Character> = text.contains(";") ? [";"] : [",", "\u{FF0C}", "\u{3001}"]
    var parts = text.split(whereSeparator: separators.contains)
    if parts.count == 1, text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value) }) {
        parts = text.split(separator: " ")
    }
    return parts.map { TextNormaliser.normalise(String($0)) }.filter { !$0.isEmpty }
}
