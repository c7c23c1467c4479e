import Foundation
import GlossBuild
import GlossContent
import GlossRender

/// Where `gloss publish` puts the site.
public enum PublishDestination: Sendable, Equatable {
    /// A folder a web server serves, replaced atomically.
    case folder(String)
    /// A branch of the site's git repository (GitHub Pages), optionally pushed.
    case gitBranch(String, remote: String?)
    /// An rsync target: a local folder, `host:path` or `rsync://…`.
    case rsync(String)

    public var description: String {
        switch self {
        case .folder(let path): path
        case .gitBranch(let branch, let remote): remote.map { "branch \(branch) (pushed to \($0))" } ?? "branch \(branch)"
        case .rsync(let target): target
        }
    }
}

/// A production build: drafts left out, unanchored notes are errors, an optional base URL.
public struct PublishOptions: Sendable {
    public var source: String
    public var baseURL: String?
    public var minify: Bool

    public init(source: String, baseURL: String? = nil, minify: Bool = false) {
        self.source = source
        self.baseURL = baseURL
        self.minify = minify
    }

    public var buildOptions: BuildOptions {
        BuildOptions(source: source, includeDrafts: false, allowOrphans: false, baseURL: baseURL)
    }
}

/// `gloss publish`: a production build, then a deploy step. The two halves are separate so the
/// command line can print the build's diagnostics before a slow upload starts.
public enum Publisher {
    /// Builds for production; `files` is nil when there is any error.
    public static func build(_ options: PublishOptions) -> BuildResult {
        var result = SiteBuilder.build(options.buildOptions)
        if options.minify, let files = result.files { result.files = Minifier.minify(files) }
        return result
    }

    /// Sends built files to a destination and reports what changed there. `onWait` hears that
    /// another gloss is writing the same folder, before this one waits for it.
    public static func deploy(_ files: [OutputFile], to destination: PublishDestination, source: String,
                              onWait: (@Sendable (String) -> Void)? = nil) throws -> ChangeReport {
        switch destination {
        case .folder(let path):
            return try FolderDeployer(destination: path, source: source, onWait: onWait).deploy(files)
        case .gitBranch(let branch, let remote):
            return try GitBranchDeployer(repository: source, branch: branch, remote: remote,
                                         message: "Publish \(files.count) files with gloss").deploy(files)
        case .rsync(let target):
            return try RsyncDeployer(target: target).deploy(files)
        }
    }
}
