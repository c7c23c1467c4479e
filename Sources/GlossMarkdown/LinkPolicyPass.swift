import CCmark
import GlossContent

/// A Markdown link or image whose URL `LinkPolicy` refused: it was unlinked, its text kept.
public struct RefusedLink: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    /// 1-based, in the Markdown that was parsed.
    public var line: Int
    public var column: Int
}

extension MarkdownDocument {
    /// Replaces every link and image (inline, reference or autolink) whose URL `LinkPolicy`
    /// refuses by its content: a link by its text, an image by its alt text, as plain text.
    /// cmark's safe mode alone only blanks some schemes (`javascript:`, `vbscript:`, `file:`,
    /// `data:` except images) and still writes the `<a>` or `<img>`; after this pass every link
    /// left is one Gloss allows, and the tree's text is what a reader sees.
    static func unlinkRefused(_ root: OpaquePointer) -> [RefusedLink] {
        var refused: [(node: OpaquePointer, link: RefusedLink)] = []
        walk(root) { node, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            guard !LinkPolicy.allows(url) else { return }
            let (line, column) = position(of: node)
            refused.append((node, RefusedLink(url: url, isImage: type == CMARK_NODE_IMAGE, line: line, column: column)))
        }
        // Innermost first: a refused link inside a refused image's alt text is unwrapped before its parent.
        for (node, _) in refused.reversed() {
            while let child = cmark_node_first_child(node) {
                if cmark_node_insert_before(node, child) == 0 { cmark_node_unlink(child); cmark_node_free(child) }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return refused.map(\.link)
    }

    /// Where a node starts; cmark leaves some inline positions unset, so the nearest ancestor's.
    static func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, max(1, Int(cmark_node_get_start_column(candidate)))) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }

    /// The refused links as warnings, in a file whose Markdown starts at line `firstLine`.
    public func refusedLinkWarnings(path: String, firstLine: Int) -> [Diagnostic] {
        refusedLinks.map {
            LinkPolicy.refusal($0.url, in: $0.isImage ? "image" : "link", path: path, line: firstLine + $0.line - 1, column: $0.column)
        }
    }
}
