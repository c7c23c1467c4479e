import GlossContent
import Foundation
import GlossRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes into a folder a web server reads (`gloss publish --to DIR`): the new site is written
/// into a folder beside DIR, then the two are exchanged in one atomic `renameat2(RENAME_EXCHANGE)`
/// (Linux; elsewhere two renames in quick succession), so a request sees the old site or the new
/// one, never a mixture. Files that are no longer in the build go with the old folder, which is
/// deleted after a short grace period so that requests already under way can finish resolving
/// their paths in it.
public struct FolderDeployer: Sendable {
    public var destination: String
    /// The site's own folder, which must never be replaced.
    public var source: String?
    /// How long the previous site stays (out of sight) before it is deleted.
    public var grace: Duration

    public init(destination: String, source: String? = nil, grace: Duration = .seconds(1)) {
        self.destination = destination
        self.source = source
        self.grace = grace
    }

    @discardableResult
    public func deploy(_ files: [OutputFile]) throws -> ChangeReport {
        let fm = FileManager.default
        // A symbolic link (a common deploy layout) stays; the folder it points to is replaced.
        let output = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath().path
        try checkSafe(output)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw PublishError("\(output) is a file, not a folder") }

        let old = Set(exists ? SiteFolder.list(output) : [])
        let new = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, last in last })
        var unchanged: [String: String] = [:]
        let updated = new.keys.filter { path in
            guard old.contains(path) else { return false }
            if let data = fm.contents(atPath: output + "/" + path), [UInt8](data) == new[path]! {
                unchanged[path] = output + "/" + path
                return false
            }
            return true
        }
        let changes = ChangeReport(added: new.keys.filter { !old.contains($0) }, updated: updated, removed: old.filter { new[$0] == nil })
        if exists && changes.isEmpty { return changes }

        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = "\(parent)/.\(name).gloss-new-\(getpid())"
        try? fm.removeItem(atPath: staging)
        do {
            try SiteFolder.write(files, into: staging, unchanged: unchanged)
            if exists {
                try Self.exchange(staging, output)
                // `staging` now holds the previous site: no new request can reach it, but one that
                // started a moment ago may still be looking up a path inside it.
                Thread.sleep(forTimeInterval: Double(grace.components.seconds) + Double(grace.components.attoseconds) / 1e18)
                try? fm.removeItem(atPath: staging)
            } else {
                try fm.moveItem(atPath: staging, toPath: output)
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return changes
    }

    func checkSafe(_ output: String) throws {
        let fm = FileManager.default
        if output == "/" || output == NSHomeDirectory() { throw PublishError("refusing to publish into \(output)") }
        if let source {
            let site = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
            if site == output || site.hasPrefix(output + "/") {
                throw PublishError("refusing to publish into \(output): it contains the site's own files")
            }
        }
        if fm.fileExists(atPath: output + "/gloss.yml") || fm.fileExists(atPath: output + "/content") {
            throw PublishError("refusing to replace \(output): it holds a gloss.yml or content/ folder, not a built site")
        }
        if fm.fileExists(atPath: output + "/.git") {
            throw PublishError("refusing to replace \(output): it is a git work tree (to publish to a branch, use --git-branch)")
        }
    }

    /// Swaps two folders atomically where the system can (Linux 3.15+), else by two renames.
    static func exchange(_ a: String, _ b: String) throws {
        #if os(Linux)
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
            // EINVAL/ENOSYS: a file system or kernel without it; fall through.
        }
        #endif
        let fm = FileManager.default
        let retired = (b as NSString).deletingLastPathComponent + "/." + (b as NSString).lastPathComponent + ".gloss-old-\(getpid())"
        try? fm.removeItem(atPath: retired)
        try fm.moveItem(atPath: b, toPath: retired)
        do {
            try fm.moveItem(atPath: a, toPath: b)
        } catch {
            try? fm.moveItem(atPath: retired, toPath: b)
            throw error
        }
        try fm.moveItem(atPath: retired, toPath: a)
    }
}
