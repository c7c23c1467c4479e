import Foundation
import GlossSearch

/// Rendered files kept between builds of a long-running preview, so a rebuild renders only
/// the pages an edit touches. A page is reused, in order of cost:
/// - without building its model, when its input (see `PageKind.Input`) equals last time's;
/// - without rendering, when its template model, the complete input of its template, equals
///   last time's (compared in full);
/// Inputs count only while the settings (registry, `gloss.yml`, options) stay as they were,
/// since every page may read those; everything goes when the templates change.
public final class RenderCache: @unchecked Sendable {
    /// A class, so handing thousands of entries from build to build copies pointers only.
    /// Immutable; the model is a page model, which holds only values.
    final class Entry: @unchecked Sendable {
        /// What the page was made from, with the settings' revision then.
        let input: (value: any Sendable, settingsRevision: Int)?
        /// Nil when no cache keeps it: at 10,000 articles the models of all pages held till the
        /// end of the render stage were about a third of a build's peak memory.
        let model: AnyHashable?
        let bytes: [UInt8]
        /// For a page: its links and ids, read once from its bytes for the link check.
        let links: LinkChecker.PageLinks?
        init(input: (value: any Sendable, settingsRevision: Int)?, model: AnyHashable?, bytes: [UInt8], links: LinkChecker.PageLinks? = nil) {
            self.input = input
            self.model = model
            self.bytes = bytes
            self.links = links
        }

        /// The entry without its bytes, once they are written and no cache keeps them.
        var withoutBytes: Entry { Entry(input: input, model: model, bytes: [], links: links) }
    }

    private let lock = NSLock()
    private var templates: [String: String]?
    private var entries: [String: Entry] = [:]
    /// The links content wrote in the last build, by page.
    private var links: ContentLinks?
    /// The search index's documents.
    let search = SearchIndexCache()
    /// Article cards and links.
    let cards = ArticleCards()
    /// Each article's records in the data exports.
    let exports = DataExport.Memo()
    /// The last link check.
    let linkCheck = LinkChecker.Memo()
    /// The pages content files become, for `@/` links.
    let destinations = ContentLinks.Memo()

    public init() {}

    /// Starts a build and returns the previous build's files by path and its content links;
    /// this build's links are kept for the next.
    func begin(templates: [String: String], links: ContentLinks) -> (entries: [String: Entry], links: ContentLinks?) {
        lock.withLock {
            if self.templates != templates {
                self.templates = templates
                entries = [:]
            }
            defer { self.links = links }
            return (entries, self.links)
        }
    }

    /// What the next build may reuse: this build's files (so removed pages are forgotten).
    func finish(_ entries: [String: Entry]) {
        cards.finishBuild()
        lock.withLock { self.entries = entries }
    }
}
