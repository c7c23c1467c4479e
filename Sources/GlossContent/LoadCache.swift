import Foundation

/// Parsed content files kept between builds of a long-running preview: a file whose size and
/// modification time are unchanged is not read or parsed again. Keyed on what the file system
/// says, never on guesses, so a cached result is exactly what parsing would give.
public final class LoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    private let lock = NSLock()
    private var entries: [String: (stamp: Stamp, result: (value: SiteLoader.Item?, diagnostics: [Diagnostic]))] = [:]

    public init() {}

    func parsed(_ path: String, root: String,
                parse: () -> (value: SiteLoader.Item?, diagnostics: [Diagnostic])) -> (value: SiteLoader.Item?, diagnostics: [Diagnostic]) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path),
              let modified = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int
        else { return parse() }
        let stamp = Stamp(modified: modified, size: size)
        if let hit = lock.withLock({ entries[path] }), hit.stamp == stamp { return hit.result }
        let result = parse()
        lock.withLock { entries[path] = (stamp, result) }
        return result
    }

    /// Forgets files that no longer exist.
    func keepOnly(_ paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}
