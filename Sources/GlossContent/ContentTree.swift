#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under a folder with their size and modification time, read with `readdir` and
/// `stat`: Foundation's enumerator and attribute dictionaries cost a preview rebuild of a large
/// site more than all its other loading work together.
public enum ContentTree {
    /// What says whether a file changed since it was last read.
    public struct Stamp: Hashable, Sendable {
        public var seconds: Int
        public var nanoseconds: Int
        public var size: Int
        public var inode: UInt64
    }

    public struct File: Sendable {
        /// Relative to the walked folder, `/`-separated.
        public var path: String
        public var stamp: Stamp
    }

    /// Every regular file (or link to one) below the site-relative `folder`, sorted by path,
    /// skipping names that start with a dot (and what is inside such folders), with a
    /// diagnostic for each symbolic link that `SiteFolder`'s rule refuses. Nil when `folder`
    /// cannot be opened. Folders are listed first, then every candidate is `stat`ed in
    /// parallel, unless `known` supplies its stamp.
    public static func files(in site: SiteFolder, under folder: String,
                      known: @Sendable (String) -> Stamp? = { _ in nil }) -> (files: [File], diagnostics: [Diagnostic])? {
        let top: String
        switch site.resolve(folder) {
        case .refused(let why):
            return ([], [.warning(folder, why)])
        case .inside(let real):
            top = real
        }
        guard let directory = opendir(top) else { return nil }
        closedir(directory)
        var walk = Walk(site: site, base: folder)
        walk.list(prefix: "", real: top)
        let path = site.root + "/" + folder
        let found = walk.names.sorted().concurrentChunks { chunk in
            chunk.map { name -> Result<File, Diagnostic> in
                if let stamp = known(name) { return .success(File(path: name, stamp: stamp)) }
                var info = stat()
                guard stat(path + "/" + name, &info) == 0 else {
                    return .failure(.warning(folder + "/" + name, "cannot read: \(String(cString: strerror(errno)))"))
                }
                guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.warning(folder + "/" + name, "not a regular file; not read")) }
                return .success(File(path: name, stamp: Stamp(info)))
            }
        }
        var files: [File] = []
        for result in found {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): walk.diagnostics.append(diagnostic)
            }
        }
        return (files, walk.diagnostics)
    }

    /// One walk of a folder: the relative paths of everything that is not a folder (folders by
    /// `d_type`; links are resolved and checked). A folder reached through a link is read once,
    /// and never when it holds the link (a loop), so the walk ends on any tree of links.
    private struct Walk {
        let site: SiteFolder
        let base: String
        var names: [String] = []
        var diagnostics: [Diagnostic] = []
        var linkedFolders: Set<String> = []

        mutating func list(prefix: String, real: String) {
            guard let directory = opendir(real) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                // Read up to the name's NUL in place: a record is only as long as its name, so
                // copying the whole 256-byte `d_name` reads past the end of the directory buffer.
                let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                    String(cString: UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                var type = Int(entry.pointee.d_type)
                if type == Int(DT_UNKNOWN) {
                    var info = stat()
                    if lstat(real + "/" + name, &info) == 0 {
                        type = Int(info.st_mode & S_IFMT == S_IFDIR ? DT_DIR : info.st_mode & S_IFMT == S_IFLNK ? DT_LNK : DT_REG)
                    }
                }
                let relative = prefix + name
                switch type {
                case Int(DT_DIR):
                    list(prefix: relative + "/", real: real + "/" + name)
                case Int(DT_LNK):
                    follow(relative, from: real)
                default:
                    names.append(relative)
                }
            }
        }

        /// A symbolic link: its target is listed when the rule allows it, else reported.
        mutating func follow(_ relative: String, from folder: String) {
            let sitePath = base + "/" + relative
            switch site.resolve(sitePath) {
            case .refused(let why):
                diagnostics.append(.warning(sitePath, why))
            case .inside(let target):
                var info = stat()
                guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    names.append(relative)
                    return
                }
                if folder == target || folder.hasPrefix(target + "/") {
                    diagnostics.append(.warning(sitePath, "symbolic link to a folder that holds it (a loop); not read"))
                } else if !linkedFolders.insert(target).inserted {
                    diagnostics.append(.warning(sitePath, "symbolic link to a folder already read through another link; not read again"))
                } else {
                    list(prefix: relative + "/", real: target)
                }
            }
        }
    }
}

extension ContentTree.Stamp {
    public init(_ info: stat) {
        #if canImport(Darwin)
        self.init(seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec, size: Int(info.st_size), inode: UInt64(info.st_ino))
        #else
        self.init(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size), inode: UInt64(info.st_ino))
        #endif
    }
}
