import Foundation
import GlossRender
import Testing
@testable import GlossPublish

@Suite struct RsyncDeployerTests {
    /// Fails (does not skip) without rsync: `make test` installs it.
    @Test func synchronisesALocalFolderAndReportsChangesFromRsyncItself() throws {
        try #require(Command.exists("rsync"), "rsync is not installed: apt-get install rsync")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = scratch.root + "/srv/www/digest"
        let deployer = RsyncDeployer(target: target)
        #expect(try deployer.deploy(Sites.first) == ChangeReport(added: Sites.first.map(\.path)))
        try scratch.write("srv/www/digest/stale.html", "left over\n")
        let changes = try deployer.deploy(Sites.second)
        #expect(changes == ChangeReport(added: ["articles/c/index.html"], updated: ["index.html"],
                                        removed: ["articles/b/index.html", "stale.html"]))
        #expect(scratch.read("srv/www/digest/index.html") == "<h1>Home, again</h1>\n")
        #expect(!scratch.exists("srv/www/digest/articles/b"))
        #expect(!scratch.exists("srv/www/digest/stale.html"))
        // Rebuilt files with the same bytes (new modification times) are not sent again.
        #expect(try deployer.deploy(Sites.second).isEmpty)
    }

    @Test func parsesItemizedOutput() {
        let output = """
        >f+++++++++ index.html
        cd+++++++++ articles/c/
        >f+++++++++ articles/c/index.html
        >fc.T...... assets/gloss.css
        .f...p..... unchanged.html
        *deleting   articles/b/index.html
        *deleting   articles/b/
        .d..t...... ./
        """
        #expect(RsyncDeployer.changes(fromItemized: output) == ChangeReport(
            added: ["index.html", "articles/c/index.html"], updated: ["assets/gloss.css"], removed: ["articles/b/index.html"]))
    }

    @Test func targetsAreLocalUnlessTheyNameAHost() {
        #expect(RsyncDeployer(target: "/var/www/digest").isLocal)
        #expect(RsyncDeployer(target: "./out:1").isLocal)
        #expect(!RsyncDeployer(target: "deploy@example.org:/var/www/digest").isLocal)
        #expect(!RsyncDeployer(target: "rsync://example.org/www").isLocal)
        #expect(RsyncDeployer(target: "host:www").arguments(staged: "/tmp/s").suffix(2) == ["/tmp/s/", "host:www/"])
    }
}
