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
        var cursor = takeLeaves(index)
        defer { editedLeaves[index] = cursor }
        cursor.seek(range.lowerBound)
        var wrapped = 0
        while let leaf = cursor.next, leaf.range.lowerBound < range.upperBound {
            _ = cursor.takeNext()
            guard leaf.range.overlaps(range) else { cursor.emit([leaf]); continue }
            let local = max(range.lowerBound, leaf.range.lowerBound) - leaf.range.lowerBound
                ..< min(range.upperBound, leaf.range.upperBound) - leaf.range.lowerBound
            if leaf.kind == .text {
                cursor.emit(wrapText(leaf, local, with: markup))
            } else {
                wrapWhole(leaf.node, with: markup)
                cursor.emit([InlineLeaf(node: leaf.node, kind: leaf.kind, range: leaf.range, linkable: false)])
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

    /// Splits a text leaf into before / wrapped / after, replacing it in place; returns the
    /// leaves now in its place.
    private func wrapText(_ leaf: InlineLeaf, _ local: Range<Int>, with markup: Placeholder) -> [InlineLeaf] {
        let node = leaf.node, leafLength = leaf.range.count, start = leaf.range.lowerBound
        guard let literal = cmark_node_get_literal(node) else { return [leaf] }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: leafLength)
        let before = Array(bytes[0..<local.lowerBound])
        let inside = Array(bytes[local])
        let after = Array(bytes[local.upperBound..<leafLength])
        guard let custom = makeCustom(CMARK_NODE_CUSTOM_INLINE, markup), let insideNode = makeText(inside) else { return [leaf] }
        var leaves: [InlineLeaf] = []
        cmark_node_append_child(custom, insideNode)
        cmark_node_insert_before(node, custom)
        if !before.isEmpty, let beforeNode = makeText(before) {
            cmark_node_insert_before(custom, beforeNode)
            leaves.append(InlineLeaf(node: beforeNode, kind: .text, range: start..<start + local.lowerBound, linkable: leaf.linkable))
        }
        leaves.append(InlineLeaf(node: insideNode, kind: .text, range: start + local.lowerBound..<start + local.upperBound, linkable: false))
        if !after.isEmpty, let afterNode = makeText(after) {
            cmark_node_insert_after(custom, afterNode)
            leaves.append(InlineLeaf(node: afterNode, kind: .text, range: start + local.upperBound..<leaf.range.upperBound, linkable: leaf.linkable))
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
        return leaves
    }

    /// The inline leaves of block `index` as the tree is now: walked once, then kept in step
    /// with every edit (taken out of the cache while in use, so it is never copied).
    func takeLeaves(_ index: Int) -> LeafCursor {
        if let cursor = editedLeaves.removeValue(forKey: index) { return cursor }
        var scratch: [UInt8] = []
        return LeafCursor(inlineLeaves(of: blockNodes[index], appendingTextTo: &scratch))
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
        var cursor = takeLeaves(index)
        defer { editedLeaves[index] = cursor }
        cursor.seek(offset)
        if let holder = cursor.next, holder.kind == .text, holder.range.lowerBound < offset,
           let halves = splitText(holder, at: offset - holder.range.lowerBound) {
            _ = cursor.takeNext()
            cursor.emit([halves.head])
            cursor.putBack(halves.tail)
        }
        if let leaf = cursor.lastEnding(at: offset) {
            cmark_node_insert_after(outermostLink(around: leaf.node, in: blockNodes[index]), node)
        } else if let leaf = cursor.firstStarting(at: offset) {
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

    /// Splits one text leaf into two adjacent ones at a byte offset; returns the two.
    private func splitText(_ leaf: InlineLeaf, at local: Int) -> (head: InlineLeaf, tail: InlineLeaf)? {
        let node = leaf.node, length = leaf.range.count
        guard let literal = cmark_node_get_literal(node) else { return nil }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: length)
        let tail = Array(bytes[local..<length])
        let head = Array(bytes[0..<local])
        guard let tailNode = makeText(tail), let headNode = makeText(head) else { return nil }
        cmark_node_insert_after(node, tailNode)
        cmark_node_insert_before(node, headNode)
        cmark_node_unlink(node)
        cmark_node_free(node)
        let middle = leaf.range.lowerBound + local
        return (InlineLeaf(node: headNode, kind: .text, range: leaf.range.lowerBound..<middle, linkable: leaf.linkable),
                InlineLeaf(node: tailNode, kind: .text, range: middle..<leaf.range.upperBound, linkable: leaf.linkable))
    }
}
