import CCmark
import GlossContent

/// The text of one paragraph or heading as a reader sees it (markup removed), with the spans
/// that later stages may edit. Offsets are UTF-8 byte offsets into `text`.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case paragraph, heading }

    public var index: Int
    public var kind: Kind
    public var text: String
    /// 1-based line of the block in the Markdown that was parsed.
    public var line: Int
    /// Plain text outside links, images, code, raw HTML and Gloss's own inserted markup: where
    /// entity links may go. Always empty for headings.
    public var linkableRanges: [Range<Int>]
    /// Prose: text outside code spans. Mentions are counted here.
    public var proseRanges: [Range<Int>]

    /// True when `range` lies inside one linkable text span.
    public func isLinkable(_ range: Range<Int>) -> Bool { Self.span(in: linkableRanges, holds: range) }

    /// True when `range` lies inside one prose span.
    public func isProse(_ range: Range<Int>) -> Bool { Self.span(in: proseRanges, holds: range) }

    /// Spans are in text order and disjoint, so the only candidate is the first that ends at or
    /// after `range` ends: a binary search, not a scan (a block may hold thousands of spans).
    static func span(in spans: [Range<Int>], holds range: Range<Int>) -> Bool {
        let at = spans.partitionPoint { $0.upperBound < range.upperBound }
        return at < spans.count && spans[at].lowerBound <= range.lowerBound
    }
}

/// One inline leaf of a block, placed in the block's text.
struct InlineLeaf {
    enum Kind { case text, code, lineBreak }
    var node: OpaquePointer
    var kind: Kind
    var range: Range<Int>
    var linkable: Bool
}

extension MarkdownDocument {
    /// The blocks that hold inline text, in document order. Editing (wrapping) never changes a
    /// block's text, so offsets taken from here stay valid across edits.
    public func textBlocks() -> [TextBlock] {
        blockNodes.indices.map { textBlock(at: $0) }
    }

    public func textBlock(at index: Int) -> TextBlock {
        let node = blockNodes[index]
        let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
        var text: [UInt8] = []
        let leaves = inlineLeaves(of: node, appendingTextTo: &text)
        return TextBlock(
            index: index,
            kind: isHeading ? .heading : .paragraph,
            text: String(decoding: text, as: UTF8.self),
            line: Int(cmark_node_get_start_line(node)),
            linkableRanges: isHeading ? [] : leaves.filter { $0.kind == .text && $0.linkable }.map(\.range),
            proseRanges: leaves.filter { $0.kind == .text }.map(\.range)
        )
    }

    /// Walks one block's inlines, concatenating what a reader sees. Images contribute nothing
    /// (their alt text is not on the page); raw HTML neither.
    func inlineLeaves(of block: OpaquePointer, appendingTextTo text: inout [UInt8]) -> [InlineLeaf] {
        var leaves: [InlineLeaf] = []
        var shieldDepth = 0   // links and Gloss's custom inlines: no entity links inside
        var imageDepth = 0
        Self.walk(block) { node, event in
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE:
                shieldDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_IMAGE:
                imageDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard imageDepth == 0 else { return }
                let start = text.count
                if let literal = cmark_node_get_literal(node) {
                    text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
                leaves.append(InlineLeaf(node: node, kind: type == CMARK_NODE_TEXT ? .text : .code,
                                         range: start..<text.count, linkable: shieldDepth == 0))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                guard imageDepth == 0 else { return }
                let start = text.count
                text.append(type == CMARK_NODE_SOFTBREAK ? 0x20 : 0x0A)
                leaves.append(InlineLeaf(node: node, kind: .lineBreak, range: start..<text.count, linkable: false))
            default:
                break
            }
        }
        return leaves
    }
}
