import GlossBuild
import GlossContent
import Foundation
import GlossRender

/// Commits a built site to a branch (`gloss publish --git-branch gh-pages`) with git plumbing
/// only: blobs with `hash-object`, a tree from a temporary index (`GIT_INDEX_FILE`,
/// `update-index`, `write-tree`), then `commit-tree` and `update-ref`. The working tree, the real
/// index and the checked-out branch are never touched. Adds `.nojekyll` (so GitHub Pages serves
/// the files as they are) and keeps a `CNAME` the branch already has. Pushes to `remote` if given.
public struct GitBranchDeployer: Sendable {
    /// Any folder inside the repository (the site folder).
    public var repository: String
    public var branch: String
    public var remote: String?
    public var message: String

    public init(repository: String, branch: String, remote: String? = nil, message: String = "Publish site with gloss") {
        self.repository = repository
        self.branch = branch
        self.remote = remote
        self.message = message
    }

    /// What happened: the changes the new commit makes to the branch, and the commit (nil when
    /// the branch already held exactly this site).
    public struct Outcome: Sendable {
        public var changes: ChangeReport
        public var commit: String?
        public var pushed: Bool
    }

    func git(_ arguments: [String], index: String? = nil, input: Data? = nil, environment: [String: String] = [:]) -> Command {
        var env = environment
        if let index { env["GIT_INDEX_FILE"] = index }
        return Command(["git", "-C", repository] + arguments, environment: env, input: input)
    }

    @discardableResult
    public func deploy(_ files: [OutputFile]) throws -> ChangeReport { try publish(files).changes }

    public func publish(_ files: [OutputFile]) throws -> Outcome {
        guard Command.exists("git") else { throw PublishError("`git` is not installed (Debian: apt-get install git)") }
        guard try git(["rev-parse", "--git-dir"]).run().status == 0 else {
            throw PublishError("\(repository) is not inside a git repository: --git-branch commits the site to a branch of the site's repository")
        }
        guard try Command(["git", "check-ref-format", "--branch", branch]).run().status == 0, !branch.hasPrefix("-") else {
            throw PublishError("`\(branch)` is not a valid branch name")
        }
        let ref = "refs/heads/\(branch)"
        try refuseCheckedOut(ref)

        let local = try resolve(ref)
        var parent = local
        if let remote {
            // Build on what the remote has, so the push is a fast-forward.
            if try git(["fetch", "--quiet", "--no-tags", remote, ref]).run().status == 0, let fetched = try resolve("FETCH_HEAD") {
                if let local, local != fetched {
                    if try git(["merge-base", "--is-ancestor", local, fetched]).run().status == 0 { parent = fetched }
                } else {
                    parent = fetched
                }
            }
        }

        let scratch = try OutputFolder.temporary("git-publish")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var all = files
        if !all.contains(where: { $0.path == ".nojekyll" }) { all.append(OutputFile(path: ".nojekyll", bytes: [])) }
        try OutputFolder.write(all, into: scratch + "/site")

        // Blobs, in one process: paths in, object ids out, in the same order.
        let paths = all.map(\.path)
        let hashed = try git(["hash-object", "-w", "--no-filters", "--stdin-paths"],
                             input: Data(paths.map { scratch + "/site/" + $0 + "\n" }.joined().utf8)).check("git hash-object")
        let ids = hashed.text.split(separator: "\n").map(String.init)
        guard ids.count == paths.count else { throw PublishError("git hash-object returned \(ids.count) ids for \(paths.count) files") }
        var entries = zip(paths, ids).map { "100644 \($1)\t\($0)" }
        if let parent, !paths.contains("CNAME"), let cname = try resolve("\(parent):CNAME") {
            entries.append("100644 \(cname)\tCNAME")  // a custom domain set in GitHub's settings
        }
        let index = scratch + "/index"
        try git(["update-index", "-z", "--add", "--index-info"], index: index,
                input: Data(entries.map { $0 + "\0" }.joined().utf8)).check("git update-index")
        let tree = try git(["write-tree"], index: index).check("git write-tree").text.trimmingCharacters(in: .whitespacesAndNewlines)

        var changes: ChangeReport
        var commit: String?
        if let parent, let parentTree = try resolve("\(parent)^{tree}") {
            changes = try diff(parentTree, tree)
        } else {
            changes = ChangeReport(added: try git(["ls-tree", "-r", "-z", "--name-only", tree]).check("git ls-tree").text
                .split(separator: "\0").map(String.init))
        }
        if parent == nil || !changes.isEmpty {
            var arguments = ["commit-tree", tree, "-m", message]
            if let parent { arguments += ["-p", parent] }
            let made = try git(arguments, environment: try identity()).check("git commit-tree").text.trimmingCharacters(in: .whitespacesAndNewlines)
            try git(["update-ref", "-m", "gloss publish", ref, made, local ?? ""]).check("git update-ref")
            commit = made
        } else if let parent, parent != local {
            try git(["update-ref", "-m", "gloss publish", ref, parent, local ?? ""]).check("git update-ref")
        }
        var pushed = false
        if let remote {
            try git(["push", "--quiet", remote, "\(ref):\(ref)"]).check("git push to \(remote)")
            pushed = true
        }
        return Outcome(changes: changes, commit: commit, pushed: pushed)
    }

    /// The object a revision names, or nil when it does not exist.
    func resolve(_ revision: String) throws -> String? {
        let result = try git(["rev-parse", "--verify", "--quiet", revision + (revision.contains(":") || revision.hasSuffix("}") ? "" : "^{commit}")]).run()
        let id = result.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.status == 0 && !id.isEmpty ? id : nil
    }

    /// Updating the branch a work tree has checked out would change what that work tree shows.
    func refuseCheckedOut(_ ref: String) throws {
        let worktrees = try git(["worktree", "list", "--porcelain"]).run()
        let checkedOut = worktrees.status == 0
            ? worktrees.text.split(separator: "\n").filter { $0.hasPrefix("branch ") }.map { String($0.dropFirst("branch ".count)) }
            : [try git(["symbolic-ref", "-q", "HEAD"]).run().text.trimmingCharacters(in: .whitespacesAndNewlines)]
        if checkedOut.contains(ref) {
            throw PublishError("branch `\(branch)` is checked out; publish to a branch you do not work on (e.g. gh-pages)")
        }
    }

    func diff(_ old: String, _ new: String) throws -> ChangeReport {
        let fields = try git(["diff-tree", "-r", "-z", "--no-renames", "--name-status", old, new]).check("git diff-tree").text
            .split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        var added: [String] = [], updated: [String] = [], removed: [String] = []
        var i = 0
        while i + 1 < fields.count {
            switch fields[i].first {
            case "A": added.append(fields[i + 1])
            case "D": removed.append(fields[i + 1])
            default: updated.append(fields[i + 1])
            }
            i += 2
        }
        return ChangeReport(added: added, updated: updated, removed: removed)
    }

    /// commit-tree needs an author; fall back to "gloss" where git has none configured.
    func identity() throws -> [String: String] {
        if try git(["var", "GIT_COMMITTER_IDENT"]).run().status == 0, try git(["var", "GIT_AUTHOR_IDENT"]).run().status == 0 { return [:] }
        return ["GIT_AUTHOR_NAME": "gloss", "GIT_AUTHOR_EMAIL": "gloss@localhost",
                "GIT_COMMITTER_NAME": "gloss", "GIT_COMMITTER_EMAIL": "gloss@localhost"]
    }
}
