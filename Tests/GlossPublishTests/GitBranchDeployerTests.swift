import GlossContent
import Foundation
import GlossRender
import Testing
@testable import GlossPublish

@Suite struct GitBranchDeployerTests {
    /// A repository with one commit on `main`, a tracked file, an untracked one and a staged change.
    static func repository(_ scratch: Scratch) throws -> String {
        let repo = scratch.root + "/repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--initial-branch=main"], in: repo)
        try git(["config", "user.name", "Test Editor"], in: repo)
        try git(["config", "user.email", "editor@example.org"], in: repo)
        try git(["config", "commit.gpgsign", "false"], in: repo)
        try scratch.write("repo/gloss.yml", "title: T\n")
        try git(["add", "gloss.yml"], in: repo)
        try git(["commit", "--quiet", "-m", "Site"], in: repo)
        try scratch.write("repo/gloss.yml", "title: T, edited\n")
        try scratch.write("repo/notes.txt", "untracked\n")
        try scratch.write("repo/staged.txt", "staged\n")
        try git(["add", "staged.txt"], in: repo)
        return repo
    }

    static func state(_ repo: String) throws -> [String] {
        [try git(["symbolic-ref", "HEAD"], in: repo), try git(["rev-parse", "HEAD"], in: repo),
         try git(["status", "--porcelain"], in: repo), try git(["diff", "--cached", "--name-status"], in: repo)]
    }

    @Test func commitsTheSiteToTheBranchWithoutTouchingTheWorkingTreeOrCurrentBranch() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repo = try Self.repository(scratch)
        let before = try Self.state(repo)
        let deployer = GitBranchDeployer(repository: repo, branch: "gh-pages")
        let outcome = try deployer.publish(Sites.first)
        #expect(outcome.changes == ChangeReport(added: Sites.first.map(\.path) + [".nojekyll"]))
        let commit = try #require(outcome.commit)
        #expect(try git(["rev-parse", "gh-pages"], in: repo) == commit)
        #expect(try git(["ls-tree", "-r", "--name-only", "gh-pages"], in: repo).split(separator: "\n").map(String.init).sorted()
                == ([".nojekyll"] + Sites.first.map(\.path)).sorted())
        #expect(try git(["show", "gh-pages:articles/a/index.html"], in: repo) == "<h1>A</h1>")
        #expect(try git(["cat-file", "-s", "gh-pages:.nojekyll"], in: repo) == "0")
        #expect(try Self.state(repo) == before, "HEAD, the working tree and the index are as they were")
        #expect(scratch.read("repo/gloss.yml") == "title: T, edited\n")
        #expect(!scratch.exists("repo/index.html"))
        #expect(!scratch.exists("repo/.nojekyll"))
    }

    @Test func aSecondPublishReportsOnlyWhatChangedAndBuildsOnTheLastCommit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repo = try Self.repository(scratch)
        let deployer = GitBranchDeployer(repository: repo, branch: "gh-pages")
        let first = try #require(try deployer.publish(Sites.first).commit)
        let second = try deployer.publish(Sites.second)
        #expect(second.changes == Sites.secondChanges)
        let commit = try #require(second.commit)
        #expect(try git(["rev-parse", "\(commit)^"], in: repo) == first)
        let third = try deployer.publish(Sites.second)
        #expect(third.changes.isEmpty)
        #expect(third.commit == nil, "an unchanged site makes no empty commit")
        #expect(try git(["rev-parse", "gh-pages"], in: repo) == commit)
    }

    @Test func keepsACNAMEThatTheBranchAlreadyHas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repo = try Self.repository(scratch)
        let deployer = GitBranchDeployer(repository: repo, branch: "gh-pages")
        try deployer.publish(Sites.first + [OutputFile(path: "CNAME", text: "digest.example.org\n")])
        let outcome = try deployer.publish(Sites.second)
        #expect(!outcome.changes.removed.contains("CNAME"))
        #expect(try git(["show", "gh-pages:CNAME"], in: repo) == "digest.example.org")
    }

    @Test func refusesTheCheckedOutBranchAndNonRepositories() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repo = try Self.repository(scratch)
        let head = try git(["rev-parse", "HEAD"], in: repo)
        #expect(throws: PublishError.self) { try GitBranchDeployer(repository: repo, branch: "main").publish(Sites.first) }
        #expect(try git(["rev-parse", "main"], in: repo) == head)
        #expect(throws: PublishError.self) { try GitBranchDeployer(repository: repo, branch: "bad..name").publish(Sites.first) }
        try FileManager.default.createDirectory(atPath: scratch.root + "/plain", withIntermediateDirectories: true)
        #expect(throws: PublishError.self) { try GitBranchDeployer(repository: scratch.root + "/plain", branch: "gh-pages").publish(Sites.first) }
    }

    @Test func pushesToTheRemoteAndBuildsOnWhatTheRemoteHas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repo = try Self.repository(scratch)
        try git(["init", "--quiet", "--bare", scratch.root + "/remote.git"], in: scratch.root)
        try git(["remote", "add", "origin", scratch.root + "/remote.git"], in: repo)
        let deployer = GitBranchDeployer(repository: repo, branch: "gh-pages", remote: "origin")
        let first = try deployer.publish(Sites.first)
        #expect(first.pushed)
        #expect(try git(["rev-parse", "gh-pages"], in: scratch.root + "/remote.git") == first.commit)
        // Another machine: no local branch yet, so the commit must build on the remote's.
        try git(["update-ref", "-d", "refs/heads/gh-pages"], in: repo)
        let second = try deployer.publish(Sites.second)
        #expect(second.changes == Sites.secondChanges)
        #expect(try git(["rev-parse", "gh-pages^"], in: scratch.root + "/remote.git") == first.commit)
        #expect(try git(["rev-parse", "gh-pages"], in: scratch.root + "/remote.git") == second.commit)
    }
}
