#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// The one rule for every file Gloss reads from a site (`gloss.yml`, `content/`, `Templates/`):
/// a symbolic link is followed only when its target lies inside the site folder; a link out of
/// the site, a loop, a broken link or a file over `maxFileBytes` is a diagnostic, and nothing of
/// it is read. Building a contributor's branch must never publish the build machine's files.
public struct SiteFolder: Sendable {
    /// The site folder as given (standardised), and as the file system resolves it.
    public let root: String
    let realRoot: String

    /// Content files, `gloss.yml` and templates are read whole, so a file's size bounds the
    /// memory and time its stages take: 4 MiB is forty times a long article, and the worst
    /// Markdown of that size (two million one-letter lines) takes under 1 GiB to build.
    public static let maxFileBytes = 4 << 20

    public init(root: String) {
        self.root = root
        self.realRoot = Self.realPath(root) ?? root
    }

    /// Where a site-relative path really is, when following its links keeps it in the site:
    /// `.inside`, or why not as a message.
    enum Resolution: Equatable { case inside(String), refused(String) }

    func resolve(_ relative: String) -> Resolution {
        let path = root + "/" + relative
        guard let real = Self.realPath(path) else {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                return .refused(errno == ELOOP ? "symbolic link loop; not read" : "broken symbolic link; not read")
            }
            return .refused("cannot open: \(String(cString: strerror(errno)))")
        }
        guard contains(real) else { return .refused("symbolic link to \(real), outside the site folder; not read") }
        return .inside(real)
    }

    /// Whether a site-relative path, its links followed, is in the site: what `resolve` would read.
    public func holds(_ relative: String) -> Bool {
        if case .inside = resolve(relative) { return true }
        return false
    }

    /// True when a resolved path is the site folder or lies below it.
    func contains(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// The bytes of a site-relative file, read through the rule above and at most `maxFileBytes`.
    public func contents(of relative: String) -> Result<[UInt8], Diagnostic> {
        switch resolve(relative) {
        case .refused(let why): return .failure(.error(relative, why))
        case .inside(let real): return Self.readFile(real).mapError { Diagnostic.error(relative, $0.message) }
        }
    }

    /// Reads a whole regular file, refusing one over the size limit before reading it (and
    /// reading at most one chunk past the limit, should it grow meanwhile).
    public static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(message: "cannot read file: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(message: "cannot read file: \(String(cString: strerror(errno)))")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure(message: "not a regular file; not read")) }
        let limit = maxFileBytes
        guard Int(info.st_size) <= limit else { return .failure(ReadFailure(message: tooLarge(Int(info.st_size)))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let got = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .failure(ReadFailure(message: "cannot read file: \(String(cString: strerror(errno)))")) }
            if got == 0 { return .success(bytes) }
            bytes += chunk[..<got]
        }
        return .failure(ReadFailure(message: tooLarge(nil)))
    }

    /// "file is 52.4 MiB; …", or "file is over 4 MiB; …" when it grew while being read.
    static func tooLarge(_ size: Int?) -> String {
        let tenths = { (bytes: Int) in bytes * 10 / (1 << 20) }
        let mib = { (bytes: Int) in tenths(bytes) % 10 == 0 ? "\(tenths(bytes) / 10)" : "\(tenths(bytes) / 10).\(tenths(bytes) % 10)" }
        let limit = mib(maxFileBytes)
        return "file is \(size.map { mib($0) } ?? "over \(limit)") MiB; Gloss reads files of at most \(limit) MiB"
    }

    public struct ReadFailure: Error, Sendable {
        public var message: String
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
