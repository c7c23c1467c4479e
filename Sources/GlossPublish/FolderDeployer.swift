import Foundation
import GlossBuild
import GlossContent

/// Publishes into a folder a web server reads (`gloss publish --to DIR`) with the same writer as
/// `gloss build` (`SiteWriter`: written beside DIR, swapped in atomically, one writer at a time,
/// leftovers of a killed run cleaned up), comparing with what DIR holds so that unchanged files
/// keep their modification time and the report lists what changed. The previous site stays out
/// of sight for a short grace period before it is deleted, so requests already under way can
/// finish resolving their paths in it.
public struct FolderDeployer: Sendable {
    public var destination: String
    /// The site's own folder, which must never be replaced.
    public var source: String?
    /// How long the previous site stays (out of sight) before it is deleted.
    public var grace: Duration
    /// Hears that another gloss is writing the destination, before this one waits for it.
    public var onWait: (@Sendable (String) -> Void)?

    public init(destination: String, source: String? = nil, grace: Duration = .seconds(1), onWait: (@Sendable (String) -> Void)? = nil) {
        self.destination = destination
        self.source = source
        self.grace = grace
        self.onWait = onWait
    }

    @discardableResult
    public func deploy(_ files: [OutputFile]) throws -> ChangeReport {
        do {
            let outcome = try SiteWriter.write(files, to: destination, source: source,
                                               options: SiteWriter.Options(reuseUnchanged: true, grace: grace, onWait: onWait))
            return ChangeReport(added: outcome.added, updated: outcome.updated, removed: outcome.removed)
        } catch let error as SiteWriter.WriteError {
            throw PublishError(error.description)
        }
    }
}
