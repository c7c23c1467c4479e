import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GlossContent

/// Writes a built site into its output folder (`gloss build`, `gloss publish --to`) so that the
/// folder is only ever exactly the old site or exactly the new one, even if the process is killed
/// at any moment: the files go to a folder beside it, which then takes its place in one atomic
/// exchange (`FolderSwap`). Writers of one output take turns (`OutputLock`), and each first
/// repairs whatever a killed writer left. A failure (a full disk, say) leaves the old site as it
/// was. Not covered: power loss, which would need every file synced to disk before the swap.
public enum SiteWriter {
    public typealias WriteError = OutputFolder.WriteError

    public struct Options: Sendable {
        /// Compare with the site being replaced: files with the same bytes become hard links to
        /// the old copies (so they keep their modification time), the outcome lists what
        /// changed, and an identical site is left alone.
        public var reuseUnchanged: Bool
        /// How long the replaced site stays (out of sight) before it is deleted, so that a web
        /// server that started resolving a path in it a moment ago can finish.
        public var grace: Duration
        /// Hears that another gloss holds the output's lock, before this one waits for it.
        public var onWait: (@Sendable (String) -> Void)?

        public init(reuseUnchanged: Bool = false, grace: Duration = .zero, onWait: (@Sendable (String) -> Void)? = nil) {
            self.reuseUnchanged = reuseUnchanged
            self.grace = grace
            self.onWait = onWait
        }
    }

    /// What a write did. The change lists are filled only with `reuseUnchanged`.
    public struct Outcome: Sendable {
        public var files: Int
        public var added: [String] = []
        public var updated: [String] = []
        public var removed: [String] = []
        /// False when the output already held exactly this site.
        public var replaced = true
        /// Temporary folders of an interrupted earlier run that this one cleaned up.
        public var leftovers: [String] = []
    }

    /// - Parameters:
    ///   - output: the folder to replace; a symbolic link stays and the folder it points to is replaced.
    ///   - source: the site's own folder, which the output must never contain.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: String, source: String?, options: Options = Options()) throws -> Outcome {
        try write(files, to: output, source: source, options: options, method: .exchange)
    }

    static func write(_ files: [OutputFile], to output: String, source: String?, options: Options, method: FolderSwap.Method) throws -> Outcome {
        try OutputFolder.checkPaths(files)
        let staged = try StagedSite(output: output, source: source, options: options, method: method)
        staged.add(files)
        return try staged.finish()
    }

    /// An absolute path with `.`, `..` and symbolic links resolved.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The output folder is replaced wholesale, so it must never be the site itself, a folder
    /// holding it, or someone's home.
    static func checkSafe(output: String, source: String?) throws {
        if output == "/" || output == resolved(NSHomeDirectory()) {
            throw WriteError("refusing to replace \(output) with a built site")
        }
        if let source, source == output || source.hasPrefix(output + "/") {
            throw WriteError("refusing to replace \(output): it contains the site's own files")
        }
    }

    /// Checked with the lock held, just before the folder is replaced.
    static func checkContents(_ output: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError("refusing to replace \(output): it is a file, not a folder")
        }
        if fm.fileExists(atPath: output + "/gloss.yml") || fm.fileExists(atPath: output + "/content") {
            throw WriteError("refusing to replace \(output): it holds a gloss.yml or content/ folder, not a built site")
        }
        if fm.fileExists(atPath: output + "/.git") {
            throw WriteError("refusing to replace \(output): it is a git work tree (to publish to a branch, use --git-branch)")
        }
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
