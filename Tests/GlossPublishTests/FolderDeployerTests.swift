import GlossContent
import Foundation
import GlossRender
import Testing
@testable import GlossPublish

@Suite struct FolderDeployerTests {
    @Test func firstPublishAddsEveryFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let changes = try FolderDeployer(destination: scratch.root + "/www/digest").deploy(Sites.first)
        #expect(changes == ChangeReport(added: Sites.first.map(\.path)))
        #expect(scratch.read("www/digest/articles/b/index.html") == "<h1>B</h1>\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.root + "/www/digest/index.html")
        #expect((attributes[.posixPermissions] as? Int) == 0o644, "readable by a web server running as another user")
        let folder = try FileManager.default.attributesOfItem(atPath: scratch.root + "/www/digest/articles")
        #expect((folder[.posixPermissions] as? Int) == 0o755)
    }

    @Test func republishingSwapsInTheNewSiteRemovesStaleFilesAndReportsChanges() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let deployer = FolderDeployer(destination: scratch.root + "/www/digest")
        try deployer.deploy(Sites.first)
        let changes = try deployer.deploy(Sites.second)
        #expect(changes == Sites.secondChanges)
        #expect(changes.lines == ["removed articles/b/index.html", "added   articles/c/index.html", "updated index.html"])
        #expect(changes.summary == "1 added, 1 updated, 1 removed")
        #expect(scratch.read("www/digest/index.html") == "<h1>Home, again</h1>\n")
        #expect(!scratch.exists("www/digest/articles/b/index.html"), "files no longer built are removed")
        #expect(!scratch.exists("www/digest/articles/b"))
        // Beside it only the lock file that publishes and builds of this folder take turns on.
        #expect(scratch.entries("www") == [".digest.gloss-lock", "digest"], "no staging or retired folders are left beside it")
        #expect(try deployer.deploy(Sites.second).isEmpty, "publishing the same site again changes nothing")
    }

    /// Unchanged files keep their modification time, so ETags, Last-Modified and `aws s3 sync`
    /// treat them as unchanged.
    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let deployer = FolderDeployer(destination: scratch.root + "/digest", grace: .zero)
        try deployer.deploy(Sites.first)
        let old = Date(timeIntervalSince1970: 1_500_000_000)
        for path in ["articles/a/index.html", "index.html"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: scratch.root + "/digest/" + path)
        }
        try deployer.deploy(Sites.second)
        func modified(_ path: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: scratch.root + "/digest/" + path)[.modificationDate] as? Date
        }
        #expect(try modified("articles/a/index.html") == old)
        #expect(try modified("index.html") != old, "a changed file is new")
        #expect(scratch.read("articles/a/index.html") == nil)
        #expect(scratch.read("digest/articles/a/index.html") == "<h1>A</h1>\n")
    }

    @Test func aSymbolicLinkDestinationKeepsPointingAtTheSite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.root + "/releases/current", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/live", withDestinationPath: scratch.root + "/releases/current")
        let deployer = FolderDeployer(destination: scratch.root + "/live")
        try deployer.deploy(Sites.first)
        try deployer.deploy(Sites.second)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.root + "/live")
        #expect(link == scratch.root + "/releases/current")
        #expect(scratch.read("live/articles/c/index.html") == "<h1>C</h1>\n")
    }

    @Test func refusesFoldersThatAreNotBuiltSites() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("site/gloss.yml", "title: T\n")
        #expect(throws: PublishError.self) { try FolderDeployer(destination: scratch.root + "/site").deploy(Sites.first) }
        #expect(throws: PublishError.self) {
            try FolderDeployer(destination: scratch.root, source: scratch.root + "/site").deploy(Sites.first)
        }
        try scratch.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        #expect(throws: PublishError.self) { try FolderDeployer(destination: scratch.root + "/repo").deploy(Sites.first) }
        #expect(scratch.read("site/gloss.yml") == "title: T\n")
        #expect(throws: PublishError.self) {
            try FolderDeployer(destination: scratch.root + "/out").deploy([OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(!scratch.exists("escape.html"))
    }

    /// A reader hammering the folder during many publishes sees the old page or the new one,
    /// never a missing or partial one.
    @Test func aReaderNeverSeesAHalfPublishedSite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let deployer = FolderDeployer(destination: scratch.root + "/digest", grace: .milliseconds(100))
        let versions = (0..<2).map { v in
            (0..<40).map { OutputFile(path: "p\($0)/index.html", text: "version \(v) " + String(repeating: "x", count: 4_000)) }
        }
        try deployer.deploy(versions[0])
        let stop = Shared(false)
        let problems = Shared([String]())
        let reads = Shared(0)
        let path = scratch.root + "/digest/p7/index.html"
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: on a busy machine the shared dispatch pool can be taken up by
        // other tests' blocking work until every publish is over.
        let reader = Thread {
            while !stop.get() {
                let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                if text != versions[0][7].textValue && text != versions[1][7].textValue {
                    problems.update { $0.append(text.map { String($0.prefix(20)) } ?? "missing") }
                }
                reads.update { $0 += 1 }
            }
            done.signal()
        }
        reader.start()
        let started = Date()
        while reads.get() == 0 && Date().timeIntervalSince(started) < 10 { Thread.sleep(forTimeInterval: 0.001) }
        for round in 1...20 { try deployer.deploy(versions[round % 2]) }
        stop.update { $0 = true }
        done.wait()
        #expect(problems.get().isEmpty, "\(problems.get().prefix(5))")
        #expect(reads.get() > 0)
    }
}

extension OutputFile {
    var textValue: String { String(decoding: bytes, as: UTF8.self) }
}
