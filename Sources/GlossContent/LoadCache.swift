import Foundation

/// Parsed content files kept between builds of a long-running preview: a file whose size,
/// modification time and inode are unchanged is not read or parsed again. Keyed on what the
/// file system says, so a cached result is exactly what parsing would give.
///
/// A file watcher may also say which paths changed (`noteChanges`): the next load then `stat`s
/// only those and takes the other files' stamps from the cache, which on a large site saves
/// more time than anything else in loading. Without such a note every file is checked.
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
    private var changes: [String]?

    public init() {}

    /// Tells the next load what changed since the last one: site-relative paths of files or
    /// folders (a folder stands for everything in it), as a file watcher reports them. Nil
    /// (the default, and what an overflowing watcher must say) checks every file.
    public func noteChanges(_ paths: [String]?) {
        lock.withLock { changes = paths }
    }

    /// What a load starts from: the previous load's files by site-relative path, and whether a
    /// path's cached stamp can be trusted without asking the file system.
    struct Start: Sendable {
        var entries: [String: Entry] = [:]
        var trusted: @Sendable (String) -> Bool = { _ in false }
    }

    /// The note of changes is used up. A changed path that is a folder now (created, moved in)
    /// stands for everything below it.
    func begin(root: String) -> Start {
        lock.withLock {
            defer { changes = nil }
            guard let changes else { return Start(entries: entries) }
            var folders: [String] = []
            var files: Set<String> = []
            for path in changes {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), isFolder.boolValue {
                    folders.append(path + "/")
                } else {
                    files.insert(path)
                }
            }
            return Start(entries: entries, trusted: { [folders, files] path in
                !files.contains(path) && !folders.contains { path.hasPrefix($0) }
            })
        }
    }

    /// What the next load may reuse: this load's files (so deleted files are forgotten).
    func finish(_ paths: [String], _ loaded: [Entry]) {
        let byPath = Dictionary(zip(paths, loaded), uniquingKeysWith: { first, _ in first })
        lock.withLock { entries = byPath }
    }
}
