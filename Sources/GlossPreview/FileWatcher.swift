import Dispatch
import Foundation
import GlossContent
#if canImport(Glibc)
import Glibc
#endif

/// Something that reports changed site files in debounced batches of site-relative paths
/// (`content/articles/a.md`, `gloss.yml`, `Templates/assets/gloss.css`; `*` when events were lost).
public protocol SourceWatcher: Sendable {
    var changes: AsyncStream<[String]> { get }
    func stop()
}

/// What the preview watches, and which names it ignores.
public enum WatchedFiles {
    /// Folders watched recursively, relative to the site folder; `gloss.yml` is watched too.
    public static let folders = SiteInputs.folders
    public static let configFile = SiteInputs.configFile
    /// How long a batch of changes waits for more. An editor's save (write, or write-rename) and
    /// a tool's burst of writes arrive within a few milliseconds of each other; waiting longer
    /// would only add to every save's latency.
    public static let debounce: Duration = .milliseconds(40)

    /// Editor droppings: swap and backup files, lock files, atomic-save temporaries, hidden files
    /// (the loader skips them too).
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".")                                        // .a.md.swp, .#a.md, .DS_Store, .goutputstream-*
            || name.hasSuffix("~")                                 // a.md~
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || (name.hasPrefix("#") && name.hasSuffix("#"))         // Emacs autosave
            || name == "4913"                                      // Vim's write test
            || name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___")  // JetBrains
            || name.hasSuffix(".tmp") || name.hasSuffix(".crswap")
    }

    /// The watcher for this platform: inotify on Linux, polling elsewhere, and polling too (with
    /// a warning saying how to raise the limit) when the site has more folders than inotify may
    /// watch (`fs.inotify.max_user_watches`).
    public static func watcher(root: String, debounce: Duration = WatchedFiles.debounce,
                               warn: (String) -> Void = { _ in }) throws -> any SourceWatcher {
        #if os(Linux)
        try watcher(root: root, warn: warn) { try FileWatcher(root: root, debounce: debounce) }
        #else
        PollingWatcher(root: root)
        #endif
    }

    static func watcher(root: String, warn: (String) -> Void, inotify: () throws -> any SourceWatcher) throws -> any SourceWatcher {
        do {
            return try inotify()
        } catch let error as WatchLimitReached {
            warn("warning: \(error); watching by polling every 250 ms instead. "
                 + "Raise the limit with `sudo sysctl fs.inotify.max_user_watches=524288`")
            return PollingWatcher(root: root)
        }
    }
}

/// inotify refused another watch: the user's limit of watched folders is used up.
struct WatchLimitReached: Error, CustomStringConvertible {
    var folder: String
    var description: String {
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_user_watches", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return "cannot watch \(folder): the inotify watch limit (fs.inotify.max_user_watches\(limit.map { " = " + $0 } ?? "")) is reached"
    }
}

/// Collects changed paths and hands them over once no event has come for `debounce` (and at
/// the latest one second after the first), so a burst of saves (an editor's write-rename-delete,
/// `git checkout`) is one rebuild. Only used from its owner's serial queue.
struct Debouncer {
    let delay: DispatchTimeInterval
    let maximumDelay: DispatchTimeInterval = .seconds(1)
    private var pending: Set<String> = []
    /// Paths created or moved in during this batch: when they are gone again by the time the
    /// batch is delivered, they were an editor's or tool's temporary file (`sed -i`, atomic saves).
    private var appeared: Set<String> = []
    private var first: DispatchTime?
    private var scheduled: DispatchWorkItem?

    init(_ duration: Duration) {
        delay = .microseconds(Int(duration.milliseconds * 1000))
    }

    mutating func add(_ path: String, appeared isNew: Bool = false, queue: DispatchQueue, deliver: @escaping @Sendable () -> Void) {
        pending.insert(path)
        if isNew { appeared.insert(path) }
        let now = DispatchTime.now()
        if first == nil { first = now }
        scheduled?.cancel()
        let item = DispatchWorkItem(block: deliver)
        scheduled = item
        queue.asyncAfter(deadline: min(now + delay, first! + maximumDelay), execute: item)
    }

    /// The batch, without temporaries that came and went (`exists` says whether a path is there now).
    mutating func take(exists: (String) -> Bool) -> [String] {
        defer { pending = []; appeared = []; first = nil; scheduled = nil }
        return pending.filter { !appeared.contains($0) || exists($0) }.sorted()
    }
}

#if os(Linux)
/// Linux file watching with inotify: one watch per directory under `content/` and `Templates/`
/// (added as folders appear), one on the site folder for `gloss.yml` and for those folders
/// being created or replaced. The descriptor is non-blocking and read until EAGAIN from a
/// dispatch read source; all state lives on one serial queue.
public final class FileWatcher: SourceWatcher, @unchecked Sendable {
    public let root: String
    public let changes: AsyncStream<[String]>
    private let continuation: AsyncStream<[String]>.Continuation
    /// The loader's rule for links: a folder linked from outside the site is never read, so not watched.
    private let site: SiteFolder
    private let queue = DispatchQueue(label: "gloss.preview.inotify")
    private let fd: Int32
    private var source: (any DispatchSourceRead)?
    // Below: only touched on `queue`.
    private var directories: [Int32: String] = [:]   // watch descriptor → site-relative folder ("" = the site)
    private var limitReachedAt: String?             // the first folder inotify refused for lack of watches
    private var debouncer: Debouncer
    private var stopped = false

    private static let folderMask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                           | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    private static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

    public struct WatchError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(root: String, debounce: Duration = WatchedFiles.debounce) throws {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        site = SiteFolder(root: self.root)
        (changes, continuation) = AsyncStream<[String]>.makeStream(bufferingPolicy: .unbounded)
        debouncer = Debouncer(debounce)
        fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else {
            throw WatchError(description: "cannot watch files: inotify_init1 failed (\(String(cString: strerror(errno))))")
        }
        do {
            try queue.sync {
                guard add(watchOn: "", mask: Self.rootMask) else {
                    throw WatchError(description: "cannot watch \(self.root): \(String(cString: strerror(errno)))")
                }
                for folder in WatchedFiles.folders { addTree(folder) }
                if let full = limitReachedAt { throw WatchLimitReached(folder: full) }
            }
        } catch {
            close(fd)
            throw error
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        let fd = self.fd
        source.setEventHandler { [weak self] in self?.readEvents() }
        source.setCancelHandler { close(fd) }
        self.source = source
        source.resume()
    }

    deinit {
        // No queue.sync here: the last reference may be dropped on `queue` itself.
        if !stopped {
            source?.cancel()
            continuation.finish()
        }
    }

    /// Stops watching and finishes `changes`.
    public func stop() {
        queue.sync {
            guard !stopped else { return }
            stopped = true
            source?.cancel()
            continuation.finish()
        }
    }

    /// Number of directories watched (for tests).
    var watchCount: Int { queue.sync { directories.count } }

    // MARK: - On `queue`

    @discardableResult
    private func add(watchOn relative: String, mask: UInt32) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        let wd = inotify_add_watch(fd, path, mask)
        guard wd >= 0 else {
            if errno == ENOSPC, limitReachedAt == nil { limitReachedAt = relative }
            return false
        }
        // inotify gives a folder one watch however it is reached. One already watched under a path
        // that still leads to it is reached again through a symbolic link (perhaps a loop, whose
        // paths would grow without end): it is not walked again. A folder moved here is.
        if let known = directories[wd], known != relative, sameFolder(known, relative) { return false }
        directories[wd] = relative
        return true
    }

    private func sameFolder(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(root + "/" + a, &first) == 0 && stat(root + "/" + b, &second) == 0
            && first.st_ino == second.st_ino && first.st_dev == second.st_dev
    }

    /// Watches a folder and every folder below it (hidden ones excepted, as the loader skips them).
    private func addTree(_ relative: String) {
        var isDirectory: ObjCBool = false
        guard site.holds(relative), FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
              isDirectory.boolValue, add(watchOn: relative, mask: Self.folderMask) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            addTree(relative + "/" + name)
        }
    }

    private func readEvents() {
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while !stopped {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }   // EAGAIN: drained
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                offset += 16 + length
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again and rebuild.
            for wd in directories.keys { inotify_rm_watch(fd, wd) }
            directories = [:]
            add(watchOn: "", mask: Self.rootMask)
            for folder in WatchedFiles.folders { addTree(folder) }
            note("*")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            directories[wd] = nil
            return
        }
        guard let folder = directories[wd], !name.isEmpty else { return }
        let isDirectory = mask & UInt32(IN_ISDIR) != 0
        let appeared = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        if folder.isEmpty {
            // The site folder: only gloss.yml and the watched folders matter.
            if name == WatchedFiles.configFile && !isDirectory {
                note(name)
            } else if WatchedFiles.folders.contains(name) && isDirectory {
                if appeared { addTree(name) }
                note(name, appeared: appeared)
            }
            return
        }
        guard !WatchedFiles.isIgnored(name) else { return }
        let relative = folder + "/" + name
        if isDirectory && appeared { addTree(relative) }
        note(relative, appeared: appeared)
    }

    private func note(_ path: String, appeared: Bool = false) {
        debouncer.add(path, appeared: appeared, queue: queue) { [weak self] in self?.deliver() }
    }

    private func deliver() {
        let root = self.root
        let batch = debouncer.take { FileManager.default.fileExists(atPath: root + "/" + $0) }
        if !batch.isEmpty && !stopped { continuation.yield(batch) }
    }
}
#endif

/// A portable fallback for systems without inotify: compares modification times and sizes
/// every 250 ms.
public final class PollingWatcher: SourceWatcher, @unchecked Sendable {
    public let root: String
    public let changes: AsyncStream<[String]>
    private let continuation: AsyncStream<[String]>.Continuation
    private let queue = DispatchQueue(label: "gloss.preview.poll")
    private var timer: (any DispatchSourceTimer)?
    private var known: [String: [Int]] = [:]   // only on `queue`

    public init(root: String, interval: Duration = .milliseconds(250)) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        (changes, continuation) = AsyncStream<[String]>.makeStream(bufferingPolicy: .unbounded)
        queue.sync { known = scan() }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = Int(interval.milliseconds)
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler { [weak self] in self?.poll() }
        self.timer = timer
        timer.resume()
    }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            continuation.finish()
        }
    }

    private func poll() {
        let now = scan()
        let changed = Set(now.keys).union(known.keys).filter { now[$0] != known[$0] }.sorted()
        known = now
        if !changed.isEmpty { continuation.yield(changed) }
    }

    private func scan() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let fm = FileManager.default
        func stamp(_ relative: String) {
            guard let attributes = try? fm.attributesOfItem(atPath: root + "/" + relative) else { return }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            result[relative] = [Int(modified * 1_000_000), size]
        }
        stamp(WatchedFiles.configFile)
        for folder in WatchedFiles.folders {
            guard let enumerator = fm.enumerator(atPath: root + "/" + folder) else { continue }
            for case let relative as String in enumerator {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
                if WatchedFiles.isIgnored(name) { continue }
                stamp(folder + "/" + relative)
            }
        }
        return result
    }
}
