import GlossBuild
import GlossContent
import GlossRender

/// One good build as the preview serves it: every output file by relative path, pages in
/// memory and the files the build left on disk (photo copies in the image cache, attachments)
/// read when asked for. Nothing is written to `site/`, so the preview can never overwrite it.
public struct SiteSnapshot: Sendable {
    public private(set) var files: [String: [UInt8]]
    /// Files on disk, by output path.
    public private(set) var diskFiles: [String: OutputFile.DiskFile]

    public init(_ files: [OutputFile]) {
        self.files = [:]
        self.diskFiles = [:]
        self.files.reserveCapacity(files.count)
        add(files)
    }

    /// Adds files (a later file of a path replaces an earlier one).
    mutating func add(_ files: [OutputFile]) {
        for file in files {
            if let disk = file.disk { diskFiles[file.path] = disk } else { self.files[file.path] = file.bytes }
        }
    }

    /// The bytes of an output file (read from disk for a disk file), nil when there is none.
    public func contents(_ path: String) -> [UInt8]? {
        if let bytes = files[path] { return bytes }
        guard let disk = diskFiles[path] else { return nil }
        return try? OutputFile(path: path, disk: disk).contents()
    }

    public func has(_ path: String) -> Bool { files[path] != nil || diskFiles[path] != nil }

    mutating func remove(_ path: String) {
        files[path] = nil
        diskFiles[path] = nil
    }

    public var pageCount: Int { files.keys.lazy.filter { $0.hasSuffix(".html") }.count }

    /// What differs from an older build, by comparing bytes (disk files by what identifies
    /// their contents: a digest or a stamp).
    public func changes(since old: SiteSnapshot?) -> SiteChanges {
        guard let old else { return SiteChanges(added: (Array(files.keys) + Array(diskFiles.keys)).sorted(), updated: [], removed: []) }
        var added: [String] = []
        var updated: [String] = []
        for (path, bytes) in files {
            if let previous = old.files[path] {
                if previous != bytes { updated.append(path) }
            } else {
                old.diskFiles[path] == nil ? added.append(path) : updated.append(path)
            }
        }
        for (path, disk) in diskFiles {
            if let previous = old.diskFiles[path] {
                if previous != disk { updated.append(path) }
            } else {
                old.files[path] == nil ? added.append(path) : updated.append(path)
            }
        }
        let removed = (Array(old.files.keys) + Array(old.diskFiles.keys)).filter { !has($0) }
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
    /// What the first build has made so far, while it runs.
    var firstBuild: FirstBuildFiles?
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

/// The files of the first build while it runs, added as the render stage hands them over, so
/// the preview serves each page as soon as it exists rather than once the whole site is built
/// (at 10,000 articles the home page is ready about a third of the way through). Only the first
/// build is served this way: a rebuild replaces the last good build all at once.
final class FirstBuildFiles: Sendable {
    private let made = Locked(SiteSnapshot([]))

    /// Safe to call from every thread of the render stage at once.
    func add(_ files: [OutputFile]) { made.withLock { $0.add(files) } }

    func contents(_ path: String) -> [UInt8]? { made.withLock { $0.contents(path) } }

    /// Everything added so far.
    var all: SiteSnapshot { made.current }
}
