import CCmark

/// A node of Gloss's own in a document: an entity link, a note's mark or reference, a
/// sidenote, a quotation's anchor. The analysis stage inserts it, numbered, and keeps what each
/// number stands for; the render stage replaces it with the theme's markup for the page it lands
/// on (`MarkedHTML.resolve`). So analysis never writes final markup and never knows page depth.
public struct Placeholder: Sendable, Hashable {
    public var number: Int
    /// Rendered as a link (`<a>`): what is inserted after it goes outside it, since HTML forbids
    /// a link inside a link.
    public var isLink: Bool

    public init(_ number: Int, isLink: Bool = false) {
        self.number = number
        self.isLink = isLink
    }
}

extension MarkdownDocument {
    /// Wraps `range` of a block's text in `placeholder`. When the range crosses inline markup
    /// (emphasis, links, earlier wraps) each piece is wrapped separately, so the HTML stays
    /// well-formed and the wrapped text, joined, is exactly the range. Returns the number of
    /// pieces wrapped.
    @discardableResult
    public func wrap(_ range: Range<Int>, inBlock index: Int, with markup: Placeholder) -> Int {
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

    /// Inserts a block right after block `index` (e.g. the aside holding a note). A paragraph
    /// inside a list item or block quote is followed by the block inside it.
    public func insertBlock(_ placeholder: Placeholder, afterBlock index: Int) {
        guard blockNodes.indices.contains(index), let node = makeCustom(CMARK_NODE_CUSTOM_BLOCK, placeholder) else { return }
        if cmark_node_insert_after(blockNodes[index], node) == 0 { cmark_node_free(node) }
    }

    /// Splits a text node into before / wrapped / after, replacing it in place.
    private func wrapText(_ node: OpaquePointer, _ local: Range<Int>, leafLength: Int, with markup: Placeholder) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: leafLength)
        let before = Array(bytes[0..<local.lowerBound])
        let inside = Array(bytes[local])
        let after = Array(bytes[local.upperBound..<leafLength])
        guard let custom = makeCustom(CMARK_NODE_CUSTOM_INLINE, markup), let insideNode = makeText(inside) else { return }
        cmark_node_append_child(custom, insideNode)
        cmark_node_insert_before(node, custom)
        if !before.isEmpty, let beforeNode = makeText(before) { cmark_node_insert_before(custom, beforeNode) }
        if !after.isEmpty, let afterNode = makeText(after) { cmark_node_insert_after(custom, afterNode) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Moves a whole leaf (code span, line break) inside a new custom inline.
    private func wrapWhole(_ node: OpaquePointer, with markup: Placeholder) {
        guard let custom = makeCustom(CMARK_NODE_CUSTOM_INLINE, markup) else { return }
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_append_child(custom, node)
    }

    /// A custom node whose HTML is the placeholder's markers (see `MarkedHTML`); links are
    /// remembered so that later insertions stay outside them.
    func makeCustom(_ type: cmark_node_type, _ placeholder: Placeholder) -> OpaquePointer? {
        guard let node = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(node, MarkedHTML.open(placeholder.number))
        cmark_node_set_on_exit(node, MarkedHTML.close(placeholder.number))
        if placeholder.isLink { linkPlaceholders.insert(UnsafeRawPointer(node)) }
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
    /// Inserts an inline node (an anchor, a note reference) at a point of a block's text,
    /// splitting a text node when the point falls inside one. Inserted after text that ends
    /// inside a link, it goes after the link: HTML forbids a link inside a link.
    public func insertInline(_ placeholder: Placeholder, at offset: Int, inBlock index: Int) {
        guard blockNodes.indices.contains(index), let node = makeCustom(CMARK_NODE_CUSTOM_INLINE, placeholder) else { return }
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
            let isLink = type == CMARK_NODE_LINK || linkPlaceholders.contains(UnsafeRawPointer(parent))
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
