import Foundation

/// Parsed content files kept between builds of a long-running preview: a file whose size,
/// modification time and inode are unchanged is not read or parsed again. Keyed on what the
/// file system says, never on guesses, so a cached result is exactly what parsing would give.
public final class LoadCache: @unchecked Sendable {
    /// A class, so passing thousands of entries from build to build copies pointers only.
    final class Entry: Sendable {
        let stamp: ContentTree.Stamp
        let value: SiteLoader.Item?
        let diagnostics: [Diagnostic]
        init(stamp: ContentTree.Stamp, value: SiteLoader.Item?, diagnostics: [Diagnostic]) {
            self.stamp = stamp
            self.value = value
            self.diagnostics = diagnostics
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The previous load's files, by site-relative path.
    func begin() -> [String: Entry] {
        lock.withLock { entries }
    }

    /// What the next load may reuse: this load's files (so deleted files are forgotten).
    func finish(_ paths: [String], _ loaded: [Entry]) {
        let byPath = Dictionary(zip(paths, loaded), uniquingKeysWith: { first, _ in first })
        lock.withLock { entries = byPath }
    }
}
