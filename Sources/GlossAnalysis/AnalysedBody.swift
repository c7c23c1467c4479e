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
    /// What its images and links asked of the site's files (see `MediaLookup`).
    public var media: [MediaLookup]
    /// Problems of the Markdown itself, placed in its file: links `LinkPolicy` refused, a
    /// missing file, a refused picture, no alt text. Kept with the body so a cached body
    /// reports them again.
    public var problems: [Diagnostic]

    public init(html: MarkedHTML, nodes: [BodyNode], media: [MediaLookup] = [], problems: [Diagnostic] = []) {
        self.html = html
        self.nodes = nodes
        self.media = media
        self.problems = problems
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
    /// A link to another page or file of the site, wrapping the link's text. (This and the image
    /// cases are boxed: unboxed, their payloads made every node, mostly entity links, over ten
    /// times as big, and the nodes of a 10,000-article site a tenth of a build's heap.)
    indirect case siteLink(SiteLink)
    /// An image inside text.
    indirect case image(SiteImage)
    /// An image that stands on its own, with a caption or credit: a block.
    indirect case figure(SiteFigure)
    /// A figure's caption or credit, wrapping its text, which the figure's markup places.
    case figurePart

    /// Rendered as a link, so nothing may be put inside it.
    var isLink: Bool {
        switch self {
        case .entityLink, .siteLink: true
        default: false
        }
    }
}

/// Hands out placeholders for one document and keeps what each stands for, with the lookups
/// and problems of its images and links.
final class BodyNodes {
    private(set) var nodes: [BodyNode] = []
    let files: MediaLookups
    var problems: [Diagnostic] = []

    init(media: SiteMedia = SiteMedia()) { files = MediaLookups(media) }

    func placeholder(_ node: BodyNode) -> Placeholder {
        nodes.append(node)
        return Placeholder(nodes.count - 1, isLink: node.isLink)
    }

    /// - Parameters:
    ///   - file, firstLine: where the Markdown is, for its refused links.
    func body(of document: MarkdownDocument, file: String, firstLine: Int) -> AnalysedBody {
        AnalysedBody(html: document.render(), nodes: nodes, media: files.lookups,
                     problems: document.refusedLinkWarnings(path: file, firstLine: firstLine) + problems)
    }
}

extension AnalysedBody {
    /// The HTML with every node reduced to what it wraps: for plain text (search, snippets).
    public var htmlWithoutNodes: String { html.resolve { _, content in content } }
}
