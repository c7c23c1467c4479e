/// Inline Markdown and the text a reader sees, built side by side so rules can test the text
/// while the article keeps the markup. `\n` marks a `<br>`.
struct InlineText: Sendable {
    var markdown: String
    var plain: String

    /// `*text*` / `**text**`, with surrounding spaces kept outside the markers (CommonMark will
    /// not open emphasis before a space).
    func wrapped(in marker: String) -> InlineText {
        let core = markdown.trimmingSpaces()
        guard !core.isEmpty else { return self }
        let leading = markdown.hasPrefix(" ") ? " " : "", trailing = markdown.hasSuffix(" ") ? " " : ""
        return InlineText(markdown: leading + marker + core + marker + trailing, plain: plain)
    }
}

/// Collects the inline content of a block until a block element interrupts it. One `<br>` is a
/// hard line break; two in a row separate paragraphs, as sites built from `<br><br>` intend.
struct InlineBuffer {
    private var markdown = ""
    private var plain = ""

    mutating func append(_ text: InlineText) {
        markdown += text.markdown
        plain += text.plain
    }

    mutating func lineBreak() {
        markdown += "\n"
        plain += "\n"
    }

    /// The paragraphs collected so far (each starting on `line` of the page), and a fresh buffer.
    mutating func flush(line: Int = 0) -> [MarkdownBlock] {
        defer { markdown = ""; plain = "" }
        let markdownLines = Self.lines(markdown), plainLines = Self.lines(plain)
        guard markdownLines.count == plainLines.count else {
            let text = TextNormaliser.normalise(plainLines.joined(separator: " "))
            return text.isEmpty ? [] : [MarkdownBlock(markdown: MarkdownEscaper.paragraph(text), plain: text, line: line)]
        }
        var blocks: [MarkdownBlock] = []
        var group: [(String, String)] = []
        func close() {
            defer { group = [] }
            guard !group.isEmpty else { return }
            blocks.append(MarkdownBlock(markdown: group.map { MarkdownEscaper.lineStart($0.0) }.joined(separator: "\\\n"),
                                        plain: group.map(\.1).joined(separator: " "), line: line))
        }
        for (markdownLine, plainLine) in zip(markdownLines, plainLines) {
            if plainLine.isEmpty && markdownLine.isEmpty { close() } else if !markdownLine.isEmpty { group.append((markdownLine, plainLine)) }
        }
        close()
        return blocks
    }

    /// The text cut at each `\n`, lines normalised. `\r\n` is one Character, never cut; a text
    /// without a CR is cut on its bytes, which gives the same lines sooner.
    private static func lines(_ text: String) -> [String] {
        guard !text.utf8.contains(0x0D) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { TextNormaliser.normalise(String($0)) }
        }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { TextNormaliser.normalise(Substring($0)) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
