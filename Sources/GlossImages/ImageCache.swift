import Foundation
import GlossContent

/// The cache beside `gloss.yml` (`.gloss-cache/images/`), shared by builds and the preview:
/// - each picture's copies, in a folder named by the SHA-256 of the picture's bytes and by the
///   encoding settings, so a picture made once is never made again, wherever it moves;
/// - what each file's header said, by the file's path and stamp (size, modification time,
///   inode), so on a rebuild an unchanged picture costs one `stat` (done by the loader).
/// Folders appear whole (written beside, then renamed), so a killed build leaves no half entry.
final class ImageCache: @unchecked Sendable {
    /// `.gloss-cache/images/<settings>`.
    let folder: String
    private let lock = NSLock()
    private var index: [String: Known] = [:]
    private var changed = false

    /// A file's header facts (or refusal), as of a stamp.
    struct Known {
        var token: String
        var result: Result<PictureReader.Facts, PictureReader.Refusal>
    }

    init(folder: String) {
        self.folder = folder
        index = Self.readIndex(folder + "/" + Self.indexName)
    }

    /// What a file was when it had this stamp.
    func known(_ path: String, stamp: ContentTree.Stamp) -> Result<PictureReader.Facts, PictureReader.Refusal>? {
        lock.withLock { index[path].flatMap { $0.token == stamp.token ? $0.result : nil } }
    }

    func remember(_ path: String, stamp: ContentTree.Stamp, _ result: Result<PictureReader.Facts, PictureReader.Refusal>) {
        guard !path.contains("\t"), !path.contains("\n") else { return }
        lock.withLock {
            index[path] = Known(token: stamp.token, result: result)
            changed = true
        }
    }

    /// Writes the index when it changed (the paths of this build only, so it never grows stale).
    func saveIndex(keeping paths: Set<String>) {
        let lines: [String]? = lock.withLock {
            let stale = index.keys.contains { !paths.contains($0) }
            guard changed || stale else { return nil }
            index = index.filter { paths.contains($0.key) }
            changed = false
            return index.keys.sorted().compactMap { path in index[path].map { "\(path)\t\($0.token)\t\($0.line)" } }
        }
        guard let lines else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/index.tsv.\(getpid()).\(UInt32.random(in: 0 ... .max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else { return }
        if rename(temporary, folder + "/" + Self.indexName) != 0 { unlink(temporary) }
    }

    /// The index's name changes with `PictureReader`'s rules, so facts read by other rules
    /// (older limits, say) are read again.
    static let indexName = "index-\(PictureReader.rules).tsv"

    /// Where a picture's copies are kept.
    func entry(_ digest: String) -> String { "\(folder)/\(digest.prefix(2))/\(digest)" }

    /// True when every one of these copies is there.
    func has(_ digest: String, _ names: [String]) -> Bool {
        let entry = entry(digest)
        return names.allSatisfy { FileManager.default.fileExists(atPath: entry + "/" + $0) }
    }

    /// Stores a picture's copies, whole or not at all.
    func store(_ digest: String, _ copies: [String: [UInt8]]) throws {
        let entry = entry(digest)
        let fm = FileManager.default
        let temporary = entry + ".\(getpid()).\(UInt32.random(in: 0 ... .max))"
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: temporary) }
        // Copies already there (another format, an earlier build) are kept.
        if let present = try? fm.contentsOfDirectory(atPath: entry) {
            for name in present where copies[name] == nil { try? fm.copyItem(atPath: entry + "/" + name, toPath: temporary + "/" + name) }
        }
        for (name, bytes) in copies {
            guard fm.createFile(atPath: temporary + "/" + name, contents: Data(bytes)) else {
                throw CacheError(description: "cannot write the image cache in \(folder)")
            }
        }
        // Builds of one site share the cache (two `gloss build`s, the tests): another may store
        // the same picture between the removal and the rename, which then fails on its folder.
        // Its copies are made from the same bytes with the same settings, so they serve as well.
        for _ in 0..<3 {
            try? fm.removeItem(atPath: entry)
            if rename(temporary, entry) == 0 || has(digest, Array(copies.keys)) { return }
        }
        throw CacheError(description: "cannot write the image cache in \(folder)")
    }

    struct CacheError: Error, CustomStringConvertible { var description: String }

    static func readIndex(_ path: String) -> [String: Known] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var index: [String: Known] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let result = Known.parse(fields.dropFirst(2)) else { continue }
            index[fields[0]] = Known(token: fields[1], result: result)
        }
        return index
    }
}

extension ImageCache.Known {
    /// `picture FORMAT WIDTH HEIGHT ANIMATED DIGEST LOCATED` or `refused REASON`, tab-separated.
    var line: String {
        switch result {
        case .success(let facts):
            let p = facts.picture
            return ["picture", p.format.rawValue, "\(p.width)", "\(p.height)", p.animated ? "1" : "0", p.digest, facts.hasLocation ? "1" : "0"]
                .joined(separator: "\t")
        case .failure(let refusal):
            return "refused\t" + refusal.reason.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
    }

    static func parse(_ fields: ArraySlice<String>) -> Result<PictureReader.Facts, PictureReader.Refusal>? {
        let f = Array(fields)
        if f.first == "refused", f.count >= 2 { return .failure(.init(f[1])) }
        guard f.count == 7, f[0] == "picture", let format = Picture.Format(rawValue: f[1]), let width = Int(f[2]), let height = Int(f[3]) else {
            return nil
        }
        let picture = Picture(format: format, width: width, height: height, animated: f[4] == "1", digest: f[5])
        return .success(PictureReader.Facts(picture: picture, hasLocation: f[6] == "1"))
    }
}
