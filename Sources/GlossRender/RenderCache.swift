import Foundation
import GlossSearch

/// Rendered files kept between builds of a long-running preview, so a rebuild renders only
/// the pages an edit touches. A page is reused, in order of cost:
/// - without building its model, when its `PageInputs` (the revisions of the articles it
///   shows and the few other values it reads) equal last time's;
/// - without rendering, when its template model, the complete input of its template, equals
///   last time's (compared in full);
/// and everything goes when any template changes.
public final class RenderCache: @unchecked Sendable {
    /// A class, so handing thousands of entries from build to build copies pointers only.
    /// Immutable; the model is a page model, which holds only values.
    final class Entry: @unchecked Sendable {
        let inputs: PageInputs?
        let model: AnyHashable
        let bytes: [UInt8]
        init(inputs: PageInputs?, model: AnyHashable, bytes: [UInt8]) {
            self.inputs = inputs
            self.model = model
            self.bytes = bytes
        }
    }

    private let lock = NSLock()
    private var templates: [String: String]?
    private var entries: [String: Entry] = [:]
    /// The search index's documents.
    let search = SearchIndexCache()
    /// Article cards and links for detail pages.
    let items = DetailItemsCache()

    public init() {}

    /// Starts a build and returns the previous build's files by path.
    func begin(templates: [String: String]) -> [String: Entry] {
        lock.withLock {
            if self.templates != templates {
                self.templates = templates
                entries = [:]
            }
            return entries
        }
    }

    /// What the next build may reuse: this build's files (so removed pages are forgotten).
    func finish(_ entries: [String: Entry]) {
        lock.withLock { self.entries = entries }
    }
}

/// What a page's model is made from, as cheap identities: the revision of the settings and
/// those of the articles it shows (`AnalysedSite.settingsRevision` and `revisions`, new
/// whenever the registry, the settings, an article or its notes change) and the few other
/// values it reads. Equal inputs mean an equal model.
struct PageInputs: Hashable, Sendable {
    var numbers: [Int] = []
    var values: [String] = []
}
