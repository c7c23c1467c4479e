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

    /// What a load found under `content/` (see `SiteLoader.contentFiles`).
    struct Listing: Sendable {
        var files: [ContentTree.File]
        var attachments: [ContentTree.File]
        var diagnostics: [Diagnostic]
        /// Site-relative paths of all of them.
        var paths: Set<String>
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var changes: [String]?
    private var listing: Listing?

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
        /// The last listing of `content/`, when the changes were only edits of files it holds
        /// (their stamps updated): walking the folder again would find the same files.
        var listing: Listing?
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
            }, listing: folders.isEmpty ? listing.flatMap { Self.edited($0, changes: files, root: root) } : nil)
        }
    }

    /// `listing` with the stamps of the changed files under `content/` read again; nil unless
    /// each is a file it holds and still a plain file (not a link, which the walk would check).
    static func edited(_ listing: Listing, changes: Set<String>, root: String) -> Listing? {
        var stamps: [String: ContentTree.Stamp] = [:]
        for path in changes where path.hasPrefix("content/") {
            var info = stat()
            guard listing.paths.contains(path), lstat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            stamps[path] = ContentTree.Stamp(info)
        }
        guard !stamps.isEmpty else { return listing }
        let restamped = { (files: [ContentTree.File]) in
            files.map { ContentTree.File(path: $0.path, stamp: stamps[$0.path] ?? $0.stamp) }
        }
        var edited = listing
        edited.files = restamped(listing.files)
        edited.attachments = restamped(listing.attachments)
        return edited
    }

    /// What the next load may reuse: this load's files (so deleted files are forgotten) and its
    /// listing of `content/`.
    func finish(_ paths: [String], _ loaded: [Entry], listing: Listing) {
        let byPath = Dictionary(zip(paths, loaded), uniquingKeysWith: { first, _ in first })
        lock.withLock {
            entries = byPath
            self.listing = listing
        }
    }
}
