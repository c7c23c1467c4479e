import CCmark

/// A link as the Markdown wrote it, with where it starts in the text that was parsed.
public struct MarkdownLink: Sendable, Hashable {
    public var url: String
    public var title: String
    /// 1-based, in the Markdown that was parsed.
    public var line: Int
    public var column: Int
    /// Which link of the document (in order), for `replaceLinks`.
    public var number: Int
}

extension MarkdownDocument {
    /// Every link of the document (images are not links), in reading order.
    public func links() -> [MarkdownLink] {
        linkNodes().enumerated().map { number, node in
            MarkdownLink(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                         title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                         line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                         number: number)
        }
    }

    /// Replaces links by placeholders wrapping the links' text, so the render stage writes their
    /// addresses (pages of the site, linked relatively from wherever the text lands).
    public func replaceLinks(_ replacements: [(link: MarkdownLink, placeholder: Placeholder)]) {
        let nodes = linkNodes()
        for (link, placeholder) in replacements {
            guard nodes.indices.contains(link.number), let custom = makeCustom(CMARK_NODE_CUSTOM_INLINE, placeholder) else { continue }
            let node = nodes[link.number]
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(custom, child)
            }
            cmark_node_insert_before(node, custom)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private func linkNodes() -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        Self.walk(root) { node, event in
            if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_LINK { nodes.append(node) }
        }
        return nodes
    }
}
