/// The inline leaves of one block while it is being edited, in text order, split at a cursor:
/// `before` holds the leaves left of it, `after` those right of it (nearest last). Every
/// caller edits a block from its start to its end (entity links, quote anchors, notes, each
/// in text order), so moving the cursor costs O(1) per edit amortised and a pass over a block
/// of n leaves O(n), where walking the tree to find each place cost O(n) per edit: a thousand
/// quotations in one paragraph took seconds.
struct LeafCursor {
    private var before: [InlineLeaf] = []
    private var after: [InlineLeaf]

    init(_ leaves: [InlineLeaf]) { after = leaves.reversed() }

    /// Moves the cursor so that exactly the leaves ending at or before `offset` are before it.
    mutating func seek(_ offset: Int) {
        while let next = after.last, next.range.upperBound <= offset { before.append(after.removeLast()) }
        while let last = before.last, last.range.upperBound > offset { after.append(before.removeLast()) }
    }

    /// Every leaf, in text order (what a fresh walk of the block would find).
    var leaves: [InlineLeaf] { before + after.reversed() }

    /// The first leaf after the cursor.
    var next: InlineLeaf? { after.last }

    /// Takes the first leaf after the cursor, to replace it by what `emit` and `putBack` say.
    mutating func takeNext() -> InlineLeaf? { after.popLast() }

    /// Leaves now in place of the taken one, left of the cursor.
    mutating func emit(_ leaves: [InlineLeaf]) { before += leaves }

    /// A leaf now in place of the taken one, right of the cursor.
    mutating func putBack(_ leaf: InlineLeaf) { after.append(leaf) }

    /// The last non-empty leaf before the cursor, when it ends at `offset`.
    func lastEnding(at offset: Int) -> InlineLeaf? {
        for leaf in before.reversed() {
            guard leaf.range.upperBound == offset else { return nil }
            if !leaf.range.isEmpty { return leaf }
        }
        return nil
    }

    /// The first leaf after the cursor that starts at or after `offset` (at most two steps:
    /// only the first can start before it).
    func firstStarting(at offset: Int) -> InlineLeaf? {
        after.reversed().first { $0.range.lowerBound >= offset }
    }
}
