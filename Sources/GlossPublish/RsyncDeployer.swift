import GlossBuild
import GlossContent
import Foundation
import GlossRender

/// Publishes with rsync (`gloss publish --rsync host:/var/www/digest/` or a local folder): the
/// build is written to a temporary folder and synchronised by content (`--checksum`, so identical
/// rebuilt files are not sent), removing files no longer in the build (`--delete`). Updated files
/// are put in place together at the end (`--delay-updates`, `--delete-after`), which keeps the
/// window in which a reader could see a mixture short. The change list comes from rsync's own
/// itemised output.
public struct RsyncDeployer: Sendable {
    public var target: String
    /// Extra rsync options (e.g. `-e "ssh -p 2222"` split into words).
    public var extraArguments: [String]

    public init(target: String, extraArguments: [String] = []) {
        self.target = target
        self.extraArguments = extraArguments
    }

    /// The rsync command line for a staged folder.
    func arguments(staged: String) -> [String] {
        ["rsync", "--recursive", "--checksum", "--delete", "--delete-after", "--delay-updates",
         "--perms", "--chmod=D755,F644", "--out-format=%i %n"] + extraArguments + [staged + "/", destination]
    }

    /// The target, ending in `/` so rsync fills it rather than creating a folder inside it.
    var destination: String { target.hasSuffix("/") ? target : target + "/" }

    /// rsync reads `host:path` as remote when no `/` comes before the first `:`.
    var isLocal: Bool {
        guard let colon = target.firstIndex(of: ":") else { return true }
        return target[..<colon].contains("/")
    }

    @discardableResult
    public func deploy(_ files: [OutputFile]) throws -> ChangeReport {
        guard Command.exists("rsync") else { throw PublishError("`rsync` is not installed (Debian: apt-get install rsync)") }
        if isLocal {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        }
        let scratch = try OutputFolder.temporary("rsync")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try OutputFolder.write(files, into: scratch + "/site")
        let result = try Command(arguments(staged: scratch + "/site")).check("rsync to \(target)")
        return Self.changes(fromItemized: result.text)
    }

    /// Parses `%i %n` lines: `>f+++++++++ path` added, `>f.c....... path` updated, `*deleting   path`
    /// removed. Folders (paths ending in `/`) and attribute-only changes are left out.
    static func changes(fromItemized output: String) -> ChangeReport {
        var added: [String] = [], updated: [String] = [], removed: [String] = []
        for line in output.split(separator: "\n") {
            guard line.count > 12 else { continue }
            let item = line.prefix(11)
            let path = String(line.dropFirst(12))
            if path.hasSuffix("/") { continue }
            if item.hasPrefix("*deleting") {
                removed.append(path)
            } else if item.hasPrefix(">f") || item.hasPrefix("<f") {
                if item.dropFirst(2).allSatisfy({ $0 == "+" }) { added.append(path) } else { updated.append(path) }
            }
        }
        return ChangeReport(added: added, updated: updated, removed: removed)
    }
}
