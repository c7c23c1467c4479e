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
        let markdownLines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { TextNormaliser.normalise(String($0)) }
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false).map { TextNormaliser.normalise(String($0)) }
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
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
