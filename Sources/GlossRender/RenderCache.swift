import Foundation

/// Rendered pages kept between builds of a long-running preview. Each page is rendered again
/// only when its template model, the complete input of its template, differs from last time
/// (compared in full), or when any template changed. So an edit re-renders exactly the pages
/// whose content it touches (its article, digest, tags, entities, neighbours) and nothing else.
public final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: String]?
    private var pages: [String: (model: AnyHashable, bytes: [UInt8])] = [:]

    public init() {}

    func begin(templates: [String: String]) {
        lock.withLock {
            if self.templates != templates {
                self.templates = templates
                pages = [:]
            }
        }
    }

    /// The cached bytes when `model` is unchanged, else nil.
    func page(_ path: String, model: AnyHashable) -> [UInt8]? {
        lock.withLock { pages[path].flatMap { $0.model == model ? $0.bytes : nil } }
    }

    func store(_ path: String, model: AnyHashable, bytes: [UInt8]) {
        lock.withLock { pages[path] = (model, bytes) }
    }

    func keepOnly(_ paths: Set<String>) {
        lock.withLock { pages = pages.filter { paths.contains($0.key) } }
    }
}
