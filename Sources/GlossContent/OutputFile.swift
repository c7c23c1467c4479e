/// One file of the built site: bytes in memory (pages, feeds), or a file on disk (a resized
/// photo in the image cache, an attachment copied as it is), read only when written or served,
/// so a site of a thousand photos never holds them all in memory.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, `/`-separated, never containing `..`.
    public var path: String
    private var stored: [UInt8]
    /// The file on disk whose bytes these are, and what identifies its contents (a digest or a
    /// stamp), so two builds' copies compare without reading them.
    public private(set) var disk: DiskFile?

    public struct DiskFile: Sendable, Hashable {
        public var path: String
        public var version: String
        /// Never rewritten once made (a cached photo copy, named by its contents; a spooled
        /// export): a writer may hard-link it rather than copy it, and a link to it is known
        /// unchanged without reading.
        public var isImmutable: Bool
        public init(path: String, version: String, isImmutable: Bool = false) {
            self.path = path
            self.version = version
            self.isImmutable = isImmutable
        }
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.stored = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, disk: DiskFile) {
        self.path = path
        self.stored = []
        self.disk = disk
    }

    /// The bytes (read from disk for a disk file; empty if it cannot be read: writers use
    /// `contents()`, which says so).
    public var bytes: [UInt8] {
        get { disk == nil ? stored : (try? contents()) ?? [] }
        set {
            stored = newValue
            disk = nil
        }
    }

    /// The bytes, or why the disk file behind them cannot be read.
    public func contents() throws -> [UInt8] {
        guard let disk else { return stored }
        guard case .success(let bytes) = FileBytes.read(disk.path) else { throw ReadError(path: disk.path) }
        return bytes
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot read \(path)" }
    }
}
