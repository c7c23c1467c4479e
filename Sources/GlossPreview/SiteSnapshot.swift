import GlossBuild
import GlossContent
import GlossRender

/// One good build as the preview serves it: every output file, in memory, by relative path.
/// Nothing is written to disk, so the preview can never overwrite `site/`.
public struct SiteSnapshot: Sendable {
    public private(set) var files: [String: [UInt8]]

    public init(_ files: [OutputFile]) {
        var byPath: [String: [UInt8]] = [:]
        byPath.reserveCapacity(files.count)
        for file in files { byPath[file.path] = file.bytes }
        self.files = byPath
    }

    mutating func remove(_ path: String) { files[path] = nil }

    public var pageCount: Int { files.keys.lazy.filter { $0.hasSuffix(".html") }.count }

    /// What differs from an older build, by comparing bytes.
    public func changes(since old: SiteSnapshot?) -> SiteChanges {
        guard let old else { return SiteChanges(added: files.keys.sorted(), updated: [], removed: []) }
        var added: [String] = []
        var updated: [String] = []
        for (path, bytes) in files {
            if let previous = old.files[path] {
                if previous != bytes { updated.append(path) }
            } else {
                added.append(path)
            }
        }
        let removed = old.files.keys.filter { files[$0] == nil }
        return SiteChanges(added: added.sorted(), updated: updated.sorted(), removed: removed.sorted())
    }
}

/// Output files that a rebuild added, changed or removed.
public struct SiteChanges: Sendable, Equatable {
    public var added: [String]
    public var updated: [String]
    public var removed: [String]

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }
    public var all: [String] { added + updated + removed }
    /// Only stylesheets changed: the browser can swap them without reloading the page.
    public var isStylesheetsOnly: Bool { !isEmpty && all.allSatisfy { $0.hasSuffix(".css") } }
}

/// What the server shows right now: the last good build, and the diagnostics of the latest build
/// when it failed (shown over every page until a build succeeds again).
struct PreviewState: Sendable {
    /// nil until the first good build.
    var site: SiteSnapshot?
    /// The latest build's diagnostics when it failed; nil when it succeeded.
    var failure: [Diagnostic]?
    /// Changes whenever what a page shows changes; pages carry it so a browser that reconnects
    /// (or connected just after a rebuild) can tell its page is stale.
    var buildID: String
}

extension SiteSnapshot {
    /// The snapshot without the given paths.
    func removing(_ paths: [String]) -> SiteSnapshot {
        var copy = self
        for path in paths { copy.remove(path) }
        return copy
    }
}
