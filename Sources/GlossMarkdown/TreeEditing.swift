import CCmark

/// Markup that Gloss inserts around text: the opening and closing HTML of a cmark custom
/// inline. cmark emits these verbatim even in safe mode, so callers must pass escaped HTML.
public struct InlineMarkup: Sendable, Hashable {
    public var open: String
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }
}

extension MarkdownDocument {
    /// Wraps `range` of a block's text in `markup`. When the range crosses inline markup
    /// (emphasis, links, earlier wraps) each piece is wrapped separately, so the HTML stays
    /// well-formed and the wrapped text, joined, is exactly the range. Returns the number of
    /// pieces wrapped.
    @discardableResult
    public func wrap(_ range: Range<Int>, inBlock index: Int, with markup: InlineMarkup) -> Int {
        guard blockNodes.indices.contains(index), !range.isEmpty else { return 0 }
        var scratch: [UInt8] = []
        let leaves = inlineLeaves(of: blockNodes[index], appendingTextTo: &scratch)
        var wrapped = 0
        for leaf in leaves where leaf.range.overlaps(range) {
            let local = max(range.lowerBound, leaf.range.lowerBound) - leaf.range.lowerBound
                ..< min(range.upperBound, leaf.range.upperBound) - leaf.range.lowerBound
            if leaf.kind == .text {
                wrapText(leaf.node, local, leafLength: leaf.range.count, with: markup)
            } else {
                wrapWhole(leaf.node, with: markup)
            }
            wrapped += 1
        }
        return wrapped
    }

    /// Inserts raw HTML as a block right after block `index` (e.g. an aside holding a note).
    /// Gloss's own, already escaped, HTML: cmark emits custom blocks verbatim.
    public func insertHTMLBlock(_ html: String, afterBlock index: Int) {
        guard blockNodes.indices.contains(index), let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        // A paragraph inside a list item or block quote is followed by the HTML inside it.
        if cmark_node_insert_after(blockNodes[index], node) == 0 { cmark_node_free(node) }
    }

    /// Appends raw HTML as the last block of the document.
    public func appendHTMLBlock(_ html: String) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        if cmark_node_append_child(root, node) == 0 { cmark_node_free(node) }
    }

    /// Splits a text node into before / wrapped / after, replacing it in place.
    private func wrapText(_ node: OpaquePointer, _ local: Range<Int>, leafLength: Int, with markup: InlineMarkup) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: leafLength)
        let before = Array(bytes[0..<local.lowerBound])
        let inside = Array(bytes[local])
        let after = Array(bytes[local.upperBound..<leafLength])
        guard let custom = makeCustomInline(markup), let insideNode = makeText(inside) else { return }
        cmark_node_append_child(custom, insideNode)
        cmark_node_insert_before(node, custom)
        if !before.isEmpty, let beforeNode = makeText(before) { cmark_node_insert_before(custom, beforeNode) }
        if !after.isEmpty, let afterNode = makeText(after) { cmark_node_insert_after(custom, afterNode) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Moves a whole leaf (code span, line break) inside a new custom inline.
    private func wrapWhole(_ node: OpaquePointer, with markup: InlineMarkup) {
        guard let custom = makeCustomInline(markup) else { return }
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_append_child(custom, node)
    }

    func makeCustomInline(_ markup: InlineMarkup) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node, markup.open)
        cmark_node_set_on_exit(node, markup.close)
        return node
    }

    func makeText(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        // Offsets come from whole matches, so slices are valid UTF-8; NUL-terminate for C.
        var terminated = bytes
        terminated.append(0)
        terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                _ = cmark_node_set_literal(node, $0)
            }
        }
        return node
    }
}

extension MarkdownDocument {
    /// Inserts Gloss's own inline HTML (an anchor, a note reference) at a point of a block's
    /// text, splitting a text node when the point falls inside one. Inserted after text that
    /// ends inside a link, it goes after the link: HTML forbids a link inside a link.
    public func insertInlineHTML(_ html: String, at offset: Int, inBlock index: Int) {
        guard blockNodes.indices.contains(index), let node = makeCustomInline(InlineMarkup(open: html, close: "")) else { return }
        var scratch: [UInt8] = []
        var leaves = inlineLeaves(of: blockNodes[index], appendingTextTo: &scratch)
        if let leaf = leaves.first(where: { $0.kind == .text && $0.range.lowerBound < offset && offset < $0.range.upperBound }) {
            splitText(leaf.node, at: offset - leaf.range.lowerBound, length: leaf.range.count)
            scratch = []
            leaves = inlineLeaves(of: blockNodes[index], appendingTextTo: &scratch)
        }
        if let leaf = leaves.last(where: { $0.range.upperBound == offset && !$0.range.isEmpty }) {
            cmark_node_insert_after(outermostLink(around: leaf.node, in: blockNodes[index]), node)
        } else if let leaf = leaves.first(where: { $0.range.lowerBound >= offset }) {
            cmark_node_insert_before(leaf.node, node)
        } else if cmark_node_append_child(blockNodes[index], node) == 0 {
            cmark_node_free(node)
        }
    }

    /// Where to put something that follows `node`: outside every link around it (HTML forbids a
    /// link inside a link) and outside the Gloss marks and spans that end with it.
    private func outermostLink(around node: OpaquePointer, in block: OpaquePointer) -> OpaquePointer {
        var result = node
        var current = node
        while let parent = cmark_node_parent(current), parent != block {
            let type = cmark_node_get_type(parent)
            let isLink = type == CMARK_NODE_LINK
                || (type == CMARK_NODE_CUSTOM_INLINE && cmark_node_get_on_enter(parent).map { String(cString: $0).hasPrefix("<a ") } == true)
            let endsHere = type == CMARK_NODE_CUSTOM_INLINE && cmark_node_last_child(parent) == current && result == current
            if isLink || endsHere { result = parent }
            current = parent
        }
        return result
    }

    /// Splits one text node into two adjacent ones at a byte offset.
    private func splitText(_ node: OpaquePointer, at local: Int, length: Int) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: length)
        let tail = Array(bytes[local..<length])
        let head = Array(bytes[0..<local])
        guard let tailNode = makeText(tail), let headNode = makeText(head) else { return }
        cmark_node_insert_after(node, tailNode)
        cmark_node_insert_before(node, headNode)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
