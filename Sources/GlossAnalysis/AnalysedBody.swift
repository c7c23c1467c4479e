import GlossContent
import GlossMarkdown

/// Markdown after analysis: its HTML with Gloss's own nodes left as placeholders, and what each
/// stands for. The render stage turns each node into the theme's markup for the page the body
/// lands on (`partials/entity-link`, `partials/sidenote`, …), so analysis writes no final
/// markup and the same body can appear at any depth.
public struct AnalysedBody: Sendable, Hashable {
    public var html: MarkedHTML
    /// By placeholder number.
    public var nodes: [BodyNode]
    /// Warnings about the Markdown itself (links `LinkPolicy` refused), placed in its file;
    /// kept with the body so a cached body reports them again.
    public var warnings: [Diagnostic]

    public init(html: MarkedHTML, nodes: [BodyNode], warnings: [Diagnostic] = []) {
        self.html = html
        self.nodes = nodes
        self.warnings = warnings
    }
}

/// What a placeholder in an analysed body means.
public enum BodyNode: Sendable, Hashable {
    /// A mention of an entity, wrapping the name as written.
    case entityLink(EntityID)
    /// A piece of a note's passage; `note` indexes the article's anchored notes.
    case noteMark(note: Int)
    /// The point after a note's passage where its number goes.
    case noteReference(note: Int)
    /// The note itself, as a block after the passage's paragraph.
    case sidenote(note: Int)
    /// Where a direct quotation starts, so entity pages can link to it (`quote-1`…).
    case quoteAnchor(String)
    /// A link to another page or file of the site, wrapping the link's text.
    case siteLink(SiteLink)

    /// Rendered as a link, so nothing may be put inside it.
    var isLink: Bool {
        switch self {
        case .entityLink, .siteLink: true
        default: false
        }
    }
}

/// Hands out placeholders for one document and keeps what each stands for.
final class BodyNodes {
    private(set) var nodes: [BodyNode] = []

    func placeholder(_ node: BodyNode) -> Placeholder {
        nodes.append(node)
        return Placeholder(nodes.count - 1, isLink: node.isLink)
    }

    /// - Parameters:
    ///   - file, firstLine: where the Markdown is, for its warnings.
    func body(of document: MarkdownDocument, file: String, firstLine: Int) -> AnalysedBody {
        AnalysedBody(html: document.render(), nodes: nodes, warnings: document.refusedLinkWarnings(path: file, firstLine: firstLine))
    }
}

extension AnalysedBody {
    /// The HTML with every node reduced to what it wraps: for plain text (search, snippets).
    public var htmlWithoutNodes: String { html.resolve { _, content in content } }
}
