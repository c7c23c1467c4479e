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

    /// Every regular file (or link to one) below `folder`, sorted by path, skipping names that
    /// start with a dot (and what is inside such folders). Nil when `folder` cannot be opened.
    /// Folders are listed first, then every candidate is `stat`ed in parallel, unless `known`
    /// supplies its stamp.
    public static func files(under folder: String, known: @Sendable (String) -> Stamp? = { _ in nil }) -> [File]? {
        guard let top = opendir(folder) else { return nil }
        closedir(top)
        var names: [String] = []
        list(folder, prefix: "", into: &names)
        names.sort()
        return names.concurrentChunks { chunk in
            chunk.compactMap { name -> File? in
                if let stamp = known(name) { return File(path: name, stamp: stamp) }
                var info = stat()
                guard stat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
                return File(path: name, stamp: Stamp(info))
            }
        }
    }

    /// Collects the relative paths of everything that is not a folder (folders by `d_type`;
    /// links and unknown types are left to `stat`, which follows links).
    private static func list(_ folder: String, prefix: String, into names: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_LNK || Int32(entry.pointee.d_type) == DT_UNKNOWN {
                var info = stat()
                isFolder = stat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { list(folder + "/" + name, prefix: prefix + name + "/", into: &names) } else { names.append(prefix + name) }
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
