import CCmark

/// How Markdown is parsed and rendered. Safe by default: raw HTML is suppressed, and links and
/// images to anything but http, https, mailto and relative URLs become plain text, unless a
/// site opts in with `markdown.unsafe: true`.
public struct MarkdownOptions: Sendable, Hashable {
    public var allowUnsafeHTML: Bool
    public var smartPunctuation: Bool

    public init(allowUnsafeHTML: Bool = false, smartPunctuation: Bool = true) {
        self.allowUnsafeHTML = allowUnsafeHTML
        self.smartPunctuation = smartPunctuation
    }
}

/// A parsed cmark tree that later stages edit in place (entity links, annotation marks, notes)
/// before rendering. It owns every C pointer of the tree and never lets one escape, so it is
/// deliberately not `Sendable`: parse, transform and render a document on one task.
public final class MarkdownDocument {
    let root: OpaquePointer
    let options: MarkdownOptions
    /// The blocks holding inline text, in document order, fixed at parse time so indices stay
    /// stable while custom nodes are inserted.
    var blockNodes: [OpaquePointer]
    /// Custom nodes standing for links (see `Placeholder.isLink`), by address.
    var linkPlaceholders: Set<UnsafeRawPointer> = []
    /// Links and images unlinked by `LinkPolicy` (none when unsafe HTML is allowed).
    public let refusedLinks: [RefusedLink]
    /// The inline leaves of the blocks edited so far, kept in step with every edit (see
    /// `LeafCursor`), so an edit never walks its block again.
    var editedLeaves: [Int: LeafCursor] = [:]

    public init(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
        var parseOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        // The bytes that mark placeholders in rendered HTML never come from the text itself.
        let utf8 = MarkedHTML.withoutMarkerBytes(Array(markdown.utf8))
        let parsed = utf8.isEmpty ? cmark_parse_document("", 0, parseOptions) : utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
        }
        // cmark_parse_document only returns NULL when out of memory.
        guard let root = parsed ?? cmark_node_new(CMARK_NODE_DOCUMENT) else {
            fatalError("libcmark could not allocate a document")
        }
        self.root = root
        refusedLinks = options.allowUnsafeHTML ? [] : Self.unlinkRefused(root)
        // Smart punctuation (and unlinking) splits text nodes ("Trump's" arrives in pieces); matching needs them whole.
        cmark_consolidate_text_nodes(root)
        self.blockNodes = Self.collectTextBlocks(root)
    }

    deinit {
        cmark_node_free(root)
    }

    /// HTML for the whole document, with the placeholders inserted since parsing left as
    /// markers for the render stage to resolve.
    public func render() -> MarkedHTML {
        var renderOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { renderOptions |= CMARK_OPT_SMART }
        if options.allowUnsafeHTML { renderOptions |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(root, renderOptions) else { return MarkedHTML(html: "") }
        defer { free(html) }
        return MarkedHTML(html: String(cString: html))
    }

    private static func collectTextBlocks(_ root: OpaquePointer) -> [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        walk(root) { node, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { blocks.append(node) }
        }
        return blocks
    }

    /// Visits every node under `node` with cmark's iterator; the callback must not edit the tree.
    static func walk(_ node: OpaquePointer, _ visit: (OpaquePointer, cmark_event_type) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let current = cmark_iter_get_node(iterator) { visit(current, event) }
        }
    }
}
