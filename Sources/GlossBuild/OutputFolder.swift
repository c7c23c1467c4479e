import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GlossContent

/// A built site as a folder of files: writing one into a fresh folder, listing one, and the one
/// rule for which output paths are allowed. `SiteWriter` swaps such a folder in; publishing to a
/// git branch or by rsync writes one into a scratch folder.
public enum OutputFolder {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// A relative path of plain components: no `..`, no absolute path, nothing empty, no
    /// backslash or NUL. Every writer checks every path with this before writing anything.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Throws for the first path that `isSafe` refuses.
    public static func checkPaths(_ files: [OutputFile]) throws {
        if let bad = files.first(where: { !isSafe($0.path) }) { throw refusal(bad.path) }
    }

    /// The error for a path that `isSafe` refuses.
    static func refusal(_ path: String) -> WriteError {
        WriteError("refusing to write `\(path)`: output paths must stay inside the output folder")
    }

    /// The folders a file at `path` sits in, outermost first ("a/b/c.html": "a", "a/b").
    static func folders(above path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    /// Writes every file under `folder`, which must not exist yet, in parallel: folders 0755 and
    /// files 0644 whatever the umask, so a web server running as another user can serve them. A
    /// file that `unchanged` maps to an existing copy with the same bytes is hard-linked to it
    /// instead, keeping its modification time (ETags, Last-Modified and `aws s3 sync` see it as
    /// unchanged); so is a cached photo copy, to its cache file. Plain open/write/close: callers
    /// swap the folder in whole, so no file needs an atomic temp-file dance of its own. Errors
    /// name the file and the system's reason (a full disk says "No space left on device").
    public static func write(_ files: [OutputFile], into folder: String, unchanged: [String: String] = [:]) throws {
        try checkPaths(files)
        try makeFolder(folder)
        let folders = Set(files.flatMap { OutputFolder.folders(above: $0.path) }).sorted()   // parents sort before their children
        for sub in folders { try makeFolder(folder + "/" + sub) }
        let failures = files.concurrentMap { file in place(file, in: folder, unchanged: unchanged[file.path]) }.compactMap { $0 }
        try check(failures)
    }

    /// Puts one file into `folder` (its parent folder made already): a hard link to `unchanged`,
    /// its old copy with the same bytes, when there is one; nil when done, else why not.
    static func place(_ file: OutputFile, in folder: String, unchanged: String?) -> String? {
        let path = folder + "/" + file.path
        if let unchanged, link(unchanged, path) == 0 { return nil }
        guard let disk = file.disk else { return writeFile(path, file.bytes).map { "\(file.path): \($0)" } }
        if disk.isImmutable, linkShared(disk.path, path) { return nil }
        // A disk file (a static file, a spooled export, a cached copy on another file system) is
        // copied a piece at a time: it may be larger than a build should hold in memory.
        return copy(disk.path, to: path).map { "\(file.path): \($0)" }
    }

    /// Throws for the files that could not be written, naming the first.
    static func check(_ failures: [String]) throws {
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            throw WriteError("could not write \(first)\(more)")
        }
    }

    /// Hard-links an immutable file (a cached photo copy) as `path`, readable by all like every
    /// written file; false where links cannot be made (another file system), to copy instead.
    static func linkShared(_ source: String, _ path: String) -> Bool {
        guard link(source, path) == 0 else { return false }
        if chmod(path, 0o644) == 0 { return true }
        unlink(path)
        return false
    }

    /// True when the file at `path` holds exactly `bytes`; a file of another size is not read.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard case .success(let old) = FileBytes.read(path, limit: bytes.count), old.count == bytes.count else { return false }
        return old.isEmpty || old.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// True when `path` holds the bytes of `file`; a disk file is compared a piece at a time.
    static func holds(_ path: String, _ file: OutputFile) -> Bool {
        guard let disk = file.disk else { return holds(path, file.bytes) }
        var a = stat(), b = stat()
        guard stat(path, &a) == 0, stat(disk.path, &b) == 0, a.st_size == b.st_size else { return false }
        let old = open(path, O_RDONLY | O_CLOEXEC), new = open(disk.path, O_RDONLY | O_CLOEXEC)
        defer { for fd in [old, new] where fd >= 0 { close(fd) } }
        guard old >= 0, new >= 0 else { return false }
        var oldPiece = [UInt8](repeating: 0, count: pieceSize), newPiece = oldPiece
        while true {
            let count = FileBytes.fill(&oldPiece, from: old)
            guard count >= 0, FileBytes.fill(&newPiece, from: new) == count else { return false }
            if count == 0 { return true }
            guard memcmp(oldPiece, newPiece, count) == 0 else { return false }
        }
    }

    /// What a file too large to hold is read and written in.
    static let pieceSize = 1 << 20

    /// True when `path` is `source` itself (a hard link to it): the same file, unread.
    static func isSameFile(_ path: String, _ source: String) -> Bool {
        var a = stat(), b = stat()
        return lstat(path, &a) == 0 && stat(source, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Every file under `folder` (hidden ones too), relative, sorted; symbolic links count as files.
    public static func list(_ folder: String) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder) else { return [] }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if let type = try? fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType, type == .typeSymbolicLink {
                files.append(path)
                continue
            }
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporary(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "gloss-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Creates the folders above `path` that are missing.
    static func makeParents(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError("could not create folder \(parent): \(error.localizedDescription)")
        }
    }

    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 {
            let error = errno
            var isDirectory: ObjCBool = false
            guard error == EEXIST, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw WriteError("could not create folder \(path): \(String(cString: strerror(error)))")
            }
        }
        if chmod(path, 0o755) != 0 {
            throw WriteError("could not set permissions of \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// nil when written; otherwise the system's reason.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        writing(path) { fd in writeAll(fd, bytes, count: bytes.count) }
    }

    /// Copies `source` to `path` a piece at a time; nil when done, otherwise why not.
    static func copy(_ source: String, to path: String) -> String? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return "cannot read \(source)" }
        defer { close(input) }
        return writing(path) { fd in
            var piece = [UInt8](repeating: 0, count: pieceSize)
            while true {
                let count = FileBytes.fill(&piece, from: input)
                if count < 0 { return "cannot read \(source)" }
                if count == 0 { return nil }
                if let problem = writeAll(fd, piece, count: count) { return problem }
            }
        }
    }

    /// Creates (or empties) `path` as a file readable by all and hands `body` its descriptor; nil
    /// when written, otherwise the system's reason.
    private static func writing(_ path: String, _ body: (Int32) -> String?) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var problem: String?
        if fchmod(fd, 0o644) != 0 { problem = String(cString: strerror(errno)) }
        if problem == nil { problem = body(fd) }
        // close can report a delayed write error (NFS, quotas).
        if close(fd) != 0 && problem == nil { problem = String(cString: strerror(errno)) }
        return problem
    }

    /// Writes the first `count` bytes; nil when done, otherwise the system's reason.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], count: Int) -> String? {
        var offset = 0
        while offset < count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
