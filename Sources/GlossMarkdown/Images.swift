import CCmark

/// An image as the Markdown wrote it (`![alt](url "title")`), with where it starts.
public struct MarkdownImage: Sendable, Hashable {
    public var url: String
    public var title: String
    /// The description as plain text: what `alt` says.
    public var alt: String
    /// 1-based, in the Markdown that was parsed.
    public var line: Int
    public var column: Int
    /// Which image of the document (in order), for `replaceImages`.
    public var number: Int
}

/// What `makeFigures` found around an image that stands alone on its line at the start of a
/// paragraph: whether lines follow it (a caption), and whether one starts with `Credit:`.
public struct FigureShape: Sendable, Hashable {
    /// The image's placeholder.
    public var image: Int
    public var hasCaption: Bool
    public var hasCredit: Bool
}

extension MarkdownDocument {
    /// Every image of the document, in reading order.
    public func images() -> [MarkdownImage] {
        imageNodes().enumerated().map { number, node in
            var alt: [UInt8] = []
            Self.walk(node) { child, event in
                guard event == CMARK_EVENT_ENTER else { return }
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(child) { alt += Array(String(cString: literal).utf8) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    alt.append(0x20)
                default: break
                }
            }
            return MarkdownImage(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                                 title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                                 alt: String(decoding: alt, as: UTF8.self),
                                 line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                                 number: number)
        }
    }

    /// Replaces images by empty placeholders: the render stage writes the whole element
    /// (resized copies, `srcset`, size) for the page it lands on.
    public func replaceImages(_ replacements: [(image: MarkdownImage, placeholder: Placeholder)]) {
        let nodes = imageNodes()
        for (image, placeholder) in replacements {
            guard nodes.indices.contains(image.number), let custom = makeCustom(CMARK_NODE_CUSTOM_INLINE, placeholder) else { continue }
            let node = nodes[image.number]
            cmark_node_insert_before(node, custom)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private func imageNodes() -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        Self.walk(root) { node, event in
            if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_IMAGE { nodes.append(node) }
        }
        return nodes
    }

    /// Turns each paragraph that starts with an image placeholder alone on its line into a
    /// figure block: the lines after it become the caption, from a line starting `Credit:` on
    /// the credit (that word dropped). `decide` is told the image's placeholder and what
    /// follows it, and returns the figure's placeholders (nil leaves the paragraph as it is).
    /// Run it last, after every edit of the text: the paragraph gives way to the figure.
    /// - Returns: the indices (in `textBlocks()`) of the paragraphs that became figures.
    @discardableResult
    public func makeFigures(_ decide: (FigureShape) -> (figure: Placeholder, caption: Placeholder?, credit: Placeholder?)?) -> Set<Int> {
        var figures: Set<Int> = []
        for (index, paragraph) in blockNodes.enumerated() where cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
            guard let first = cmark_node_first_child(paragraph), let image = Self.placeholderNumber(first),
                  cmark_node_first_child(first) == nil else { continue }
            let next = cmark_node_next(first)
            if let next, !Self.isLineBreak(next) { continue }
            // Each line after the image, without the break that starts it.
            var lines: [[OpaquePointer]] = []
            var current = next
            while let node = current {
                if Self.isLineBreak(node) { lines.append([]) } else { lines[lines.count - 1].append(node) }
                current = cmark_node_next(node)
            }
            let creditStart = lines.firstIndex { $0.first.map(Self.startsWithCredit) ?? false }
            let captionLines = lines.prefix(creditStart ?? lines.count)
            let shape = FigureShape(image: image, hasCaption: captionLines.contains { !$0.isEmpty }, hasCredit: creditStart != nil)
            guard let placeholders = decide(shape), let figure = makeCustom(CMARK_NODE_CUSTOM_BLOCK, placeholders.figure) else { continue }
            if let caption = placeholders.caption, shape.hasCaption, let holder = makeCustom(CMARK_NODE_CUSTOM_INLINE, caption) {
                move(Self.rejoined(captionLines), into: holder)
                cmark_node_append_child(figure, holder)
            }
            if let creditStart, let credit = placeholders.credit, let holder = makeCustom(CMARK_NODE_CUSTOM_INLINE, credit) {
                if let text = lines[creditStart].first { Self.dropCreditWord(text) }
                move(Self.rejoined(lines[creditStart...]), into: holder)
                cmark_node_append_child(figure, holder)
            }
            cmark_node_insert_before(paragraph, figure)
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
            blockNodes[index] = figure
            figures.insert(index)
        }
        return figures
    }

    /// The placeholder number a custom inline stands for (see `MarkedHTML`).
    static func placeholderNumber(_ node: OpaquePointer) -> Int? {
        guard cmark_node_get_type(node) == CMARK_NODE_CUSTOM_INLINE, let enter = cmark_node_get_on_enter(node) else { return nil }
        let bytes = Array(String(cString: enter).utf8)
        guard bytes.count > 2, bytes.first == MarkedHTML.start, bytes.last == MarkedHTML.end else { return nil }
        return Int(String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self))
    }

    static func isLineBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    /// Lines' nodes in order, with the break that started each line after the first put back.
    static func rejoined(_ lines: some Collection<[OpaquePointer]>) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        for (index, line) in lines.enumerated() {
            if index > 0, let first = line.first, let previous = cmark_node_previous(first), isLineBreak(previous) {
                nodes.append(previous)
            }
            nodes += line
        }
        return nodes
    }

    static func startsWithCredit(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return false }
        return String(cString: literal).lowercased().hasPrefix("credit:")
    }

    /// Removes `Credit:` and the spaces after it from the credit line's first text.
    static func dropCreditWord(_ text: OpaquePointer) {
        guard let literal = cmark_node_get_literal(text) else { return }
        var bytes = Array(String(cString: literal).utf8.dropFirst("credit:".utf8.count).drop { $0 == 0x20 })
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { _ = cmark_node_set_literal(text, $0) }
        }
    }

    private func move(_ nodes: [OpaquePointer], into holder: OpaquePointer) {
        for node in nodes {
            cmark_node_unlink(node)
            cmark_node_append_child(holder, node)
        }
    }
}
